namespace Centrex.Invoicing.Mail;

/// <summary>How the connection to the SMTP server is secured. Persisted by name: <c>none</c>, <c>starttls</c>, <c>tls</c>.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or a test server).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (submission, port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    Tls,
}

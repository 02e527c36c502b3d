namespace Centrex.Provisioning.Model;

/// <summary>
/// How a phone line registers: its SIP user name and digest hashes, never the password. HA1 = H(username ":" realm ":"
/// password) (RFC 7616 §3.4.2) in lower-case hex, for MD5 and SHA-256 (RFC 8760); <c>centrex sip-hash</c> prints both.
/// </summary>
/// <param name="Username">SIP user name (digest <c>username</c>), unique across accounts.</param>
/// <param name="Ha1Md5">MD5 HA1 (32 hex digits), or null.</param>
/// <param name="Ha1Sha256">SHA-256 HA1 (64 hex digits), or null.</param>
public sealed record SipCredentials(string Username, string? Ha1Md5, string? Ha1Sha256);

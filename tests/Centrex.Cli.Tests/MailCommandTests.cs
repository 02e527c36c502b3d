using Centrex.Invoicing.Tests.Support;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 17, email from the command line against a real SMTP server (aiosmtpd on loopback): billing queues each invoice's
/// message, <c>mail send</c> delivers what waits, <c>notify</c> sends renewal reminders and overdue notices once.
/// </summary>
public sealed class MailCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    [Fact]
    public void BilledWithoutMail_ThenConfigured_SendDeliversEachInvoiceOnce_AndListShowsIt()
    {
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, SampleProvisioning.Path).ExitCode);
        var bill = CliRun.Invoke("bill", "--data", Data, "--period", "2026-10");
        Assert.Equal(0, bill.ExitCode); // the invoices are issued whatever happens to their email
        Assert.Matches(@"email\s+0 sent, 0 failed, 6 waiting", bill.Error);

        using var sink = new SmtpSink();
        Assert.Equal(2, CliRun.Invoke("mail", "configure", "--data", Data, "--smtp", "127.0.0.1", "--from", "billing@centrex.example").ExitCode);
        Assert.Equal(0, CliRun.Invoke("mail", "configure", "--data", Data, "--smtp", $"127.0.0.1:{sink.Port}", "--from", "billing@centrex.example").ExitCode);
        var send = CliRun.Invoke("mail", "send", "--data", Data);
        Assert.Equal(0, send.ExitCode);
        Assert.Matches(@"email\s+6 sent, 0 failed, 0 waiting", send.Error);
        Assert.Equal(6, sink.Messages().Count);
        Assert.Matches(@"invoice:000004\s+billing@lakeshoredental.example\s+sent\s+1", CliRun.Invoke("mail", "list", "--data", Data).Out);
        Assert.Matches(@"email\s+0 sent, 0 failed, 0 waiting", CliRun.Invoke("mail", "send", "--data", Data).Error);
        Assert.Equal(6, sink.Messages().Count);
    }

    /// <summary>
    /// Seed 001: "You will also be reminded a few days before billing begins so that you can top-up your Cititone balance
    /// to have funds available to renew your services." Self-care manual, Invoices: "Overdue – invoice is unpaid and past due".
    /// </summary>
    [Fact]
    public void Notify_SendsRenewalRemindersAFewDaysBeforeThe27th_AndOverdueNotices_EachOnce()
    {
        using var sink = new SmtpSink();
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, SampleProvisioning.Path).ExitCode);
        Assert.Equal(0, CliRun.Invoke("mail", "configure", "--data", Data, "--smtp", $"127.0.0.1:{sink.Port}", "--from", "billing@centrex.example").ExitCode);
        Assert.Equal(0, CliRun.Invoke("bill", "--data", Data, "--period", "2026-10").ExitCode);
        var invoices = sink.Messages().Count;

        var early = CliRun.Invoke("notify", "--data", Data, "--as-of", "2026-11-23");
        Assert.Contains("0 notices queued", early.Error, StringComparison.Ordinal);
        var reminder = CliRun.Invoke("notify", "--data", Data, "--as-of", "2026-11-24");
        Assert.Contains("1 notices queued (1 renewal reminders", reminder.Error, StringComparison.Ordinal);
        Assert.Equal(invoices + 1, sink.Messages().Count);
        var mail = Assert.Single(sink.Messages(), m => m.Subject!.StartsWith("Your services renew", StringComparison.Ordinal)); // the Maildir's names do not keep arrival order
        Assert.Equal("office@cedarridge.example", mail.To.Mailboxes.Single().Address); // the prepaid customer
        Assert.StartsWith("Your services renew on 2026-11-27: CAD ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Business Basic", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("0 notices queued", CliRun.Invoke("notify", "--data", Data, "--as-of", "2026-11-25").Error, StringComparison.Ordinal);

        var overdue = CliRun.Invoke("notify", "--data", Data, "--as-of", "2026-12-01");
        Assert.Matches(@"[1-9] notices queued \(0 renewal reminders and [1-9] overdue notices due", overdue.Error);
        Assert.Contains(sink.Messages(), m => m.Subject!.StartsWith("Overdue: invoice 000003 from Centrex Communications Inc.", StringComparison.Ordinal)); // CUST-NS paid 100.00 of more
        Assert.DoesNotContain(sink.Messages(), m => m.Subject!.StartsWith("Overdue: invoice 000002", StringComparison.Ordinal)); // prepaid statement: N/A
        var count = sink.Messages().Count;
        Assert.Contains("0 notices queued", CliRun.Invoke("notify", "--data", Data, "--as-of", "2026-12-02").Error, StringComparison.Ordinal);
        Assert.Equal(count, sink.Messages().Count);
    }
}

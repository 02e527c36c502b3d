using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Mail;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Taxes;
using Centrex.Invoicing.Tests.Support;
using MimeKit;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Issue 17, email. Seed 001, "How do you send me the invoices?": "Invoices are also automatically emailed". Sent through
/// a real SMTP server (aiosmtpd) on loopback and read back: the message, its PDF (through pdftotext) and its statistics.
/// </summary>
public sealed class InvoiceMailTests : IDisposable
{
    private static readonly YearMonth October = new(2026, 10);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private BillingRunResult BillSample()
    {
        Billing.ImportSample(_folder.Path);
        var calls = Calls.Month(["ACC-1001", "ACC-1002", "ACC-1003", "ACC-1004", "ACC-1005", "ACC-1006"], October, 30, seed: 3);
        return new BillingCycle(_folder.Path, new InMemoryRatedCdrSource(calls), FixedClock.At(2026, 11, 2), BillingRules.Default, TaxTable.Default, ProviderInfo.Default).Run(October);
    }

    private MailRunResult Send(MailSettings? settings)
    {
        using var store = BillingStore.Open(_folder.Path);
        return new MailSender(_folder.Path, settings, FixedClock.At(2026, 11, 2)) { RetryPause = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(5) }.SendPending(store);
    }

    private static MailSettings To(int port) => new("127.0.0.1", port, MailSecurity.None, "billing@centrex.example", null);

    [Fact]
    public void EveryInvoice_IsEmailedWithItsPdf_AndTheStatisticsTheCustomerAskedFor()
    {
        using var sink = new SmtpSink();
        var result = BillSample();
        Assert.Equal(new MailRunResult(6, 0, 0, null), Send(To(sink.Port)));

        var messages = sink.Messages();
        Assert.Equal(6, messages.Count);
        var qc = messages.Single(m => m.To.Mailboxes.Single().Address == "comptes@boulangerie-tremblay.example");
        Assert.Equal("Invoice 000005 from Centrex Communications Inc.: 2026-10", qc.Subject);
        Assert.Equal("billing@centrex.example", qc.From.Mailboxes.Single().Address);
        Assert.Contains("Amount due:        CAD " + Amounts.Cents(result.Invoices.Single(i => i.Customer.Id == "CUST-QC").AmountDue), qc.TextBody, StringComparison.Ordinal);
        var attachments = qc.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["000005-CUST-QC.pdf", "000005-CUST-QC.xdr.csv"], attachments.Select(a => a.FileName));
        var pdf = Path.Combine(_folder.Path, "mailed.pdf");
        using (var file = File.Create(pdf))
        {
            attachments[0].Content!.DecodeTo(file);
        }

        Assert.Matches(@"Invoice number\s+000005", Pdf.ToText(pdf));
        Assert.Equal(File.ReadAllBytes(Path.Combine(result.InvoiceFolder, "000005-CUST-QC.xdr.csv")), Decoded(attachments[1]));

        var bc = messages.Single(m => m.Subject!.StartsWith("Invoice 000002", StringComparison.Ordinal));
        Assert.Equal(["000002-CUST-BC.pdf", "000002-CUST-BC.summary.csv"], bc.Attachments.OfType<MimePart>().Select(a => a.FileName));
        var us = messages.Single(m => m.Subject!.StartsWith("Invoice 000006", StringComparison.Ordinal));
        Assert.Equal(["000006-CUST-US.pdf"], us.Attachments.OfType<MimePart>().Select(a => a.FileName)); // Send Statistic: none

        using var store = BillingStore.Open(_folder.Path);
        Assert.All(store.Outbox(), m => Assert.Equal((MailStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(new MailRunResult(0, 0, 0, null), Send(To(sink.Port))); // never sent twice
        Assert.Equal(6, sink.Messages().Count);
    }

    [Fact]
    public void ServerDown_EachMessageIsRetriedAndRecordedFailedWithItsReason_BillingStands_AndTheNextRunDelivers()
    {
        var result = BillSample();
        var port = SmtpSink.FreePort(); // nothing listens there
        var down = Send(To(port));
        Assert.Equal((0, 6), (down.Sent, down.Failed));
        Assert.Contains("cannot reach the SMTP server", down.LastError, StringComparison.Ordinal);

        using (var store = BillingStore.Open(_folder.Path))
        {
            var mail = store.Outbox().First();
            Assert.Equal((MailStatus.Failed, 1), (mail.Status, mail.Attempts));
            Assert.Contains("(try 3 of 3)", mail.LastError, StringComparison.Ordinal);
            Assert.Equal(("failed", true), (store.Attempts(mail.Id).Single().Outcome, store.Attempts(mail.Id).Single().Detail!.Contains("cannot reach", StringComparison.Ordinal)));
            Assert.Equal(6, store.Invoices().Count);
        }

        Assert.True(result.Invoices.Count == 6);
        using var sink = new SmtpSink();
        Assert.Equal(new MailRunResult(6, 0, 0, null), Send(To(sink.Port)));
        using var after = BillingStore.Open(_folder.Path);
        Assert.Equal(["failed", "sent"], after.Attempts(after.Outbox().First().Id).Select(a => a.Outcome));
    }

    [Fact]
    public void NotConfigured_MessagesWaitInTheOutbox()
    {
        BillSample();
        var run = Send(null);
        Assert.Equal((0, 0, 6), (run.Sent, run.Failed, run.Waiting));
        Assert.Contains("not configured", run.LastError, StringComparison.Ordinal);
    }

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}

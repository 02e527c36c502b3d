using System.Text;
using Centrex.Invoicing.Transactions;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// The streamed Transactions CSV (<see cref="TransactionCsvWriter"/>) writes a call's row from its UTF-8 fields byte for
/// byte as <see cref="TransactionReport.WriteCsvRow"/> writes the same transaction as text: the download of the portal
/// changed how it is written, not what it says. Fields that need quoting (a comma or a quote in a destination's name),
/// non-ASCII names, zero and large amounts, and the other transactions merged in.
/// </summary>
public sealed class TransactionCsvWriterTests
{
    public static TheoryData<string, string, string, string, long, long> Calls() => new()
    {
        { "ACC-1001", "14165550199", "Canada - Toronto", "sw:RUN-1.1", 61, 12_345 },
        { "ACC-1001", "33142685300", "France, Paris", "cdr-2", 0, 0 },
        { "ACC \"QC\"", "4420", "Royaume-Uni \"mobile\"", "id,with,commas", 3_600, 1_234_567_890 },
        { "ACC-É", "5215555", "México — Ciudad de México", "é-1", 1, 1 },
        { "ACC-1", "1", "", "x", 59, 999 },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void ACallsRow_IsByteForByte_WhatWriteCsvRowWrites(string account, string callee, string destination, string id, long billed, long net)
    {
        var date = new LocalDate(2026, 10, 7);
        using var expected = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TransactionReport.WriteCsvRow(new Transaction(date, "calls", account, $"Call to +{callee} ({destination})", id, null, billed, new Mills(net)), expected);

        using var stream = new MemoryStream();
        using (var writer = new TransactionCsvWriter(stream))
        {
            writer.WriteCall(date, Encoding.UTF8.GetBytes(account), Encoding.UTF8.GetBytes(callee), Encoding.UTF8.GetBytes(destination), Encoding.UTF8.GetBytes(id), billed, new Mills(net));
        }

        Assert.Equal(TransactionReport.Header + "\n" + expected, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void CallsAndOtherTransactions_ComeInTheOrderWritten_AcrossManyBuffers()
    {
        var payment = new Transaction(new LocalDate(2026, 10, 2), "payments", null, "Payment, thank you", "PAY-1", 42, 1, new Mills(-50_000));
        var expected = new StringBuilder(TransactionReport.Header + "\n");
        using var stream = new MemoryStream();
        using (var writer = new TransactionCsvWriter(stream))
        {
            for (var i = 0; i < 20_000; i++)
            {
                var date = new LocalDate(2026, 10, 1).PlusDays(i / 1000);
                writer.WriteCall(date, "ACC-1001"u8, "14165550199"u8, "Canada"u8, Encoding.UTF8.GetBytes($"c-{i}"), i, new Mills(i * 7));
                using var row = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                TransactionReport.WriteCsvRow(new Transaction(date, "calls", "ACC-1001", "Call to +14165550199 (Canada)", $"c-{i}", null, i, new Mills(i * 7)), row);
                expected.Append(row);
                if (i == 1500)
                {
                    writer.Write(payment);
                    using var paid = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                    TransactionReport.WriteCsvRow(payment, paid);
                    expected.Append(paid);
                }
            }

            Assert.Equal(20_001, writer.Rows);
        }

        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }
}

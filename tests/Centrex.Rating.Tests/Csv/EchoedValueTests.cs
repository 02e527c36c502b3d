using Centrex.Rating.Csv;

namespace Centrex.Rating.Tests.Csv;

/// <summary>
/// Review 16, item 2: a long message has each oversized value it echoes cut, and nothing else: the text between two
/// quoted values, or an apostrophe, is not a value (the realm-change message lost its middle to that once).
/// </summary>
public sealed class EchoedValueTests
{
    [Fact]
    public void ALongMessage_WithShortQuotedValues_AndAnApostrophe_IsLeftWhole()
    {
        const string Message = "realm.json: accounts (id \"16045550102\"): sip.ha1_md5, sip.ha1_sha256: switch.realm changes from \"old.example\" to \"new.example\" and every HA1 is hashed with the realm: give this account's sip hashes for \"new.example\" in the same import (centrex sip-hash prints them)";
        Assert.True(Message.Length > EchoedValue.LongMessage);

        Assert.Equal(Message, EchoedValue.CutLong(Message));
    }

    [Theory]
    [InlineData('\'')]
    [InlineData('"')]
    public void AnOversizedQuotedValue_IsCutToItsStart_InsideItsQuotes(char quote)
    {
        var value = new string('1', 30_000) + " 2";
        var message = $"forwarding: {quote}{value}{quote} is not a phone number (field number)" + new string('.', EchoedValue.LongMessage);

        var cut = EchoedValue.CutLong(message);

        Assert.StartsWith($"forwarding: {quote}{new string('1', EchoedValue.MaxShown)}…{quote} is not a phone number", cut, StringComparison.Ordinal);
        Assert.True(cut.Length < 600, $"{cut.Length} characters");
    }

    [Fact]
    public void AFilesLongPath_IsKeptWhole_WithItsFileName()
    {
        var path = "/tmp/" + string.Join('/', Enumerable.Range(0, 12).Select(i => $"centrex-test-folder-{i}")) + "/tariffs/2026-12-04.csv";
        var message = $"centrex serve: a superseded scheduled tariff was skipped: {path}: line 2, field rate: '9.0000' is over --max-rate 1.00 " + new string('.', EchoedValue.LongMessage);

        Assert.Equal(message, EchoedValue.CutLong(message));
    }

    [Fact]
    public void AnOversizedUnquotedRun_IsCut()
    {
        var message = "dials " + new string('9', 5_000) + " which is too long " + new string(' ', EchoedValue.LongMessage);

        Assert.StartsWith("dials " + new string('9', EchoedValue.MaxShown) + "… which is too long", EchoedValue.CutLong(message), StringComparison.Ordinal);
    }
}

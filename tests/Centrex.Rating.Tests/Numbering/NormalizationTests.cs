using System.Text;
using Centrex.Rating.Numbering;

namespace Centrex.Rating.Tests.Numbering;

public class NormalizationTests
{
    private static string? Normalize(string dialed) =>
        NumberingPlan.TryNormalize(Encoding.UTF8.GetBytes(dialed), out var number) ? number.ToString() : null;

    [Theory]
    [InlineData("+12125551234", "12125551234")] // + stripped
    [InlineData("+442071234567", "442071234567")]
    [InlineData("011442071234567", "442071234567")] // 011 stripped
    [InlineData("00442071234567", "442071234567")] // 00 stripped
    [InlineData("2125551234", "12125551234")] // 10 digits, first 2-9: leading 1
    [InlineData("9995551234", "19995551234")]
    [InlineData("12125551234", "12125551234")] // already 1 + 10
    [InlineData("8765551234", "18765551234")]
    [InlineData("4420", "4420")] // shortest international
    [InlineData("442071234567890", "442071234567890")] // 15 digits
    [InlineData("+2125551234", "2125551234")] // + taken first: no leading 1 afterwards (rule order)
    [InlineData("0112125551234", "2125551234")] // 011 taken: no leading 1 afterwards
    [InlineData("0123", "0123")] // four digits not starting with 1: international by the rules
    [InlineData("0121255512", "0121255512")] // 10 digits starting with 0: no leading 1 (first digit not 2-9)
    [InlineData("0112125551234567", "2125551234567")] // 011 stripped, 13 digits
    public void TryNormalize_ValidNumber_GivesE164Digits(string dialed, string expected) => Assert.Equal(expected, Normalize(dialed));

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("011")]
    [InlineData("00")]
    [InlineData("1212555123")] // 10 digits starting with 1 gets no prefix, and 1 + 9 is too short
    [InlineData("121255512345")] // starts with 1, 12 digits
    [InlineData("+1212555123")]
    [InlineData("011121255512345")] // 011 then 1 + 11 digits
    [InlineData("442")] // too short
    [InlineData("4420712345678901")] // 16 digits
    [InlineData("+4420712345678901")]
    [InlineData("212-555-1234")]
    [InlineData("(212)5551234")]
    [InlineData(" 2125551234")]
    [InlineData("2125551234 ")]
    [InlineData("++12125551234")]
    [InlineData("+1 2125551234")]
    [InlineData("２１２５５５１２３４")] // full-width digits are not ASCII
    [InlineData("1212555123x")]
    public void TryNormalize_Malformed_ReturnsFalse(string dialed) => Assert.Null(Normalize(dialed));

    [Fact]
    public void TryNormalize_AnyDigitString_NeverThrowsAndKeepsOnlyDigits() =>
        Prop.ForAll<string>(s =>
        {
            var ok = NumberingPlan.TryNormalize(Encoding.UTF8.GetBytes(s ?? string.Empty), out var n);
            return !ok || (n.Length is >= 4 and <= 15 && n.Digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
                && (n.Digits[0] != (byte)'1' || n.Length == 11));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TryNormalize_NonDigitAtAnyPosition_IsMalformed()
    {
        // Covers both the word-at-a-time check (8 or more digits) and the byte loop, each dialing prefix, and each
        // position, including the bytes where the two overlapping words meet.
        foreach (var prefix in new[] { string.Empty, "+", "011", "00" })
        {
            for (var length = 4; length <= 15; length++)
            {
                var digits = new string('7', length);
                Assert.NotNull(Normalize(prefix + digits));
                for (var position = 0; position < length; position++)
                {
                    foreach (var bad in new[] { '/', ':', 'a', ' ', '\u00ff' })
                    {
                        var dialed = prefix + digits[..position] + bad + digits[(position + 1)..];
                        Assert.Null(Normalize(dialed));
                    }
                }
            }
        }
    }
}

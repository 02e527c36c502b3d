using System.Text;
using Centrex.Ledger.Journal;
using Centrex.Rating.Numbering;

namespace Centrex.Ledger.Tests;

/// <summary>Builds rated calls for tests.</summary>
internal static class Calls
{
    /// <summary>2026-10-15T12:00:00Z.</summary>
    public const long October = 1_792_065_600;

    public static bool Append(LedgerWriter writer, string id, string account, long chargeMills, long billed = 60, NumberClass numberClass = NumberClass.Domestic, long start = October, long discountMills = 0)
    {
        var fields = new RatedCdrFields(
            Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(account), "+14165550000"u8, "12125551234"u8,
            start, 0, (int)billed, billed, numberClass, "1"u8, "North America"u8, chargeMills, discountMills);
        return writer.TryAppendRatedCdr(fields);
    }
}

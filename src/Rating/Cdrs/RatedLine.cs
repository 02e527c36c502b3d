using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Cdrs;

/// <summary>Renders one line of the rated CSV contract: <c>id,account,callee,prefix,destination,class,billed_seconds,charge</c>.</summary>
public static class RatedLine
{
    /// <summary>Appends the line (LF-terminated) and returns its length in bytes.</summary>
    /// <param name="id">The CDR id, unescaped.</param>
    /// <param name="account">The account, unescaped.</param>
    /// <param name="call">The rated call.</param>
    /// <param name="tariff">The tariff the call was rated with.</param>
    /// <param name="output">Where the line goes.</param>
    /// <param name="plainFields">The caller knows id and account hold no comma, quote or line break (skips the check).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static int Write(ReadOnlySpan<byte> id, ReadOnlySpan<byte> account, in RatedCall call, Tariff tariff, IBufferWriter<byte> output, bool plainFields = false)
    {
        var prefixAndDestination = tariff.CsvPrefixAndDestination(call.TariffRow);
        var className = call.Class.ToUtf8WireName();

        // Longest possible line: quoted fields double, the number has 15 digits, a long and an amount at most 20 each.
        var max = CsvText.MaxEncodedLength(id.Length) + CsvText.MaxEncodedLength(account.Length)
            + NormalizedNumber.MaxDigits + prefixAndDestination.Length + className.Length + 20 + 24 + 8;
        var span = output.GetSpan(max);
        int p;
        int n;
        if (plainFields)
        {
            SmallCopy.Copy(id, span);
            p = id.Length;
            span[p++] = (byte)',';
            SmallCopy.Copy(account, span[p..]);
            p += account.Length;
        }
        else
        {
            CsvText.TryWriteField(id, span, out p);
            span[p++] = (byte)',';
            CsvText.TryWriteField(account, span[p..], out n);
            p += n;
        }
        span[p++] = (byte)',';
        SmallCopy.Copy(call.Callee.Digits, span[p..]);
        p += call.Callee.Length;
        span[p++] = (byte)',';
        SmallCopy.Copy(prefixAndDestination, span[p..]);
        p += prefixAndDestination.Length;
        span[p++] = (byte)',';
        SmallCopy.Copy(className, span[p..]);
        p += className.Length;
        span[p++] = (byte)',';
        Utf8Formatter.TryFormat(call.BilledSeconds, span[p..], out n);
        p += n;
        span[p++] = (byte)',';
        call.Charge.TryFormat(span[p..], out n);
        p += n;
        span[p++] = (byte)'\n';
        output.Advance(p);
        return p;
    }
}

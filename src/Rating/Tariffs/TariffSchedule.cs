namespace Centrex.Rating.Tariffs;

/// <summary>
/// Tariffs scheduled to take effect at instants (the operator activates a tariff "from a day", issue 16): immutable,
/// earliest first. A call is rated by the latest one in force at its start; before the first, by the default rater.
/// </summary>
public sealed class TariffSchedule
{
    private readonly long[] _from;
    private readonly Rater[] _raters;

    /// <summary>Schedules <paramref name="tariffs"/> (each from an instant, in Unix seconds) over <paramref name="root"/>'s numbering plan and account rules.</summary>
    public TariffSchedule(Rater root, IEnumerable<(long FromUnixSeconds, Tariff Tariff)> tariffs)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(tariffs);
        var sorted = tariffs.OrderBy(t => t.FromUnixSeconds).ToArray();
        _from = [.. sorted.Select(t => t.FromUnixSeconds)];
        _raters = [.. sorted.Select(t => new Rater(t.Tariff, root.Plan) { RulesFrom = root })];
    }

    /// <summary>How many tariffs are scheduled.</summary>
    public int Count => _from.Length;

    /// <summary>The instants the tariffs take effect, earliest first.</summary>
    public IReadOnlyList<long> From => _from;

    /// <summary>The rater of the latest tariff in force at <paramref name="unixSeconds"/>, or null before the first.</summary>
    public Rater? At(long unixSeconds)
    {
        var i = Array.BinarySearch(_from, unixSeconds);
        i = i >= 0 ? LastEqual(i) : ~i - 1;
        return i < 0 ? null : _raters[i];
    }

    private int LastEqual(int i)
    {
        while (i + 1 < _from.Length && _from[i + 1] == _from[i])
        {
            i++;
        }

        return i;
    }
}

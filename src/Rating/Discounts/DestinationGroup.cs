using Centrex.Rating.Numbering;

namespace Centrex.Rating.Discounts;

/// <summary>
/// The destinations a volume discount covers (self-care manual, Volume Discounts: "Destination Group"): a set of
/// E.164 prefixes and/or number classes. A call belongs to the group when its normalized callee starts with any of the
/// prefixes <em>or</em> its class is any of the classes: the group is the union of what it lists.
/// </summary>
public sealed class DestinationGroup
{
    private readonly string[] _prefixes;
    private readonly NumberClass[] _classes;

    /// <summary>Creates a group; at least one prefix or class is required.</summary>
    public DestinationGroup(string name, IEnumerable<string> prefixes, IEnumerable<NumberClass> classes)
    {
        Name = name;
        _prefixes = [.. prefixes];
        _classes = [.. classes.Distinct()];
        if (_prefixes.Length == 0 && _classes.Length == 0)
        {
            throw new ArgumentException($"destination group '{name}' lists neither prefixes nor classes", nameof(prefixes));
        }

        foreach (var prefix in _prefixes)
        {
            if (prefix.Length is 0 or > 15 || !prefix.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"destination group '{name}': '{prefix}' is not an E.164 prefix (1 to 15 digits)", nameof(prefixes));
            }
        }
    }

    /// <summary>The group's name as shown to the customer.</summary>
    public string Name { get; }

    /// <summary>E.164 prefixes (digits, no <c>+</c>).</summary>
    public IReadOnlyList<string> Prefixes => _prefixes;

    /// <summary>Number classes.</summary>
    public IReadOnlyList<NumberClass> Classes => _classes;

    /// <summary>Whether a call to <paramref name="callee"/> (normalized digits) of class <paramref name="numberClass"/> is in the group.</summary>
    public bool Contains(ReadOnlySpan<char> callee, NumberClass numberClass)
    {
        foreach (var c in _classes)
        {
            if (c == numberClass)
            {
                return true;
            }
        }

        foreach (var prefix in _prefixes)
        {
            if (callee.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

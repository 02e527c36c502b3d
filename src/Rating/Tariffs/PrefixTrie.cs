using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Rating.Tariffs;

/// <summary>
/// Longest-prefix match over decimal digits, built once, looked up with no allocation. Nodes live in one flat
/// <see cref="int"/> array, eleven entries each: the row ending at the node (+1, 0 for none) then the ten children
/// (0 for none: the root is node 0 and is never anyone's child). A node's entries share one or two cache lines.
/// A jump table over the first three digits replaces the first three steps of every walk (they are dependent loads,
/// the walk's whole cost).
/// </summary>
internal sealed class PrefixTrie
{
    private const int Stride = 11;
    private const int JumpDigits = 3;

    private readonly int[] _nodes;

    /// <summary>
    /// Per three-digit start, two entries side by side (one cache line holds both): at <c>2k</c> the node reached
    /// (0 when the path ends earlier), at <c>2k + 1</c> the longest row (+1) among prefixes of one to three digits.
    /// </summary>
    private readonly int[] _jump;

    private PrefixTrie(int[] nodes)
    {
        _nodes = nodes;
        _jump = new int[2000];
        Span<byte> start = stackalloc byte[JumpDigits];
        for (var key = 0; key < 1000; key++)
        {
            start[0] = (byte)('0' + (key / 100));
            start[1] = (byte)('0' + (key / 10 % 10));
            start[2] = (byte)('0' + (key % 10));
            var node = Walk(start, 1, out var best, out var complete);
            _jump[2 * key] = complete ? node : 0;
            _jump[(2 * key) + 1] = best;
        }
    }

    /// <summary>Number of nodes, root included.</summary>
    public int NodeCount => _nodes.Length / Stride;

    /// <summary>Builds the trie; prefixes must be distinct digit strings (the loader checks).</summary>
    public static PrefixTrie Build(IReadOnlyList<string> prefixes)
    {
        var nodes = new List<int>(Stride * (prefixes.Count + 1));
        nodes.AddRange(new int[Stride]);
        for (var row = 0; row < prefixes.Count; row++)
        {
            var node = 0;
            foreach (var c in prefixes[row])
            {
                var slot = (node * Stride) + 1 + (c - '0');
                if (nodes[slot] == 0)
                {
                    nodes[slot] = nodes.Count / Stride;
                    nodes.AddRange(new int[Stride]);
                }

                node = nodes[slot];
            }

            nodes[node * Stride] = row + 1;
        }

        return new PrefixTrie([.. nodes]);
    }

    /// <summary>
    /// Index of the row whose prefix is the longest one of <paramref name="digits"/> at least
    /// <paramref name="minLength"/> digits long, or -1.
    /// </summary>
    /// <param name="digits">ASCII digits (checked by the normalizer).</param>
    /// <param name="minLength">Shortest prefix allowed to match: 1, or more than <see cref="JumpDigits"/> to skip all short ones.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LongestMatch(ReadOnlySpan<byte> digits, int minLength)
    {
        if (digits.Length < JumpDigits || (uint)(minLength - 2) < JumpDigits - 1)
        {
            Walk(digits, minLength, out var best, out _);
            return best - 1;
        }

        // The three digits are '0'..'9' (checked by the normalizer), so the key is 0..999.
        var key = ((digits[0] - '0') * 100) + ((digits[1] - '0') * 10) + (digits[2] - '0');
        var found = minLength <= 1 ? _jump[(2 * key) + 1] : 0;
        var node = _jump[2 * key];
        if (node == 0)
        {
            return found - 1;
        }

        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        for (var depth = JumpDigits; depth < digits.Length; depth++)
        {
            // Every child index was allocated in _nodes and digits are '0'..'9', so each read stays inside the array.
            var child = Unsafe.Add(ref nodes, (node * Stride) + 1 + (digits[depth] - '0'));
            if (child == 0)
            {
                break;
            }

            node = child;
            var row = Unsafe.Add(ref nodes, node * Stride);
            if (row != 0 && depth + 1 >= minLength)
            {
                found = row;
            }
        }

        return found - 1;
    }

    /// <summary>The plain walk from the root: returns the last node reached; <paramref name="best"/> is the row + 1.</summary>
    private int Walk(ReadOnlySpan<byte> digits, int minLength, out int best, out bool complete)
    {
        best = 0;
        var node = 0;
        for (var depth = 0; depth < digits.Length; depth++)
        {
            var child = _nodes[(node * Stride) + 1 + (digits[depth] - '0')];
            if (child == 0)
            {
                complete = false;
                return node;
            }

            node = child;
            var row = _nodes[node * Stride];
            if (row != 0 && depth + 1 >= minLength)
            {
                best = row;
            }
        }

        complete = true;
        return node;
    }
}

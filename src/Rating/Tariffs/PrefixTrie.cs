using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Rating.Tariffs;

/// <summary>
/// Longest-prefix match over decimal digits, built once, looked up with no allocation. Nodes live in one flat
/// <see cref="int"/> array, eleven entries each: the row ending at the node (+1, 0 for none) then the ten children
/// (0 for none: the root is node 0 and is never anyone's child). A node's entries share one or two cache lines.
/// </summary>
internal sealed class PrefixTrie
{
    private const int Stride = 11;

    private readonly int[] _nodes;

    private PrefixTrie(int[] nodes) => _nodes = nodes;

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
    /// <param name="minLength">Shortest prefix allowed to match.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LongestMatch(ReadOnlySpan<byte> digits, int minLength)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        var best = 0;
        var node = 0;
        for (var depth = 0; depth < digits.Length; depth++)
        {
            // digits are '0'..'9' and every child index was allocated in _nodes, so each read stays inside the array.
            var child = Unsafe.Add(ref nodes, (node * Stride) + 1 + (digits[depth] - '0'));
            if (child == 0)
            {
                break;
            }

            node = child;
            var row = Unsafe.Add(ref nodes, node * Stride);
            if (row != 0 && depth + 1 >= minLength)
            {
                best = row;
            }
        }

        return best - 1;
    }
}

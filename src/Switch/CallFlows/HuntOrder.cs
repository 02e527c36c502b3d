namespace Centrex.Switch.CallFlows;

/// <summary>
/// Chooses the order one call rings a group's members in, into a buffer the caller owns (no allocation): as listed for
/// order and simultaneous, shuffled for random (Fisher–Yates), longest idle first for least used (seed 004: "sorts the
/// phone lines ... beginning with their last usage").
/// </summary>
public static class HuntOrder
{
    /// <summary>Fills <paramref name="order"/> with member indexes; returns how many.</summary>
    public static int Choose(HuntGroupPlan group, Span<int> order, Random random, IHuntUsage usage)
    {
        var n = Math.Min(group.Members.Length, order.Length);
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        switch (group.Sequence)
        {
            case HuntSequence.Random:
                for (var i = n - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }

                break;
            case HuntSequence.LeastUsed:
                // Insertion sort: groups are small, and it is stable (ties keep the listed order) without allocating.
                for (var i = 1; i < n; i++)
                {
                    var item = order[i];
                    var used = usage.LastUsed(group.Members[item].AccountId);
                    var j = i - 1;
                    while (j >= 0 && usage.LastUsed(group.Members[order[j]].AccountId) > used)
                    {
                        order[j + 1] = order[j];
                        j--;
                    }

                    order[j + 1] = item;
                }

                break;
        }

        return n;
    }
}

using System.Runtime.CompilerServices;

namespace Jixiao.Core.Text;

/// <summary>
/// The last result of a function of a string for each of a few recent inputs, found by the input's identity (not
/// its contents), in a table of the caller's that is per thread. The reader's stages ask the same cell the same question
/// again and again; a lookup by reference costs less than hashing the text, and a miss only recomputes.
/// </summary>
public static class IdentityMemo
{
    /// <summary>
    /// <paramref name="compute"/>(<paramref name="text"/>), from <paramref name="table"/> when this very string was the
    /// last one in its slot. <paramref name="size"/> is a power of two; the table is made on first use.
    /// </summary>
    public static T Get<T>(ref (string?, T)[]? table, int size, string text, Func<string, T> compute)
    {
        var memo = table ??= new (string?, T)[size];
        ref var slot = ref memo[RuntimeHelpers.GetHashCode(text) & (size - 1)];
        if (ReferenceEquals(slot.Item1, text)) return slot.Item2;
        var result = compute(text);
        slot = (text, result);
        return result;
    }
}

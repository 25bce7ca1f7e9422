using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>Labels' comparison keys: every vocabulary question is asked of a cell's key.</summary>
internal static partial class Vocabulary
{
    // In a class of its own: the order of static initialisers across a partial class's files is not defined, and a
    // table built in another file may ask for a key.
    private static class KeyChanges
    {
        public static readonly System.Buffers.SearchValues<char> Characters = System.Buffers.SearchValues.Create(ChineseText.SpaceCharacters + "（）");
    }

    /// <summary>
    /// A text with spaces or full-width brackets, cleaned. The stages ask many vocabulary questions of the same cell (a
    /// goal paragraph of hundreds of characters among them), each through its key: the last cleaning of a text is kept
    /// by the text's identity, per thread, so it is made once rather than once per question.
    /// </summary>
    private static string Cleaned(string label) =>
        IdentityMemo.Get(ref t_cleaned, CleanedMemoSize, label, static l => ChineseText.RemoveSpaces(l).Replace('（', '(').Replace('）', ')'));

    private const int CleanedMemoSize = 64;
    [ThreadStatic] private static (string?, string)[]? t_cleaned;

    /// <summary>A label's comparison key: no spaces, half-width brackets, no trailing colon, 其中： normalised.</summary>
    public static string Key(string label)
    {
        if (label.Length == 0) return label;
        // Most cells need no change: return them as they are rather than allocate.
        bool clean = true;
        if (label.Length > 32) clean = !label.AsSpan().ContainsAny(KeyChanges.Characters);
        else
            foreach (var c in label)
                if (ChineseText.IsSpace(c) || c is '（' or '）') { clean = false; break; }
        var k = clean ? label : Cleaned(label);
        if (k.Length > 0 && k[^1] is ':' or '：') k = k.TrimEnd(':', '：');
        if (k.StartsWith("其中:", StringComparison.Ordinal)) k = "其中：" + k[3..];
        // A required field's marker (`*联系人`) is not part of its label.
        if (k.Length > 1 && k[0] == '*') k = k[1..];
        return k;
    }
}

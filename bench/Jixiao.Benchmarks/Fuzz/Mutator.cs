using System.Text;

namespace Jixiao.Benchmarks.Fuzz;

/// <summary>One case input the mutations start from: its folder name and its bytes as read from disk.</summary>
internal sealed record CaseInput(string Name, byte[] Bytes, string Text)
{
    /// <summary>Every file named input.* in a case folder under the given folders (tests/data/cases, tests/data/pending).</summary>
    public static List<CaseInput> Load(IEnumerable<string> folders)
    {
        var strict = new UTF8Encoding(false, true);
        var found = new List<CaseInput>();
        foreach (var folder in folders)
            foreach (var file in Directory.EnumerateFiles(folder, "input.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                string text;
                try { text = strict.GetString(bytes); }
                catch (DecoderFallbackException) { text = Jixiao.Formats.Import.TextDecoding.Gb18030.GetString(bytes); }
                found.Add(new CaseInput(Path.GetRelativePath(folder, file), bytes, text));
            }
        return found;
    }
}

/// <summary>A mutated input: its bytes and what was done to which case, for the report and a reproduction.</summary>
internal sealed record FuzzInput(long Index, byte[] Bytes, string Description);

/// <summary>
/// Deterministic mutations of the case inputs: input <c>index</c> of a run with <c>seed</c> is always the same bytes,
/// whichever worker makes it, so an input is found again from its seed and index alone. Text mutations first (lines
/// duplicated or deleted, truncation at every kind of position, splices of two cases, separators, long lines, deep
/// brackets, huge numbers, NBSP/U+3000, control characters), then an encoding (UTF-8, with BOM, GB18030, UTF-16),
/// then byte mutations (bit flips, deletions, a cut that may fall inside a character).
/// </summary>
internal sealed class Mutator(IReadOnlyList<CaseInput> cases, ulong seed)
{
    private delegate string TextMutation(Rng rng, string text, StringBuilder log);

    private static readonly (string Name, int Weight, TextMutation Apply)[] TextMutations =
    [
        ("dup-lines", 10, DuplicateLines),
        ("delete", 8, DeleteSpan),
        ("delete-lines", 6, DeleteLines),
        ("truncate", 12, Truncate),
        ("splice", 8, (r, t, l) => t), // needs the other cases: applied by Make
        ("separators", 12, InsertSeparators),
        ("long-line", 4, LongLine),
        ("deep-brackets", 4, DeepBrackets),
        ("huge-number", 8, HugeNumbers),
        ("wide-space", 8, WideSpaces),
        ("control", 8, ControlCharacters),
        ("swap-lines", 4, SwapLines),
    ];

    private static readonly int TotalWeight = TextMutations.Sum(m => m.Weight);

    public FuzzInput Make(long index)
    {
        var rng = new Rng(seed, (ulong)index);
        var origin = cases[(int)(index % cases.Count)];
        var log = new StringBuilder(origin.Name);
        // The first inputs are the cases as they are: a crash there is not a mutation's.
        if (index < cases.Count) return new FuzzInput(index, origin.Bytes, log.Append(": unchanged").ToString());

        var text = origin.Text;
        int mutations = 1 + rng.Below(4);
        log.Append(':');
        for (int m = 0; m < mutations; m++)
        {
            int pick = rng.Below(TotalWeight), at = 0;
            while (pick >= TextMutations[at].Weight) pick -= TextMutations[at++].Weight;
            var (name, _, apply) = TextMutations[at];
            log.Append(' ').Append(name);
            text = name == "splice" ? Splice(rng, text, cases[rng.Below(cases.Count)], log) : apply(rng, text, log);
            if (text.Length > 4_000_000) text = text[..4_000_000]; // repeated duplication stays a plausible file
        }

        var bytes = Encode(rng, text, log);
        int byteMutations = rng.Below(10) < 3 ? 1 + rng.Below(2) : 0;
        for (int m = 0; m < byteMutations; m++) bytes = MutateBytes(rng, bytes, log);
        return new FuzzInput(index, bytes, log.ToString());
    }

    // ---- text mutations ----

    private static string DuplicateLines(Rng r, string t, StringBuilder log)
    {
        var lines = t.Split('\n').ToList();
        int from = r.Below(lines.Count), count = 1 + r.Below(Math.Min(20, lines.Count - from)), times = 1 + r.Skewed(50);
        var block = lines.GetRange(from, count);
        for (int i = 0; i < times; i++) lines.InsertRange(from + count, block);
        log.Append($"({count}@{from + 1}×{times})");
        return string.Join('\n', lines);
    }

    private static string DeleteSpan(Rng r, string t, StringBuilder log)
    {
        if (t.Length == 0) return t;
        int at = r.Below(t.Length), length = 1 + r.Skewed(Math.Max(1, Math.Min(t.Length - at, t.Length / 4)));
        length = Math.Min(length, t.Length - at);
        log.Append($"({at},{length})");
        return t.Remove(at, length);
    }

    private static string DeleteLines(Rng r, string t, StringBuilder log)
    {
        var lines = t.Split('\n').ToList();
        int from = r.Below(lines.Count), count = 1 + r.Below(Math.Min(8, lines.Count - from));
        lines.RemoveRange(from, count);
        log.Append($"({count}@{from + 1})");
        return string.Join('\n', lines);
    }

    private static string SwapLines(Rng r, string t, StringBuilder log)
    {
        var lines = t.Split('\n');
        int a = r.Below(lines.Length), b = r.Below(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        log.Append($"({a + 1},{b + 1})");
        return string.Join('\n', lines);
    }

    /// <summary>A cut at a kind of position chosen first, then a place of that kind: where real files end.</summary>
    private static string Truncate(Rng r, string t, StringBuilder log)
    {
        if (t.Length < 2) return "";
        string[] kinds = ["anywhere", "line-end", "line-start", "after-separator", "in-number", "after-cjk", "after-title", "in-bracket", "first-chars"];
        var kind = kinds[r.Below(kinds.Length)];
        Func<int, bool> fits = kind switch
        {
            "line-end" => i => t[i] is '\n' or '\r',
            "line-start" => i => i > 0 && t[i - 1] == '\n',
            "after-separator" => i => i > 0 && t[i - 1] is '|' or '\t' or ',' or ' ',
            "in-number" => i => i > 0 && char.IsAsciiDigit(t[i - 1]) && (char.IsAsciiDigit(t[i]) || t[i] == '.'),
            "after-cjk" => i => i > 0 && t[i - 1] >= '\u4E00' && t[i - 1] <= '\u9FFF',
            "after-title" => i => i > 0 && t[i - 1] == '表',
            "in-bracket" => i => i > 0 && t[i - 1] is '(' or '（' or '[' or '{' or '"' or '【',
            "first-chars" => i => i < 40,
            _ => _ => true,
        };
        // A random start, then the first place of that kind from there (wrapping round): cheap and covers all of them.
        int start = r.Below(t.Length);
        for (int k = 0; k < t.Length; k++)
        {
            int i = (start + k) % t.Length;
            if (!fits(i)) continue;
            log.Append($"({kind}@{i})");
            return t[..i];
        }
        log.Append($"(anywhere@{start})");
        return t[..start];
    }

    private static string Splice(Rng r, string t, CaseInput other, StringBuilder log)
    {
        var b = other.Text;
        bool atLines = r.Below(2) == 0;
        int cutA = atLines ? LineStartNear(t, r.Below(t.Length + 1)) : r.Below(t.Length + 1);
        int cutB = atLines ? LineStartNear(b, r.Below(b.Length + 1)) : r.Below(b.Length + 1);
        if (r.Below(3) == 0)
        {
            // the other case whole, in the middle of this one
            log.Append($"(insert {other.Name}@{cutA})");
            return string.Concat(t.AsSpan(0, cutA), b, t.AsSpan(cutA));
        }
        log.Append($"({cutA}+{other.Name}@{cutB})");
        return string.Concat(t.AsSpan(0, cutA), b.AsSpan(cutB));
    }

    private static int LineStartNear(string t, int at)
    {
        int i = at <= 0 ? -1 : t.LastIndexOf('\n', Math.Min(at, t.Length) - 1);
        return i + 1;
    }

    private static readonly string[] Separators = ["|", "\t", " ", "\n", "\r\n", "||", " | ", "\r", "|||", "\t\t", "\n\n", "  "];

    private static string InsertSeparators(Rng r, string t, StringBuilder log)
    {
        var sb = new StringBuilder(t);
        int n = 1 + r.Skewed(60);
        for (int i = 0; i < n; i++) sb.Insert(r.Below(sb.Length + 1), Separators[r.Below(Separators.Length)]);
        log.Append($"({n})");
        return sb.ToString();
    }

    private static readonly char[] LineChars = ['a', '|', '\t', ' ', '一', '9', '-', '=', '，', '%', '[', '{', '.', '表', '\u3000', '"'];

    private static string LongLine(Rng r, string t, StringBuilder log)
    {
        char c = LineChars[r.Below(LineChars.Length)];
        int length = 1_000 + r.Below(r.Below(4) == 0 ? 400_000 : 50_000);
        int at = LineStartNear(t, r.Below(t.Length + 1));
        bool ownLine = r.Below(2) == 0;
        log.Append($"({(int)c:X4}×{length}@{at}{(ownLine ? "" : " in line")})");
        var line = new string(c, length);
        return string.Concat(t.AsSpan(0, at), ownLine ? line + "\n" : line, t.AsSpan(at));
    }

    private static string DeepBrackets(Rng r, string t, StringBuilder log)
    {
        int depth = 10 + r.Below(r.Below(3) == 0 ? 200_000 : 2_000);
        var (open, close) = r.Below(4) switch { 0 => ("{\"a\":", "}"), 1 => ("{\"kind\":[", "]}"), _ => ("[", "]") };
        bool closed = r.Below(2) == 0;
        var nest = new StringBuilder(depth * (open.Length + (closed ? close.Length : 0)));
        for (int i = 0; i < depth; i++) nest.Append(open);
        if (closed) for (int i = 0; i < depth; i++) nest.Append(close);
        int where = r.Below(3);
        log.Append($"({open}×{depth}{(closed ? " closed" : "")} {(where == 0 ? "alone" : where == 1 ? "first" : "inside")})");
        return where switch
        {
            0 => nest.ToString(),
            1 => nest + t,
            _ => t.Insert(r.Below(t.Length + 1), nest.ToString()),
        };
    }

    private static string HugeNumbers(Rng r, string t, StringBuilder log)
    {
        // Replace digit runs (amounts, weights, rates, years) with numbers no form has.
        var sb = new StringBuilder(t.Length + 512);
        int replaced = 0, i = 0;
        int every = 1 + r.Below(6);
        while (i < t.Length)
        {
            if (!char.IsAsciiDigit(t[i])) { sb.Append(t[i++]); continue; }
            int j = i;
            while (j < t.Length && (char.IsAsciiDigit(t[j]) || t[j] == '.' || t[j] == ',')) j++;
            if (r.Below(every) == 0) { sb.Append(HugeNumber(r)); replaced++; }
            else sb.Append(t, i, j - i);
            i = j;
        }
        log.Append($"({replaced})");
        return sb.ToString();
    }

    private static string HugeNumber(Rng r) => r.Below(12) switch
    {
        0 => new string('9', 29 + r.Below(400)),
        1 => "1" + new string('0', 28) + "." + new string('5', 1 + r.Below(60)),
        2 => "0." + new string('0', 30 + r.Below(300)) + "1",
        3 => "1e" + r.Below(100_000),
        4 => "-" + new string('9', 20 + r.Below(40)),
        5 => "79228162514264337593543950336",
        6 => "1,234,567,890,123,456,789,012,345,678.99",
        7 => "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０",
        8 => "9999999999999999999999999999%",
        9 => "NaN",
        10 => "∞",
        _ => "1.7976931348623157E+308",
    };

    private static readonly string[] WideSpaceChars = ["\u00A0", "\u3000", "\u2002", "\u2003", "\u200B", "\u00A0\u00A0", "\u3000\u3000", "\u202F", "\uFEFF"];

    private static string WideSpaces(Rng r, string t, StringBuilder log)
    {
        var sb = new StringBuilder(t.Length + 64);
        var chosen = WideSpaceChars[r.Below(WideSpaceChars.Length)];
        int every = 1 + r.Below(4), replaced = 0;
        foreach (var c in t)
        {
            if ((c is ' ' or '\t' or '|') && r.Below(every) == 0) { sb.Append(chosen); replaced++; }
            else sb.Append(c);
        }
        int inserted = r.Below(20);
        for (int i = 0; i < inserted; i++) sb.Insert(r.Below(sb.Length + 1), chosen);
        log.Append($"({(int)chosen[0]:X4} {replaced}+{inserted})");
        return sb.ToString();
    }

    private static readonly string[] Controls =
        ["\0", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001A", "\u001B", "\u001F", "\u007F", "\u0085", "\u2028", "\u2029",
         "\uFEFF", "\u200E", "\u202E", "\uFFFD", "\uFFFF", "\uD800", "\uDC00", "\r"];

    private static string ControlCharacters(Rng r, string t, StringBuilder log)
    {
        var sb = new StringBuilder(t);
        int n = 1 + r.Skewed(40);
        for (int i = 0; i < n; i++) sb.Insert(r.Below(sb.Length + 1), Controls[r.Below(Controls.Length)]);
        log.Append($"({n})");
        return sb.ToString();
    }

    // ---- encoding and bytes ----

    private static byte[] Encode(Rng r, string text, StringBuilder log)
    {
        int pick = r.Below(100);
        (string name, byte[] bytes) = pick switch
        {
            < 70 => ("utf-8", Encoding.UTF8.GetBytes(text)),
            < 78 => ("utf-8+bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]),
            < 90 => ("gb18030", Jixiao.Formats.Import.TextDecoding.Gb18030.GetBytes(text)),
            < 95 => ("utf-16le+bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]),
            < 98 => ("utf-16be+bom", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]),
            _ => ("utf-16le", Encoding.Unicode.GetBytes(text)),
        };
        log.Append(" | ").Append(name);
        return bytes;
    }

    private static byte[] MutateBytes(Rng r, byte[] b, StringBuilder log)
    {
        if (b.Length == 0) return b;
        switch (r.Below(3))
        {
            case 0:
                int flips = 1 + r.Skewed(16);
                for (int i = 0; i < flips; i++) b[r.Below(b.Length)] ^= (byte)(1 << r.Below(8));
                log.Append($" flip({flips})");
                return b;
            case 1:
                int at = r.Below(b.Length), length = Math.Min(b.Length - at, 1 + r.Skewed(64));
                log.Append($" delete-bytes({at},{length})");
                return [.. b.AsSpan(0, at), .. b.AsSpan(at + length)];
            default:
                // A cut by bytes, as a download or a web page's store limit makes it: often inside a character.
                int cut = r.Below(b.Length);
                log.Append($" cut-bytes({cut})");
                return b[..cut];
        }
    }
}

/// <summary>SplitMix64 over (seed, index): the same numbers on every .NET version and machine, unlike System.Random.</summary>
internal sealed class Rng(ulong seed, ulong index)
{
    private ulong _state = seed * 0x9E3779B97F4A7C15UL ^ (index + 1) * 0xBF58476D1CE4E5B9UL;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ n &lt; bound (bound ≤ 0 gives 0).</summary>
    public int Below(int bound) => bound <= 1 ? 0 : (int)(Next() % (ulong)bound);

    /// <summary>Mostly small, sometimes up to bound: counts of insertions and repetitions.</summary>
    public int Skewed(int bound) => Below(Below(bound) + 1);
}

using System.Diagnostics;
using System.Text;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Import;

/// <summary>
/// Random damage to real files — deleted lines, swapped columns, truncation, random bytes — must never crash or
/// hang the importer. Each case's seed is a fixed hash of its name, so a failure reproduces in the next run.
/// </summary>
public class MutationTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var c in TestData.CaseNames("seed-").Concat(TestData.CaseNames("corpus-"))) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Damaged_copies_never_crash_or_hang_the_importer(string caseName)
    {
        var original = File.ReadAllBytes(TestData.CaseInput(caseName));
        var text = Encoding.UTF8.GetString(original);
        var rng = new Random(Seed(caseName));
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < 60; round++)
        {
            var damaged = Damage(text, original, rng, round % 6);
            ImportResult result = null!;
            var ex = Record.Exception(() => result = FormImporter.Import(damaged, $"{caseName}-m{round}"));
            Assert.Null(ex);
            Assert.NotNull(result);
            // Every form that comes out carries its source; nothing anonymous is presented as good.
            Assert.All(result.Forms, f => Assert.Equal($"{caseName}-m{round}", f.Source.File));
        }
        // Bounded: 60 damaged copies of a small file are a matter of milliseconds, not seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// The seed of a case's damaged copies. string.GetHashCode is randomised per process, so it would damage the
    /// files differently in every run; FNV-1a (32-bit, over the UTF-8 bytes of the name) is the same everywhere.
    /// </summary>
    internal static int Seed(string caseName) => (int)(Fnv1a(caseName) & 0x7fffffff) ^ 20241121;

    internal static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }

    [Fact]
    public void Seeds_come_from_a_fixed_hash_of_the_case_name()
    {
        // The published FNV-1a test vectors, then one case's seed as a number: the same in every process and machine.
        Assert.Equal(0x811c9dc5u, Fnv1a(""));
        Assert.Equal(0xe40c292cu, Fnv1a("a"));
        Assert.Equal(0xbf9cf968u, Fnv1a("foobar"));
        Assert.Equal(0xb2c46a61u, Fnv1a("seed-000"));
        Assert.Equal(871411840, Seed("seed-000"));
    }

    private static byte[] Damage(string text, byte[] bytes, Random rng, int kind)
    {
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case 0: // delete random lines
                for (int k = 0; k < 1 + rng.Next(8) && lines.Count > 1; k++) lines.RemoveAt(rng.Next(lines.Count));
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case 1: // swap two columns in random rows
                for (int k = 0; k < 10; k++)
                {
                    int i = rng.Next(lines.Count);
                    var sep = lines[i].Contains('\t') ? '\t' : lines[i].Contains('|') ? '|' : ' ';
                    var cells = lines[i].Split(sep);
                    if (cells.Length < 2) continue;
                    int a = rng.Next(cells.Length), b = rng.Next(cells.Length);
                    (cells[a], cells[b]) = (cells[b], cells[a]);
                    lines[i] = string.Join(sep, cells);
                }
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case 2: // truncate at a random byte
                return bytes[..rng.Next(bytes.Length)];
            case 3: // overwrite random bytes
                var copy = (byte[])bytes.Clone();
                for (int k = 0; k < 1 + rng.Next(40); k++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
                return copy;
            case 4: // duplicate and shuffle a block of lines
                int start = rng.Next(lines.Count), len = Math.Min(lines.Count - start, 1 + rng.Next(15));
                var block = lines.GetRange(start, len);
                lines.InsertRange(rng.Next(lines.Count), block.OrderBy(_ => rng.Next()));
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            default: // insert random text and separators
                for (int k = 0; k < 10; k++)
                {
                    int i = rng.Next(lines.Count);
                    const string alphabet = "≥=<|\t \"()（）指标一级得分100.%元万";
                    var junk = new string(Enumerable.Range(0, rng.Next(1, 30)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
                    lines[i] = lines[i].Insert(rng.Next(lines[i].Length + 1), junk);
                }
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
    }
}

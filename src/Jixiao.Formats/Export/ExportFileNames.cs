using System.Text;
using Jixiao.Core.Model;

namespace Jixiao.Formats.Export;

/// <summary>
/// Output file names from a form's year, unit and project: `2024_上海市党建服务中心_党建服务工作经费.xlsx`. Characters that
/// file systems or shells trip on are replaced, the name is kept short, and repeats within a batch get `-2`, `-3` ….
/// </summary>
public sealed class ExportFileNames
{
    public const int MaxStemLength = 100;
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public static string Stem(PerformanceForm f)
    {
        // A 监控表 shares its project's name with the declaration and self-evaluation: its period and kind set it apart.
        var kind = f is MonitoringForm m ? m.Period.Label + f.Kind.ShortName() : null;
        var parts = new[] { f.Year?.ToString(), f.ImplementingUnit ?? f.Department, f.ProjectName ?? f.Kind.ToChinese(), kind }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Sanitise(p!));
        var stem = string.Join('_', parts.Where(p => p.Length > 0));
        if (stem.Length == 0) stem = "绩效表";
        return stem.Length > MaxStemLength ? stem[..MaxStemLength] : stem;
    }

    public static string Sanitise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsControl(c) || "/\\:*?\"<>|".Contains(c)) sb.Append('_');
            else if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else sb.Append(c);
        }
        return sb.ToString().Trim().TrimStart('.', '-').TrimEnd('.', ' ');
    }

    /// <summary>A name not yet given out in this batch: `stem.ext`, else `stem-2.ext` ….</summary>
    public string Next(PerformanceForm form, string extension) => Next(Stem(form), extension);

    public string Next(string stem, string extension)
    {
        var name = stem + extension;
        for (int n = 2; !_used.Add(name); n++) name = $"{stem}-{n}{extension}";
        return name;
    }
}

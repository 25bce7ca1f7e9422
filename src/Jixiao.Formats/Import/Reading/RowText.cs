using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>The cell text helper the 监控表 and 部门整体 readers share.</summary>
internal static class RowText
{
    /// <summary>A cell's text normalised, or null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        var t = ChineseText.Normalize(text);
        return t.Length == 0 ? null : t;
    }
}

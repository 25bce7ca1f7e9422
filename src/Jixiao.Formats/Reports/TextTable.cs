using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Jixiao.Formats.Reports;

/// <summary>Padding by display width: a Han character takes two terminal columns, so string.PadRight misaligns.</summary>
internal static class TextTable
{
    public static int Width(string s)
    {
        var w = 0;
        foreach (var ch in s) w += IsWide(ch) ? 2 : 1;
        return w;
    }

    static bool IsWide(char ch) =>
        ch is >= '\u1100' and <= '\u115F'
            or >= '\u2E80' and <= '\uA4CF'
            or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF00' and <= '\uFF60'
            or >= '\uFFE0' and <= '\uFFE6';

    public static string PadRight(string s, int width) => s + new string(' ', Math.Max(0, width - Width(s)));

    public static string PadLeft(string s, int width) => new string(' ', Math.Max(0, width - Width(s))) + s;

    public static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}

/// <summary>JSON as the reports write it: camelCase by construction, Chinese unescaped, indented.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UnreadableFileException = Jixiao.Formats.Import.UnreadableFileException;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Turns the sheets of an xlsx into rows of cell texts (a merged cell's text in its top-left cell, the others empty),
/// which the existing reader then reads like any tabular layout. Numbers come back as the sheet displays them
/// (`0.00` → `100.00`), because the number of places printed is part of the form.
/// </summary>
public static class XlsxReader
{
    /// <summary>Caps against zip bombs: the uncompressed bytes read in all, and the number of entries.</summary>
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 2000;
    public const int MaxRows = 20000, MaxColumns = 64;

    /// <summary>The instructions sheet of the fill-in template: text for people, not a form.</summary>
    public const string InstructionsSheet = "填写说明";

    public static List<string[]> ReadGrid(byte[] bytes)
    {
        CheckZip(bytes);
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            using var doc = SpreadsheetDocument.Open(ms, false);
            var wb = doc.WorkbookPart ?? throw new UnreadableFileException("压缩包里没有 Excel 工作簿（不是 xlsx 文件）");
            var strings = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
            var formats = NumberFormats(wb.WorkbookStylesPart?.Stylesheet);
            var grid = new List<string[]>();
            foreach (var sheet in wb.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.State is { } st && st.Value != SheetStateValues.Visible) continue;
                if (sheet.Name?.Value == InstructionsSheet) continue;
                if (sheet.Id?.Value is not { } rel || wb.GetPartById(rel) is not WorksheetPart wsp) continue;
                if (grid.Count > 0) grid.Add([]);  // sheets stay apart, as a blank line would keep two texts apart
                ReadSheet(wsp, strings, formats, grid);
            }
            return grid;
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                       or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            throw new UnreadableFileException("不是有效的 xlsx 文件（内容损坏或格式不符）");
        }
    }

    /// <summary>
    /// Looks at every entry before the package is opened: too many entries, or more uncompressed bytes than the cap
    /// (counted while inflating, so a header that lies about sizes does not help), and the file is refused.
    /// </summary>
    public static void CheckZip(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                throw new UnreadableFileException($"压缩包内文件过多（{zip.Entries.Count} 个），不是绩效表");
            if (!zip.Entries.Any(e => e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)))
                throw new UnreadableFileException("压缩包不是 Excel 工作簿（xlsx）");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUncompressedBytes) throw Bomb();
            }
            total = 0;
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                    if ((total += n) > MaxUncompressedBytes) throw Bomb();
            }
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableFileException("文件损坏：不是完整的 xlsx 压缩包");
        }
    }

    private static UnreadableFileException Bomb() =>
        new($"解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB，不是绩效表（可能是恶意的压缩文件），已拒绝读取");

    private static void ReadSheet(WorksheetPart wsp, string[] strings, Dictionary<uint, string> formats, List<string[]> grid)
    {
        var rows = new SortedDictionary<int, string[]>();
        int maxCol = 0;
        foreach (var row in wsp.Worksheet.Descendants<Row>())
        {
            int r = (int)(row.RowIndex?.Value ?? (uint)(rows.Count == 0 ? 1 : rows.Keys.Last() + 1));
            if (r > MaxRows) throw new UnreadableFileException($"工作表超过 {MaxRows} 行，不是绩效表");
            var cells = new string[MaxColumns];
            int next = 0;
            bool any = false;
            foreach (var cell in row.Elements<Cell>())
            {
                int c = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = c + 1;
                if (c >= MaxColumns) continue;
                var text = CellText(cell, strings, formats);
                if (text.Length == 0) continue;
                cells[c] = text;
                maxCol = Math.Max(maxCol, c + 1);
                any = true;
            }
            if (any) rows[r] = cells;
        }
        if (rows.Count == 0) return;
        int first = rows.Keys.First(), last = rows.Keys.Last();
        for (int r = first; r <= last; r++)
            grid.Add(rows.TryGetValue(r, out var cells) ? cells.Take(maxCol).Select(x => x ?? "").ToArray() : []);
    }

    private static int ColumnIndex(string reference)
    {
        int c = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') c = c * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') c = c * 26 + (ch - 'a' + 1);
            else break;
        }
        return c - 1;
    }

    private static string ItemText(OpenXmlElement item)
    {
        // Plain text or rich-text runs; phonetic runs (rPh) are not part of the cell's text.
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t) sb.Append(t.Text);
            else if (child is Run run) sb.Append(run.Text?.Text);
        }
        return sb.ToString();
    }

    private static string CellText(Cell cell, string[] strings, Dictionary<uint, string> formats)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inl ? ItemText(inl) : "";
        var raw = cell.CellValue?.Text ?? "";
        if (raw.Length == 0) return "";
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return raw;
        uint style = cell.StyleIndex?.Value ?? 0;
        return FormatNumber(raw, formats.GetValueOrDefault(style, ""));
    }

    /// <summary>Style index → number format code (built-in codes filled in), for the formats that matter here.</summary>
    private static Dictionary<uint, string> NumberFormats(Stylesheet? ss)
    {
        var custom = ss?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(n => n.NumberFormatId is not null)
            .ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode?.Value ?? "") ?? new();
        var result = new Dictionary<uint, string>();
        uint i = 0;
        foreach (var xf in ss?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            uint id = xf.NumberFormatId?.Value ?? 0;
            result[i++] = custom.TryGetValue(id, out var code) ? code : BuiltIn(id);
        }
        return result;
    }

    private static string BuiltIn(uint id) => id switch
    {
        1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", 9 => "0%", 10 => "0.00%", 11 => "0.00E+00",
        >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 => "yyyy-mm-dd",
        39 => "#,##0.00", 40 => "#,##0.00", 49 => "@",
        _ => "",
    };

    /// <summary>A number as the cell displays it: the format's decimal places and grouping; dates as yyyy-MM-dd.</summary>
    public static string FormatNumber(string raw, string code)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return raw;
        var section = StripLiterals(code.Split(';')[0]);
        if (section.Length == 0 || section.Equals("General", StringComparison.OrdinalIgnoreCase) || section == "@")
            return Plain(value);
        if (IsDate(section))
        {
            try { return DateOnly.FromDateTime(DateTime.FromOADate((double)value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); }
            catch (ArgumentException) { return Plain(value); }
        }
        bool percent = section.Contains('%');
        if (percent) value *= 100;
        int dot = section.IndexOf('.');
        int places = 0;
        if (dot >= 0) for (int k = dot + 1; k < section.Length && section[k] is '0' or '#'; k++) places++;
        bool grouped = section.Contains(',');
        var text = Math.Round(value, places, MidpointRounding.AwayFromZero)
            .ToString((grouped ? "#,##0" : "0") + (places > 0 ? "." + new string('0', places) : ""), CultureInfo.InvariantCulture);
        return percent ? text + "%" : text;
    }

    /// <summary>A General number: as stored, without the binary float noise of `0.1+0.2`.</summary>
    private static string Plain(decimal value)
    {
        var d = Math.Round(value, 10);
        return d.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static string StripLiterals(string code)
    {
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < code.Length; i++)
        {
            char ch = code[i];
            if (ch == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (ch == '\\' || ch == '_' || ch == '*') { i++; continue; }
            if (ch == '[') { int end = code.IndexOf(']', i); if (end > 0) { i = end; continue; } }
            sb.Append(ch);
        }
        return sb.ToString().Trim();
    }

    private static bool IsDate(string section)
    {
        var s = section.ToLowerInvariant();
        return (s.Contains('y') || s.Contains('d') || s.Contains('m')) && !s.Contains('0') && !s.Contains('#');
    }
}

using Jixiao.Core.Model;
using Jixiao.Formats.Pdf;
using Jixiao.Formats.Word;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Formats.Import;

/// <summary>A problem with a file as a whole or a form that could not be read. Errors mean nothing usable was read.</summary>
public sealed record ImportProblem(string File, int? Line, string Message, bool IsError)
{
    public override string ToString() => Line is { } l ? $"{File}:{l}: {Message}" : $"{File}: {Message}";
}

public sealed class ImportResult
{
    public required string File { get; init; }
    public List<PerformanceForm> Forms { get; } = new();
    public List<DeclarationSummary> Summaries { get; } = new();
    public List<ImportProblem> Problems { get; } = new();
    public string? Encoding { get; set; }
    public LayoutKind? Layout { get; set; }
}

/// <summary>Reads the forms in a file: decodes, detects the layout, reads every form into the model.</summary>
public static class FormImporter
{
    /// <summary>Files larger than this are not forms; reading them would only cost memory.</summary>
    public const long MaxTextBytes = 20 * 1024 * 1024;

    public static ImportResult ImportFile(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        var info = new FileInfo(path);
        if (!info.Exists) return Failed(name, "文件不存在");
        if (info.Length > MaxTextBytes) return Failed(name, $"文件过大（{info.Length / 1024 / 1024} MB），文本格式的绩效表不会超过 {MaxTextBytes / 1024 / 1024} MB");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return Failed(name, $"无法读取文件：{ex.Message}"); }
        return Import(bytes, name);
    }

    /// <summary>
    /// Reads the bytes of a file by what they are, whatever the file is called: a zip (`PK`) is a docx when it holds
    /// `word/` parts, else an xlsx; an OLE compound file with a `WordDocument` stream a legacy .doc, any other a legacy
    /// .xls or a password-protected Office file; `%PDF` a PDF; anything else is decoded as text.
    /// </summary>
    public static ImportResult Import(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.Length == 0) return Failed(fileName, "文件是空的");
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
            return OfficeZip.IsWordDocument(bytes) ? ImportBinary(bytes.ToArray(), fileName, DocxReader.ReadGrid, "docx") : ImportXlsx(bytes.ToArray(), fileName);
        if (XlsReader.IsOle(bytes))
            return DocReader.IsWordDocument(bytes) && !XlsReader.IsEncryptedOoxml(bytes)
                ? ImportBinary(bytes.ToArray(), fileName, DocReader.ReadGrid, "doc")
                : ImportBinary(bytes.ToArray(), fileName, XlsReader.ReadGrid, "xls");
        if (bytes.StartsWith("%PDF-"u8)) return ImportBinary(bytes.ToArray(), fileName, PdfTableReader.ReadGrid, "PDF");
        if (bytes.Length > MaxTextBytes) return Failed(fileName, "文件过大，不是文本格式的绩效表");
        var decoded = TextDecoding.Decode(bytes);
        if (decoded is null) return Failed(fileName, "文件不是文本（可能是二进制或损坏的文件），无法识别为绩效表");
        var result = ImportText(decoded.Text, fileName, decoded.EndsMidCharacter);
        result.Encoding = decoded.EncodingName;
        return result;
    }

    public static ImportResult ImportText(string text, string fileName, bool endsMidCharacter = false)
    {
        var result = new ImportResult { File = fileName };
        if (string.IsNullOrWhiteSpace(text))
        {
            result.Problems.Add(new ImportProblem(fileName, null, "文件没有文字内容", true));
            return result;
        }
        if (LooksLikeFormJson(text))
        {
            // The product's own JSON format (docs/json-format.md): an exported form comes back as it went out.
            try
            {
                var trimmed = text.TrimStart();
                var fromJson = trimmed.StartsWith('[') ? Jixiao.Core.Interchange.FormJsonReader.ParseArray(text) : [Jixiao.Core.Interchange.FormJsonReader.Parse(text)];
                foreach (var f in fromJson) f.Source = new SourceRef(fileName, f.Source.Line);
                result.Forms.AddRange(fromJson);
                return result;
            }
            catch (Jixiao.Core.Interchange.FormJsonException ex)
            {
                result.Problems.Add(new ImportProblem(fileName, null, $"JSON 格式的绩效表无法读取（{ex.Path}）：{ex.Message}", true));
                return result;
            }
        }
        var repaired = TextRepair.Repair(text);
        if (repaired.TraditionalCharacters > 0)
            result.Problems.Add(new ImportProblem(fileName, null, $"文本是繁体字（{repaired.TraditionalCharacters}个字），已按简体字读取；导入的名称和文字为简体", false));
        if (repaired.PinyinAnnotations > 0)
            result.Problems.Add(new ImportProblem(fileName, null, $"文本中有{repaired.PinyinAnnotations}处汉字后的拼音注音（如“项(xiàng)”），已去掉", false));
        var layout = Layouts.Split(repaired.Text);
        result.Layout = layout.Kind;
        var (forms, summaries, problems) = FormReader.Read(layout, fileName, endsMidCharacter);
        result.Forms.AddRange(forms);
        result.Summaries.AddRange(summaries.Where(s => s.Declarations.Count > 0));
        result.Problems.AddRange(problems);
        return result;
    }

    /// <summary>Rows of reliable cells (a sheet, a PDF's ruled table) read by the same reader as every text layout.</summary>
    public static ImportResult ImportGrid(IReadOnlyList<IReadOnlyList<string>> grid, string fileName)
    {
        var result = new ImportResult { File = fileName };
        if (grid.All(r => r.All(string.IsNullOrWhiteSpace)))
        {
            result.Problems.Add(new ImportProblem(fileName, null, "文件中没有任何文字内容", true));
            return result;
        }
        var layout = Layouts.FromGrid(grid);
        result.Layout = layout.Kind;
        var (forms, summaries, problems) = FormReader.Read(layout, fileName, false);
        // A blank fill-in template has every label and nothing else: not a form to import.
        int blank = forms.RemoveAll(f => string.IsNullOrWhiteSpace(f.ProjectName) && f.Indicators.Count == 0);
        if (blank > 0 && forms.Count == 0)
            problems.Add(new ImportProblem(fileName, null, "表格是空白的（尚未填写项目名称和绩效指标），未导入", true));
        result.Forms.AddRange(forms);
        result.Summaries.AddRange(summaries.Where(s => s.Declarations.Count > 0));
        result.Problems.AddRange(problems);
        return result;
    }

    /// <summary>
    /// An xlsx: a filled 监控表 template (its hidden sheet of fixed values) is read by <see cref="MonitoringTemplate"/>;
    /// any other workbook's visible sheets, one after another with a blank row between, by the form reader.
    /// </summary>
    private static ImportResult ImportXlsx(byte[] bytes, string fileName)
    {
        List<XlsxReader.GridSheet> sheets;
        try { sheets = XlsxReader.ReadSheets(bytes, includeHidden: true); }
        catch (UnreadableFileException ex) { return Failed(fileName, ex.Message); }
        if (MonitoringTemplate.Find(sheets) is { } info) return MonitoringTemplate.Import(sheets, info, fileName);
        var grid = new List<string[]>();
        foreach (var s in sheets.Where(s => !s.Hidden))
        {
            if (grid.Count > 0) grid.Add([]);
            grid.AddRange(s.Rows);
        }
        return ImportBinary(bytes, fileName, _ => grid, "xlsx");
    }

    private static ImportResult ImportBinary(byte[] bytes, string fileName, Func<byte[], List<string[]>> read, string format)
    {
        List<string[]> grid;
        try { grid = SplitTargetColumns.Fold(read(bytes)); }
        catch (UnreadableFileException ex) { return Failed(fileName, ex.Message); }
        var result = ImportGrid(grid, fileName);
        result.Encoding = format;
        return result;
    }

    /// <summary>An object (or array of objects) with the format's `kind` field, not a JSON array of table rows.</summary>
    private static bool LooksLikeFormJson(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.Length == 0 || (t[0] != '{' && t[0] != '[')) return false;
        if (t[0] == '[' && t[1..].TrimStart() is { Length: > 0 } rest && rest[0] != '{') return false;
        return text.Contains("\"kind\"", StringComparison.Ordinal);
    }

    private static ImportResult Failed(string file, string message)
    {
        var r = new ImportResult { File = file };
        r.Problems.Add(new ImportProblem(file, null, message, true));
        return r;
    }
}

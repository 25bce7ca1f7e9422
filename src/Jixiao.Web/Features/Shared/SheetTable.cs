using System.ComponentModel;
using Jixiao.Core.Entry;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Web.Features.Shared;

[Description("批量导入中的一处问题")]
public sealed record ImportRowProblem(
    [property: Description("工作表")] string Sheet,
    [property: Description("行号")] int Row,
    [property: Description("列（标题）")] string Column,
    [property: Description("单元格")] string Cell,
    [property: Description("说明")] string Message);

/// <summary>
/// One sheet of an uploaded workbook, its rows under its header: each cell by its header's text (so the columns may be
/// in any order), and each problem as a Chinese message naming the sheet, the row, the column and the cell. Shared by
/// the workbook imports (the administrator's organisations and accounts, finance's 指标库).
/// </summary>
public sealed class SheetTable(XlsxReader.GridSheet sheet, List<ImportRowProblem> problems)
{
    readonly Dictionary<string, int> _columns = new();
    public string Name => sheet.Name;

    /// <summary>The header row's columns; false (with a problem for each) when a required one is missing.</summary>
    public bool ReadHeader(IReadOnlyList<string> wanted, IReadOnlyList<string> optional)
    {
        if (sheet.Rows.Count == 0)
        {
            problems.Add(new ImportRowProblem(Name, 1, wanted[0], "A1", $"工作表“{Name}”是空的：第一行应为标题 {string.Join("、", wanted)}"));
            return false;
        }
        var header = sheet.Rows[0];
        for (int c = 0; c < header.Length; c++)
            if (header[c].Trim() is { Length: > 0 } h && !_columns.ContainsKey(h)) _columns[h] = c;
        bool ok = true;
        foreach (var w in wanted.Where(w => !optional.Contains(w) && !_columns.ContainsKey(w)))
        {
            problems.Add(new ImportRowProblem(Name, sheet.FirstRow, w, $"{XlsxTables.ColumnName(header.Length)}{sheet.FirstRow}",
                $"工作表“{Name}”第 {sheet.FirstRow} 行（标题行）缺少“{w}”列；标题应为 {string.Join("、", wanted)}"));
            ok = false;
        }
        return ok;
    }

    /// <summary>Whether the header has this column (an optional column left out means "not given", not "empty").</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The rows below the header that hold anything, with their row numbers in the sheet.</summary>
    public IEnumerable<(int Row, string[] Cells)> Rows() =>
        sheet.Rows.Skip(1).Select((cells, i) => (sheet.FirstRow + 1 + i, cells)).Where(r => r.cells.Any(c => c.Trim().Length > 0));

    public string Cell(string[] cells, string column) =>
        _columns.TryGetValue(column, out var c) && c < cells.Length ? cells[c].Trim() : "";

    public void Problem(int row, string column, string message)
    {
        var cell = $"{(_columns.TryGetValue(column, out var c) ? XlsxTables.ColumnName(c) : "A")}{row}";
        problems.Add(new ImportRowProblem(Name, row, column, cell, $"工作表“{Name}”第 {row} 行“{column}”列（{cell}）：{message}"));
    }
}

/// <summary>An uploaded workbook for an import: one xlsx through <see cref="Api.ReadUploadAsync"/>'s guards, read into its sheets.</summary>
public static class WorkbookUpload
{
    /// <summary>The sheets of the one xlsx in the multipart field `file` (<see cref="XlsxReader"/>'s caps; an unreadable file is a 400 saying why).</summary>
    public static async Task<List<XlsxReader.GridSheet>> ReadAsync(HttpContext http, long maxBytes)
    {
        var form = await Api.ReadUploadAsync(http, maxBytes, "file", " xlsx 文件");
        if (form.Files.Count != 1) throw Api.Fail(400, form.Files.Count == 0 ? "没有上传文件" : "一次只能上传一个工作簿", "file");
        var file = form.Files[0];
        if (file.Length > maxBytes) throw Api.TooLarge(maxBytes);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms);
        try { return XlsxReader.ReadSheets(ms.ToArray()); }
        catch (Jixiao.Formats.Import.UnreadableFileException ex) { throw Api.Fail(400, ex.Message, "file"); }
    }

    /// <summary>The answer to a confirmed import with problems: 422, nothing imported, every problem by its cell.</summary>
    public static IResult Refused(IReadOnlyList<ImportRowProblem> problems) =>
        Api.Json(new ApiError($"工作簿中有 {problems.Count} 处问题，没有导入任何内容。第一处：{problems[0].Message}", "file",
            problems.Select(p => new FieldProblem($"{p.Sheet}!{p.Cell}", p.Message)).ToList()), 422);
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;

namespace Jixiao.Tests.Export;

/// <summary>Types values into cells of a workbook as a person would in Excel: text or a number, the cell's style kept.</summary>
internal static class XlsxFill
{
    public static byte[] Set(byte[] xlsx, string sheetName, params (string Ref, object Value)[] cells)
    {
        using var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var data = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            foreach (var (reference, value) in cells) Put(data, reference, value);
        }
        return ms.ToArray();
    }

    private static void Put(SheetData data, string reference, object value)
    {
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var after = row.Elements<Cell>().LastOrDefault(c => Order(c.CellReference!.Value!) < Order(reference));
            if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
        }
        cell.RemoveAllChildren();
        if (value is decimal d)
        {
            cell.DataType = null;
            cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text((string)value) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }
    }

    private static int Order(string reference)
    {
        int col = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) col = col * 26 + (ch - 'A' + 1);
        return col;
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Formats.Xlsx;

/// <summary>A drop-down list on one column of a <see cref="TableSheet"/>: its items and the prompt Excel shows.</summary>
public sealed record ColumnChoice(int Column, IReadOnlyList<string> Items, string Prompt);

/// <summary>
/// A sheet holding one plain table: a header row (kept in view while scrolling), rows of text below it, column widths,
/// and drop-down lists for the rows people fill in.
/// </summary>
public sealed record TableSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IReadOnlyList<double> Widths { get; init; } = [];
    public IReadOnlyList<ColumnChoice> Choices { get; init; } = [];

    /// <summary>How many rows below the header the drop-down lists reach.</summary>
    public int FillRows { get; init; } = 1000;
}

/// <summary>
/// Workbooks of plain tables (a sheet per table, an optional instructions sheet the readers skip): what a person fills
/// in for a bulk import, as opposed to a form in the official layout (<see cref="XlsxWriter"/>, <see cref="XlsxTemplate"/>).
/// </summary>
public static class XlsxTables
{
    /// <summary>The column's letters (0 → A, 26 → AA), as a message names a cell.</summary>
    public static string ColumnName(int column) => XlsxBook.ColumnName(column);

    public static byte[] Write(IReadOnlyList<TableSheet> sheets, string? instructionsTitle = null, IReadOnlyList<string>? instructions = null)
    {
        var book = new XlsxBook();
        foreach (var t in sheets)
        {
            var s = book.AddSheet(t.Name);
            s.Print = false;
            s.FrozenRows = 1;
            s.Widths = t.Widths.Count > 0 ? t.Widths.ToArray() : t.Header.Select(_ => 20.0).ToArray();
            for (int c = 0; c < t.Header.Count; c++) s.Set(1, c, t.Header[c], null, Styles.Label);
            s.Heights[1] = 22;
            for (int r = 0; r < t.Rows.Count; r++)
                for (int c = 0; c < t.Rows[r].Count; c++) s.Set(r + 2, c, t.Rows[r][c], null, Styles.Text);
            AddChoices(s, t.Header, t.Choices, t.FillRows);
        }
        AddInstructions(book, instructionsTitle, instructions);
        return book.Save();
    }

    /// <summary>Drop-down lists on the columns given, from row 2 down <paramref name="fillRows"/> rows; a value off the list is warned of, not refused.</summary>
    internal static void AddChoices(SheetDraft s, IReadOnlyList<string> header, IReadOnlyList<ColumnChoice> choices, int fillRows)
    {
        foreach (var choice in choices)
        {
            var column = XlsxBook.ColumnName(choice.Column);
            s.Validations.Add(new DataValidation(new Formula1("\"" + string.Join(",", choice.Items) + "\""))
            {
                Type = DataValidationValues.List,
                ErrorStyle = DataValidationErrorStyleValues.Warning,
                AllowBlank = true,
                ShowInputMessage = true,
                ShowErrorMessage = true,
                PromptTitle = header[choice.Column],
                Prompt = choice.Prompt,
                ErrorTitle = header[choice.Column],
                Error = "不在列表中，导入时会被指出",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{fillRows + 1}" },
            });
        }
    }

    /// <summary>The instructions sheet (<see cref="XlsxReader.InstructionsSheet"/>, which the readers skip), when there are any.</summary>
    internal static void AddInstructions(XlsxBook book, string? title, IReadOnlyList<string>? instructions)
    {
        if (instructions is not { Count: > 0 }) return;
        var notes = book.AddSheet(XlsxReader.InstructionsSheet);
        notes.Print = false;
        notes.Widths = [110];
        int r = 1;
        notes.Set(r++, 0, title ?? "填写说明", null, Styles.Heading);
        foreach (var line in instructions) { notes.Set(r, 0, line, null, Styles.Note); notes.Heights[r++] = 30; }
    }
}

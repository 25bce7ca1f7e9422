using System.Text.Json.Nodes;
using Jixiao.Formats.Cases;
using Jixiao.Tests.Cli;

namespace Jixiao.Tests.Import;

/// <summary>
/// The measurement behind `jixiao corpus` (docs/corpus.md) on small hand-made case folders: the input is a form in
/// the product's JSON format, so what the importer reads is known exactly and only the scoring is under test.
/// </summary>
public sealed class CaseScoringTests : IDisposable
{
    // Read back from input.json: two rows, 甲 then 丙.
    const string Input = """
        [{"formatVersion":1,"kind":"self-evaluation","year":2024,"projectName":"甲项目","department":"乙局",
          "funds":{"unit":"万元"},"goals":{},
          "indicators":[
            {"level1":"产出指标","level2":"数量指标","name":"甲","target":{"text":"≥1次","comparator":"≥","value":1,"unit":"次"},"weight":10,"score":10},
            {"level1":"产出指标","level2":"质量指标","name":"丙","weight":20,"score":18}],
          "complete":true}]
        """;

    readonly string _root = Directory.CreateTempSubdirectory("jixiao-cases-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    string Case(string name, string expected, string input = Input, string inputName = "input.json")
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, inputName), input);
        File.WriteAllText(Path.Combine(dir, "expected.json"), expected);
        return dir;
    }

    // Five fields (kind, year, projectName, department, funds.unit) of which year is wrong; three rows of which 乙
    // is not in the input.
    const string OneWrongFieldOneMissedRow = """
        [{"kind":"self-evaluation","year":2023,"projectName":"甲项目","department":"乙局","funds":{"unit":"万元"},
          "indicators":[ {"name":"甲","weight":10}, {"name":"乙"}, {"name":"丙","score":18} ]}]
        """;

    [Fact]
    public void One_wrong_field_and_one_missed_row_are_counted_exactly_and_the_rows_after_the_miss_still_match()
    {
        var s = CaseScoring.Measure(Case("one-miss", OneWrongFieldOneMissedRow));

        Assert.Null(s.Error);
        Assert.Equal((1, 1), (s.Counts.FormsRead, s.Counts.FormsExpected));
        Assert.Equal((4, 5), (s.Counts.FieldsRight, s.Counts.FieldsExpected));
        Assert.Equal((2, 3), (s.Counts.RowsRight, s.Counts.RowsExpected));
        Assert.Equal(0, s.Counts.RowsInvented);
        Assert.False(s.Passes);
        Assert.Equal("$[0].year: expected 2023, got 2024", Assert.Single(s.WrongFields));
        Assert.Equal("$[0].indicators[1] “乙”", Assert.Single(s.MissedRows));
    }

    [Fact]
    public void A_row_the_importer_gave_beyond_the_listed_rows_is_counted_as_invented()
    {
        var s = CaseScoring.Measure(Case("invented", """[{"projectName":"甲项目","indicators":[{"name":"甲","score":10}]}]"""));

        Assert.Equal((1, 1), (s.Counts.FieldsRight, s.Counts.FieldsExpected));
        Assert.Equal((1, 1), (s.Counts.RowsRight, s.Counts.RowsExpected));
        Assert.Equal(1, s.Counts.RowsInvented);
        Assert.False(s.Passes);
    }

    [Fact]
    public void A_row_must_carry_every_expected_key_and_rows_match_in_order()
    {
        // 丙 with the wrong score fits no row; 丙 before 甲 can match only one of the two in printed order.
        var wrongKey = CaseScoring.Measure(Case("wrong-key", """[{"indicators":[{"name":"甲"},{"name":"丙","score":20}]}]"""));
        var swapped = CaseScoring.Measure(Case("swapped", """[{"indicators":[{"name":"丙"},{"name":"甲"}]}]"""));

        Assert.Equal((1, 2, 1), (wrongKey.Counts.RowsRight, wrongKey.Counts.RowsExpected, wrongKey.Counts.RowsInvented));
        Assert.Equal((1, 2, 1), (swapped.Counts.RowsRight, swapped.Counts.RowsExpected, swapped.Counts.RowsInvented));
    }

    [Fact]
    public void Rows_are_not_counted_as_invented_when_the_expectation_does_not_list_them()
    {
        var s = CaseScoring.Measure(Case("no-rows", """[{"projectName":"甲项目"}]"""));

        Assert.Equal((1, 1, 0, 0), (s.Counts.FieldsRight, s.Counts.FieldsExpected, s.Counts.RowsRight, s.Counts.RowsExpected));
        Assert.Null(s.Counts.RowsInvented);
        Assert.True(s.Passes);
    }

    [Fact]
    public void The_whole_case_passes_exactly_when_the_shared_subset_comparison_finds_no_difference()
    {
        var dir = Case("all-right", """
            [{"year":2024,"indicators":[{"name":"甲","target":{"value":1.00}},{"name":"丙","score":18.0}],"warnings":[]}]
            """);

        var s = CaseScoring.Measure(dir);
        var (expected, actual) = CaseFolder.Read(dir);

        Assert.True(s.Passes);
        Assert.Empty(JsonSubset.Differences(expected, actual));
        // An empty expected `warnings` asserts nothing (JsonSubset matches expected warnings only): no field.
        Assert.Equal((1, 1, 2, 2, 0), (s.Counts.FieldsRight, s.Counts.FieldsExpected, s.Counts.RowsRight, s.Counts.RowsExpected, s.Counts.RowsInvented));
    }

    [Fact]
    public void A_missing_form_fails_all_its_fields_and_rows_and_a_case_without_input_says_so()
    {
        var twoForms = CaseScoring.Measure(Case("two-forms", """[{"year":2024},{"year":2024,"projectName":"丁","indicators":[{"name":"戊"}]}]"""));
        var noInput = Path.Combine(_root, "no-input");
        Directory.CreateDirectory(noInput);
        File.WriteAllText(Path.Combine(noInput, "expected.json"), """[{"year":2024}]""");

        var s = CaseScoring.Measure(noInput);

        Assert.Equal((1, 2), (twoForms.Counts.FormsRead, twoForms.Counts.FormsExpected));
        Assert.Equal((1, 3, 0, 1, 0), (twoForms.Counts.FieldsRight, twoForms.Counts.FieldsExpected, twoForms.Counts.RowsRight, twoForms.Counts.RowsExpected, twoForms.Counts.RowsInvented));
        Assert.Contains("没有 input.*", s.Error);
        Assert.Equal((0, 1), (s.Counts.FieldsRight, s.Counts.FieldsExpected));
    }

    [Fact]
    public void The_corpus_command_prints_the_counts_and_totals_and_the_same_as_json()
    {
        Case("one-miss", OneWrongFieldOneMissedRow);
        Case("invented", """[{"projectName":"甲项目","indicators":[{"name":"甲","score":10}]}]""");

        var table = CliProcess.Jixiao("corpus", _root);
        var json = CliProcess.Jixiao("corpus", _root, "--json");
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty", "no-case-here")).Parent!.FullName;
        var nothing = CliProcess.Jixiao("corpus", empty);

        Assert.Equal(0, table.Exit);
        Assert.Contains("| invented | 1/1 | 1/1 | 1/1 | 1 | 否 |", table.Out);
        Assert.Contains("| one-miss | 1/1 | 4/5 | 2/3 | 0 | 否 |", table.Out);
        Assert.Contains("合计** | 2/2 | 5/6（83.3%） | 3/4（75.0%） | 1 | 0/2 |", table.Out);
        var totals = JsonNode.Parse(json.Out)!["totals"]!["counts"]!;
        Assert.Equal((5, 6, 3, 4, 1), ((int)totals["fieldsRight"]!, (int)totals["fieldsExpected"]!, (int)totals["rowsRight"]!, (int)totals["rowsExpected"]!, (int)totals["rowsInvented"]!));
        Assert.Equal(2, nothing.Exit);
        Assert.Contains("没有找到案例文件夹", nothing.Err);
    }
}

using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>A column of the 监控表's indicator table, by its printed head.</summary>
internal enum MonitoringColumn { Level1, Level2, Level3, Target, Progress, Forecast, Deviation, Likelihood, Remark }

/// <summary>A column of the 监控表's funds block, by its printed head.</summary>
internal enum MonitoringFundColumn { Initial, Adjusted, Executed, Rate, Forecast, Remark }

/// <summary>How a vocabulary word is matched against a label's key: the whole key, its start, or anywhere in it.</summary>
internal enum WordMatch { Whole, Start, Within }

/// <summary>
/// The words of the 监控表 (docs/monitoring-form.md): its titles, header labels, the funds block's and the indicator
/// table's column heads, the tick marks and the rows that end the table. Read by <see cref="MonitoringReader"/>.
/// </summary>
internal static partial class Vocabulary
{
    private static bool Matches(string key, string word, WordMatch how) => how switch
    {
        WordMatch.Whole => key == word,
        WordMatch.Start => key.StartsWith(word, StringComparison.Ordinal),
        _ => key.Contains(word, StringComparison.Ordinal),
    };

    /// <summary>The first rule whose word the key matches, in the table's order (a longer or narrower word first).</summary>
    private static T? FirstMatch<T>(string key, (string Word, WordMatch How, T Value)[] rules) where T : struct
    {
        foreach (var (word, how, value) in rules)
            if (Matches(key, word, how)) return value;
        return null;
    }

    private static bool AnyMatch(string key, (string Word, WordMatch How)[] rules)
    {
        foreach (var (word, how) in rules)
            if (Matches(key, word, how)) return true;
        return false;
    }

    // ---------------------------------------------------------------- titles

    /// <summary>What a 监控表's title contains: 项目支出绩效目标执行监控表, 绩效监控表, 运行监控情况表 ….</summary>
    public static readonly string[] MonitoringTitleWords = ["监控表", "监控情况表"];

    /// <summary>A covering letter about the form (关于…监控表的通知), not its title.</summary>
    public const string LetterPrefix = "关于";

    /// <summary>Longest text a title line has; a longer one is prose that names the form.</summary>
    public const int MonitoringTitleMaxLength = 90;

    /// <summary>`（2024年度 第三季度 1-9月）`: the months the round covers, its name between 年度 and them.</summary>
    [GeneratedRegex(@"1\s*[-－—~～至到]\s*(\d{1,2})\s*月")]
    public static partial Regex MonitoringPeriodPattern();

    public const string YearWord = "年度";

    /// <summary>A title with 半年度 and no months: the round to the end of June.</summary>
    public const string HalfYearWord = "半年度";

    /// <summary>Brackets around a round's name in a title.</summary>
    public static readonly char[] PeriodNameBrackets = [' ', '（', '(', '）', ')'];

    // ---------------------------------------------------------------- header

    /// <summary>The 监控表's own header labels; the others are the project forms' (<see cref="HeaderLabels"/>).</summary>
    private static readonly Dictionary<string, HeaderField> MonitoringHeaderLabels = new()
    {
        ["主管部门及代码"] = HeaderField.Department, ["主管部门及编码"] = HeaderField.Department, ["主管部门"] = HeaderField.Department,
        ["实施单位"] = HeaderField.ImplementingUnit, ["项目执行单位"] = HeaderField.ImplementingUnit, ["项目实施单位"] = HeaderField.ImplementingUnit,
    };

    public static HeaderField? MonitoringHeaderOf(string key) =>
        MonitoringHeaderLabels.TryGetValue(key, out var f) || HeaderLabels.TryGetValue(key, out f) ? f : null;

    /// <summary>The label of the year's goal (年度总体目标 | text).</summary>
    public static readonly string[] MonitoringGoalLabels = ["年度总体目标", "年度绩效目标"];

    /// <summary>The label of the goal's progress ends so (1-7月执行情况, 半年执行情况); a longer one is a column head.</summary>
    public const string ProgressLabelEnding = "执行情况";

    public const int ProgressLabelMaxLength = 12;

    public static bool IsMonitoringGoalLabel(string key) => MonitoringGoalLabels.Contains(key);

    public static bool IsMonitoringProgressLabel(string key) =>
        key.EndsWith(ProgressLabelEnding, StringComparison.Ordinal) && key.Length <= ProgressLabelMaxLength;

    /// <summary>A goal or progress line (年度总体目标…, …执行情况) after the funds block: the block has ended.</summary>
    public static bool StartsMonitoringGoals(string key) =>
        MonitoringGoalLabels.Any(l => key.StartsWith(l, StringComparison.Ordinal)) || key.EndsWith(ProgressLabelEnding, StringComparison.Ordinal);

    // ---------------------------------------------------------------- funds

    /// <summary>The funds block's side label (项目资金（万元）), which carries its unit.</summary>
    public const string MonitoringFundsLabel = "项目资金";

    public const string YuanNote = "(元)";

    private static readonly (string Word, WordMatch How, MonitoringFundColumn Column)[] MonitoringFundHeads =
    [
        ("年初预算", WordMatch.Within, MonitoringFundColumn.Initial),
        ("调整后预算", WordMatch.Within, MonitoringFundColumn.Adjusted),
        ("全年预算数", WordMatch.Whole, MonitoringFundColumn.Adjusted),
        ("预计执行", WordMatch.Within, MonitoringFundColumn.Forecast),
        ("执行率", WordMatch.Within, MonitoringFundColumn.Rate),
        ("执行数", WordMatch.Within, MonitoringFundColumn.Executed),
        ("备注", WordMatch.Whole, MonitoringFundColumn.Remark),
        ("偏差原因", WordMatch.Whole, MonitoringFundColumn.Remark),
        ("原因", WordMatch.Whole, MonitoringFundColumn.Remark),
    ];

    public static MonitoringFundColumn? MonitoringFundHeadOf(string text) =>
        FirstMatch(ChineseText.ToHalfWidth(Key(text)), MonitoringFundHeads);

    /// <summary>What a fund line's label names: 年度资金总额, 其中：财政拨款, 专项债券 ….</summary>
    private static readonly string[] MonitoringFundLabelWords = ["资金", "拨款", "总额", "债券"];

    public static bool IsMonitoringFundLabel(string key) => MonitoringFundLabelWords.Any(w => key.Contains(w));

    /// <summary>A fund line's label as the model keeps it (either form's): `其中：当年财政拨款`, `年度资金总额` (a trailing colon dropped).</summary>
    public static string FundLineLabel(string text)
    {
        var t = ChineseText.RemoveSpaces(ChineseText.Normalize(text)).TrimEnd(':', '：');
        return t.StartsWith("其中:", StringComparison.Ordinal) ? "其中：" + t[3..] : t;
    }

    // ---------------------------------------------------------------- indicators

    /// <summary>The head that starts the indicator table, and the side label beside it.</summary>
    public const string Level1Head = "一级指标";

    public const string IndicatorsSideLabel = "绩效指标";

    private static readonly (string Word, WordMatch How, MonitoringColumn Column)[] MonitoringIndicatorHeads =
    [
        ("一级指标", WordMatch.Whole, MonitoringColumn.Level1),
        ("二级指标", WordMatch.Whole, MonitoringColumn.Level2),
        ("三级指标", WordMatch.Whole, MonitoringColumn.Level3),
        ("指标名称", WordMatch.Whole, MonitoringColumn.Level3),
        ("指标值", WordMatch.Within, MonitoringColumn.Target),
        ("预计", WordMatch.Within, MonitoringColumn.Forecast),
        ("执行情况", WordMatch.Within, MonitoringColumn.Progress),
        ("完成值", WordMatch.Within, MonitoringColumn.Progress),
        ("完成情况", WordMatch.Within, MonitoringColumn.Progress),
        ("偏差原因", WordMatch.Start, MonitoringColumn.Deviation),
        ("完成目标可能性", WordMatch.Start, MonitoringColumn.Likelihood),
        ("备注", WordMatch.Whole, MonitoringColumn.Remark),
    ];

    public static MonitoringColumn? MonitoringIndicatorHeadOf(string text) => FirstMatch(Key(text), MonitoringIndicatorHeads);

    /// <summary>The marks a unit ticks a choice with.</summary>
    public static readonly string[] Ticks = ["√", "✓", "✔", "☑", "■", "v", "V"];

    /// <summary>The tick a 黄石 form writes after its likelihood word (`确定能√`).</summary>
    public const char Tick = '√';

    public static bool IsTick(string text) => Ticks.Contains(ChineseText.RemoveSpaces(text));

    /// <summary>
    /// The national head's sub-columns (经费保障 … , 确定能 …) near the indicator head: the layout where each choice is a
    /// column ticked with √.
    /// </summary>
    public static bool NamesTickColumns(string text) =>
        text.Contains("保障", StringComparison.Ordinal) && (text.Contains("经费", StringComparison.Ordinal) || text.Contains("确定", StringComparison.Ordinal));

    /// <summary>The rows under the table that end it: notes, and 黄石's two text rows for reasons and measures.</summary>
    private static readonly (string Word, WordMatch How)[] MonitoringTableEnds =
    [
        ("注", WordMatch.Whole), ("注:", WordMatch.Start), ("注：", WordMatch.Start),
        ("偏差或不能完成目标原因", WordMatch.Start), ("相关建议", WordMatch.Start),
    ];

    public static bool EndsMonitoringTable(string text) => AnyMatch(Key(text), MonitoringTableEnds);

    /// <summary>A note under a form (注：…), and the characters a finished sentence ends with.</summary>
    public static readonly string[] NoteMarkers = ["注:", "注："];

    public static bool EndsSentence(char c) => c is '。' or '.' or '；' or ';' or '）' or ')';
}

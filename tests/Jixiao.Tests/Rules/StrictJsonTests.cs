using System.ComponentModel;
using Jixiao.Core.Interchange;

namespace Jixiao.Tests.Rules;

/// <summary>The strict reader's answers: which field, in Chinese, and never .NET's English.</summary>
public class StrictJsonTests
{
    [Description("测试")]
    public sealed record Sample
    {
        [Description("名称")] public required string Name { get; init; }
        [Description("分值")] public decimal? Weight { get; init; }
        [Description("次数")] public int Count { get; init; }
        [Description("各行")] public IReadOnlyList<Row>? Rows { get; init; }
    }

    [Description("行")]
    public sealed record Row([property: Description("得分")] decimal Score);

    static Jixiao.Core.Entry.FieldProblem Only(string json, bool strict = true) =>
        Assert.Single(Assert.Throws<JsonReadException>(() => StrictJson.Read<Sample>(json, strict)).Problems);

    [Theory]
    [InlineData("{\"name\":\"x\",\"weight\":\"十\"}", "weight", "分值（weight）应为数字，实际为文字“十”")]
    [InlineData("{\"name\":\"x\",\"count\":1.5}", "count", "次数（count）应为整数")]
    [InlineData("{\"weight\":1}", "name", "缺少名称（name）")]
    [InlineData("{\"name\":null}", "name", "名称（name）不能为空")]
    [InlineData("{\"name\":\"x\",\"rows\":[{\"score\":true}]}", "rows[0].score", "得分（rows[0].score）应为数字，实际为真假值 true")]
    [InlineData("{\"name\":\"x\",\"rows\":{}}", "rows", "应为数组")]
    [InlineData("[]", "$", "应为对象")]
    [InlineData("{\"name\":", "$", "不是有效的 JSON")]
    public void A_problem_names_the_field_and_says_what_was_expected(string json, string field, string says)
    {
        var p = Only(json);

        Assert.Equal(field, p.Field);
        Assert.Contains(says, p.Message);
    }

    [Fact]
    public void An_unknown_field_is_refused_when_strict_and_ignored_otherwise()
    {
        var p = Only("{\"name\":\"x\",\"nmae\":\"y\"}");

        Assert.Equal("nmae", p.Field);
        Assert.Contains("没有字段“nmae”", p.Message);
        Assert.Equal("x", StrictJson.Read<Sample>("{\"name\":\"x\",\"nmae\":\"y\"}", strict: false).Name);
    }

    [Fact]
    public void Numbers_may_come_as_strings_that_hold_exactly_a_number_and_keep_their_places()
    {
        var s = StrictJson.Read<Sample>("{\"name\":\"x\",\"weight\":\"25.00\",\"rows\":[{\"score\":\"9.50\"}]}", strict: true);

        Assert.Equal("25.00", s.Weight!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(9.50m, s.Rows![0].Score);
        Assert.Equal("weight", Only("{\"name\":\"x\",\"weight\":\"1,000\"}").Field);
        Assert.Equal("weight", Only("{\"name\":\"x\",\"weight\":\" 5\"}").Field);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_in_chinese()
    {
        var deep = new string('[', 40) + new string(']', 40);

        var p = Only(deep);

        Assert.Contains("嵌套超过 32 层", p.Message);
    }
}

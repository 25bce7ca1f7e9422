using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;

namespace Jixiao.Tests.Core;

public class ValueParserTests
{
    [Theory]
    [InlineData("≥4.00(次)", "≥", "4.00", "次")]
    [InlineData(">=20平方米", "≥", "20", "平方米")]
    [InlineData("≧500亩", "≥", "500", "亩")]
    [InlineData("<=475元/亩", "≤", "475", "元/亩")]
    [InlineData("≦5.00(%)", "≤", "5.00", "%")]
    [InlineData("＝100.00（%）", "=", "100.00", "%")]
    [InlineData("═12.00(月)", "=", "12.00", "月")]
    [InlineData("=100.00 (%)", "=", "100.00", "%")]
    [InlineData("<5.00(%)", "<", "5.00", "%")]
    [InlineData("≤50000.00 (元/片区)", "≤", "50000.00", "元/片区")]
    [InlineData("100%", null, "100", "%")]
    [InlineData("1600元/亩", null, "1600", "元/亩")]
    [InlineData("≥11.376万元", "≥", "11.376", "万元")]
    [InlineData("≥１２（次）", "≥", "12", "次")]
    [InlineData("=1,217,200.00(元)", "=", "1217200.00", "元")]
    public void Quantitative_targets_normalise_comparator_value_and_unit(string printed, string? cmp, string value, string unit)
    {
        var t = ValueParser.ParseTarget(printed);

        Assert.Equal(cmp, t.Comparator?.ToSymbol());
        Assert.Equal(decimal.Parse(value), t.Value);
        Assert.Equal(unit, t.Unit);
        Assert.Equal(ChineseText.Normalize(printed), t.Text);
    }

    [Theory]
    [InlineData("及时")]
    [InlineData("控制在预算内")]
    [InlineData("≥**个")]
    [InlineData("2023年1月至12月开展的全部活动")]
    public void Words_and_placeholders_are_qualitative_targets(string printed)
    {
        var t = ValueParser.ParseTarget(printed);

        Assert.Null(t.Value);
        Assert.Null(t.Comparator);
        Assert.Equal(printed, t.Text);
    }

    [Theory]
    [InlineData("达成指标", Achievement.Achieved)]
    [InlineData("达成预期指标", Achievement.Achieved)]
    [InlineData("部分达成指标并具有一定效果", Achievement.PartiallyAchieved)]
    [InlineData("部分达成指 标并具有一定 效果", Achievement.PartiallyAchieved)]
    [InlineData("部分达成预期指标并具有一定效果", Achievement.PartiallyAchieved)]
    [InlineData("未达成指标且效果较差", Achievement.NotAchieved)]
    public void Achievement_labels_in_shanghai_and_national_wording(string printed, Achievement expected)
    {
        Assert.Equal(expected, ValueParser.ParseActual(printed).Achievement);
    }

    [Fact]
    public void An_actual_with_a_comparator_is_text_not_a_value()
    {
        var a = ValueParser.ParseActual("≥90%");

        Assert.Null(a.Value);
        Assert.Equal("≥90%", a.Text);
    }

    [Theory]
    [InlineData("6,481.38", "6481.38")]
    [InlineData("0.00", "0.00")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("１２３", "123")]
    public void Printed_numbers_read_exactly(string printed, string expected)
    {
        Assert.Equal(decimal.Parse(expected), ValueParser.ParseNumber(printed));
    }

    [Theory]
    [InlineData("-")]
    [InlineData("12,34")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("")]
    public void Things_that_are_not_numbers_read_as_null(string printed)
    {
        Assert.Null(ValueParser.ParseNumber(printed));
    }

    [Theory]
    [InlineData("2024-01-01", 2024, 1, 1)]
    [InlineData("2024/1/31", 2024, 1, 31)]
    [InlineData("2024年12月31日", 2024, 12, 31)]
    public void Dates_read_in_the_printed_styles(string printed, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), ValueParser.ParseDate(printed));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("明年")]
    public void Impossible_dates_read_as_null(string printed)
    {
        Assert.Null(ValueParser.ParseDate(printed));
    }

    [Theory]
    [InlineData("（2024年度）", 2024)]
    [InlineData("(2024 年度)", 2024)]
    [InlineData("2019年度)", 2019)]
    public void The_year_reads_from_its_printed_forms(string printed, int year)
    {
        Assert.Equal(year, ValueParser.ParseYear(printed));
    }
}

public class ChineseTextTests
{
    [Theory]
    [InlineData("22 个居民区党组织党建工作", "22个居民区党组织党建工作")]
    [InlineData("部分达成指 标并具有一定 效果", "部分达成指标并具有一定效果")]
    [InlineData("多媒体显示屏（含智能会议预约\n门牌）使用次数", "多媒体显示屏（含智能会议预约门牌）使用次数")]
    [InlineData("<p>按计划推进</p>", "按计划推进")]
    [InlineData("keep in 中山", "keep in 中山")]
    [InlineData("=100.00 (%)", "=100.00 (%)")]
    [InlineData("PC、手机", "PC、手机")]
    [InlineData("total\nbudget", "total budget")]
    [InlineData("  两端\u3000空白  ", "两端空白")]
    [InlineData("<p>第一段</p><p>第二段 two</p>", "第一段第二段 two")]
    [InlineData("x<y 且 <p>合格</p>", "x<y 且合格")]
    public void Normalisation_drops_extraction_spaces_beside_cjk_and_keeps_others(string raw, string expected)
    {
        Assert.Equal(expected, ChineseText.Normalize(raw));
    }
}

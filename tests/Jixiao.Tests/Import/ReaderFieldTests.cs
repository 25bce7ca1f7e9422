using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Import;

/// <summary>
/// How the reader reads a form's fields (header, goals, funds, kind, completeness) from layouts it was not built on:
/// each input is a small hand-written text whose reading is worked out by hand, and each test names the rule.
/// </summary>
public class ReaderFieldTests
{
    private static ImportResult Read(string text) => FormImporter.ImportText(text, "t.txt");

    [Fact]
    public void A_bracketed_year_after_a_title_in_glued_text_is_the_forms_year()
    {
        // Cells ran together: the year in brackets behind the title is the title's, not a value of the header.
        var r = Read("专项转移支付绩效目标表(2023年度)项目名称宗教管理经费补助主管部门龙岩市民族与宗教事务局" +
                     "一级指标二级指标三级指标指标值产出指标数量指标补助宗教场所数量≥5个\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(2023, form.Year);
        Assert.Equal("宗教管理经费补助", form.ProjectName);
    }
}

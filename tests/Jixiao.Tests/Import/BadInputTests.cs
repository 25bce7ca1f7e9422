using System.Text;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Import;

public class BadInputTests
{
    private static readonly byte[] Seed004 = File.ReadAllBytes(TestData.CaseInput("seed-004"));

    [Fact]
    public void An_empty_file_is_reported_by_name_and_yields_no_form()
    {
        var r = FormImporter.Import([], "empty.txt");

        Assert.Empty(r.Forms);
        var p = Assert.Single(r.Problems);
        Assert.True(p.IsError);
        Assert.Contains("empty.txt", p.ToString());
        Assert.Contains("空", p.Message);
    }

    [Fact]
    public void Binary_junk_is_reported_as_not_text()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);

        var r = FormImporter.Import(junk, "junk.bin");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("不是文本"));
    }

    [Fact]
    public void Text_that_is_no_form_is_reported_as_an_unknown_layout()
    {
        var r = FormImporter.Import(Encoding.UTF8.GetBytes("会议纪要\n今天讨论了预算安排。\n"), "notes.txt");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("无法识别为绩效表"));
    }

    [Fact]
    public void A_gb18030_file_reads_the_same_as_its_utf8_original()
    {
        var text = Encoding.UTF8.GetString(Seed004);
        var gb = TextDecoding.Gb18030.GetBytes(text);

        var fromGb = FormImporter.Import(gb, "seed-004-gb18030.txt");
        var fromUtf8 = FormImporter.Import(Seed004, "seed-004.txt");

        Assert.Equal("GB18030", fromGb.Encoding);
        Assert.Equal(5, fromGb.Forms.Count);
        Assert.Equal(fromUtf8.Forms.Select(f => f.ProjectName), fromGb.Forms.Select(f => f.ProjectName));
        Assert.Equal("中共上海市委组织部", fromGb.Forms[0].Department);
        Assert.Equal(fromUtf8.Forms.Sum(f => f.Indicators.Count), fromGb.Forms.Sum(f => f.Indicators.Count));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_text()
    {
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Seed004).ToArray();

        var r = FormImporter.Import(withBom, "bom.txt");

        Assert.Equal(5, r.Forms.Count);
        Assert.Equal("党建服务工作经费", r.Forms[0].ProjectName);
    }

    [Fact]
    public void A_form_cut_off_mid_table_is_imported_as_far_as_it_goes_and_marked_incomplete()
    {
        var text = Encoding.UTF8.GetString(Seed004);
        // Cut the first form inside its indicator table (after the 质量指标 row).
        var cut = text[..text.IndexOf("→时效指标".Replace("→", "\t"), StringComparison.Ordinal)];

        var r = FormImporter.ImportText(cut, "cut.txt");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.False(form.Complete);
        Assert.Equal(3, form.Indicators.Count);
        Assert.Null(form.TotalScore);
        Assert.Contains(form.Warnings, w => w.Message.Contains("不完整") && w.Line == 19);
    }

    [Fact]
    public void A_file_cut_inside_a_multibyte_character_is_marked_incomplete()
    {
        var cut = Seed004[..(Seed004.Length - 1)]; // last byte of the final 优 row is a newline; cut more
        var bytes = Seed004.Take(Array.LastIndexOf(Seed004, (byte)0xE4) + 1).ToArray(); // ends on a lead byte

        var r = FormImporter.Import(bytes, "cut-mid-char.txt");

        Assert.Equal("UTF-8", r.Encoding);
        Assert.False(r.Forms[^1].Complete);
        Assert.True(r.Forms[0].Complete);
        Assert.NotEmpty(cut);
    }

    [Fact]
    public void A_number_that_does_not_parse_is_left_empty_with_the_row_still_named()
    {
        var text = Encoding.UTF8.GetString(Seed004).Replace("\t184.65\t10.00\t78.91", "\t18x.65\t10.00\t78.91");

        var r = FormImporter.ImportText(text, "bad-number.txt");

        var form = Assert.IsType<SelfEvaluation>(r.Forms[0]);
        Assert.Equal("党建服务工作经费", form.ProjectName);
        Assert.NotEqual(184.65m, form.Funds.Total!.Executed);
        Assert.Equal(5, r.Forms.Count);
    }

    [Fact]
    public void A_file_with_one_good_and_one_broken_form_imports_the_good_one_and_reports_the_other()
    {
        var text = Encoding.UTF8.GetString(Seed004);
        var second = text.IndexOf("# 财政项目支出绩效自评表", 10, StringComparison.Ordinal);
        var third = text.IndexOf("# 财政项目支出绩效自评表", second + 10, StringComparison.Ordinal);
        // Keep form 1 whole, and only the title and a few header lines of form 2.
        var broken = text[..second] + text[second..third][..120];

        var r = FormImporter.ImportText(broken, "one-good-one-broken.txt");

        Assert.Equal(2, r.Forms.Count);
        Assert.True(r.Forms[0].Complete);
        Assert.Equal(10, r.Forms[0].Indicators.Count);
        Assert.False(r.Forms[1].Complete);
        Assert.Contains(r.Forms[1].Warnings, w => w.Message.Contains("不完整"));
    }

    [Fact]
    public void A_missing_file_is_reported_not_thrown()
    {
        var r = FormImporter.ImportFile(Path.Combine(Path.GetTempPath(), "no-such-form-" + Guid.NewGuid() + ".txt"));

        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("不存在"));
    }
}

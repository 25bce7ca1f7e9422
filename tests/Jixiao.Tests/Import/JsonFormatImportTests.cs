using System.Text;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;

namespace Jixiao.Tests.Import;

public class JsonFormatImportTests
{
    [Fact]
    public void The_products_own_json_imports_back_to_the_same_forms()
    {
        var seeds = new[] { "seed-000", "seed-001", "seed-003", "seed-004" }.SelectMany(c => FormImporter.ImportFile(TestData.CaseInput(c)).Forms).ToList();
        var json = FormJson.Serialize(seeds);

        var back = FormImporter.Import(Encoding.UTF8.GetBytes(json), "export.json");

        Assert.Empty(back.Problems);
        Assert.Equal(13, back.Forms.Count);
        Assert.Equal(seeds.Select(f => FormJson.Content(f).ToJsonString()), back.Forms.Select(f => FormJson.Content(f).ToJsonString()));
        Assert.All(back.Forms, f => Assert.Equal("export.json", f.Source.File));
    }

    [Fact]
    public void A_json_form_with_a_bad_field_is_refused_naming_the_field()
    {
        var json = "[{\"formatVersion\":1,\"kind\":\"self-evaluation\",\"projectName\":\"x\",\"totalScore\":\"九十\"}]";

        var r = FormImporter.Import(Encoding.UTF8.GetBytes(json), "bad.json");

        Assert.Empty(r.Forms);
        var p = Assert.Single(r.Problems);
        Assert.Contains("totalScore", p.Message);
        Assert.True(p.IsError);
    }

    [Fact]
    public void Json_table_rows_are_still_read_as_a_table_not_as_the_format()
    {
        var r = FormImporter.ImportFile(TestData.CaseInput("corpus-014"));

        Assert.Equal("拆违经费", Assert.Single(r.Forms).ProjectName);
    }
}

using System.Text.Json.Nodes;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;

namespace Jixiao.Tests.Import;

public class RenderingIdentityTests
{
    private static string ModelWithoutPositions(string caseName)
    {
        var result = FormImporter.ImportFile(TestData.CaseInput(caseName));
        var json = JsonNode.Parse(FormJson.Serialize(result.Forms))!.AsArray();
        foreach (var form in json)
        {
            // Line numbers and the file differ between renderings by nature; everything else must not.
            form!.AsObject().Remove("source");
            form.AsObject().Remove("warnings");
            foreach (var i in form["indicators"]!.AsArray()) i!.AsObject().Remove("line");
        }
        return json.ToJsonString(FormJson.Options);
    }

    [Fact]
    public void Three_extractions_of_one_putuo_declaration_give_the_identical_model()
    {
        var cellPerLine = ModelWithoutPositions("corpus-012");
        var wrapped = ModelWithoutPositions("corpus-013");
        var tableRows = ModelWithoutPositions("corpus-014");

        Assert.Equal(cellPerLine, wrapped);
        Assert.Equal(cellPerLine, tableRows);
        Assert.Contains("拆违经费", cellPerLine);
    }
}

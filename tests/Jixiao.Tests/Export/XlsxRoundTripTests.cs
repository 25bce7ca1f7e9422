using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Export;

public class XlsxRoundTripTests
{
    [Theory]
    [MemberData(nameof(ExportSupport.SeedFormCases), MemberType = typeof(ExportSupport))]
    public void A_seed_form_exported_to_xlsx_imports_as_the_identical_model(string seedCase, int index)
    {
        var form = ExportSupport.Seed(seedCase, index);

        var bytes = XlsxWriter.Write(form);
        var back = FormImporter.Import(bytes, "form.xlsx");

        Assert.DoesNotContain(back.Problems, p => p.IsError);
        var read = Assert.Single(back.Forms);
        Assert.Equal(ExportSupport.Model(form), ExportSupport.Model(read));
    }

    [Fact]
    public void A_whole_seed_file_exported_as_one_workbook_imports_as_the_same_forms_in_order()
    {
        foreach (var seed in ExportSupport.SeedCases)
        {
            var forms = FormImporter.ImportFile(TestData.CaseInput(seed)).Forms;

            var back = FormImporter.Import(XlsxWriter.Write(forms), seed + ".xlsx");

            Assert.Equal(ExportSupport.Model(forms), ExportSupport.Model(back.Forms));
        }
    }
}

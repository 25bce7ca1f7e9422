using Jixiao.Formats.Import;

namespace Jixiao.Tests.Export;

[Collection(PrinterCollection.Name)]
public class PdfRoundTripTests(PrinterFixture fixture)
{
    [Theory]
    [MemberData(nameof(ExportSupport.SeedFormCases), MemberType = typeof(ExportSupport))]
    public async Task A_seed_form_printed_to_pdf_imports_as_the_identical_model(string seedCase, int index)
    {
        var form = ExportSupport.Seed(seedCase, index);

        var pdf = await fixture.Printer.PrintAsync(form);
        var back = FormImporter.Import(pdf, "form.pdf");

        Assert.DoesNotContain(back.Problems, p => p.IsError);
        var read = Assert.Single(back.Forms);
        Assert.Equal(ExportSupport.Model(form), ExportSupport.Model(read));
    }
}

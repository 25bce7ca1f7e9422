using System.Text;
using Jixiao.Formats.Import;
using Jixiao.Formats.Pdf;

namespace Jixiao.Tests.Export;

[Collection(PrinterCollection.Name)]
public class PdfBadInputTests(PrinterFixture fixture)
{
    [Fact]
    public async Task A_pdf_without_a_text_layer_is_refused_with_a_message_about_scans()
    {
        // What a scanner makes: a page with a picture and no text.
        var pdf = await fixture.Printer.PrintHtmlAsync("<!DOCTYPE html><html><body><div style=\"width:120mm;height:80mm;background:#444\"></div></body></html>");

        var r = FormImporter.Import(pdf, "扫描件.pdf");

        Assert.Empty(r.Forms);
        var p = Assert.Single(r.Problems);
        Assert.Contains("没有文字层", p.Message);
        Assert.StartsWith("扫描件.pdf", p.ToString());
    }

    [Fact]
    public async Task A_page_that_dies_while_printing_is_reported_as_the_products_own_exception()
    {
        // A printer of its own: the page closes itself, and the shared printer's pages must stay usable.
        await using var printer = await PdfPrinter.StartAsync(1);

        var ex = await Assert.ThrowsAsync<PdfExportException>(() => printer.PrintHtmlAsync("<!DOCTYPE html><html><body><script>window.close()</script></body></html>"));

        Assert.StartsWith("Chromium 打印 PDF 失败：", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
        Assert.NotNull(ex.InnerException); // the browser's own exception stays there for a log
    }

    [Fact]
    public void A_damaged_pdf_is_reported_without_a_stack_trace()
    {
        var r = FormImporter.Import(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage"), "坏的.pdf");

        Assert.Empty(r.Forms);
        var p = Assert.Single(r.Problems);
        Assert.True(p.IsError);
        Assert.DoesNotContain("Exception", p.Message);
    }

    [Fact]
    public async Task A_pdf_of_text_that_is_no_form_is_reported_as_such()
    {
        var pdf = await fixture.Printer.PrintHtmlAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:'WenQuanYi Micro Hei'\"><p>会议纪要：今天讨论了预算安排。</p></body></html>");

        var r = FormImporter.Import(pdf, "纪要.pdf");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("无法识别为绩效表"));
    }
}

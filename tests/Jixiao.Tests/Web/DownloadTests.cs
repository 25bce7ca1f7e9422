using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using System.Net;
using Jixiao.Formats.Import;
using Jixiao.Storage;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class DownloadTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_form_downloads_as_xlsx_html_and_pdf_that_read_back_as_the_same_form(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("党建服务工作经费");

        var xlsx = await admin.GetAsync($"/api/forms/{id}/export?format=xlsx");
        var html = await admin.GetAsync($"/api/forms/{id}/export?format=html");
        var pdf = await admin.GetAsync($"/api/forms/{id}/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains("党建服务工作经费", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        var fromXlsx = FormImporter.Import(await xlsx.Content.ReadAsByteArrayAsync(), "download.xlsx").Forms.Single();
        Assert.Equal("党建服务工作经费", fromXlsx.ProjectName);
        Assert.Equal(10, fromXlsx.Indicators.Count);
        Assert.Contains("财政项目支出绩效自评表", await html.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var fromPdf = FormImporter.Import(await pdf.Content.ReadAsByteArrayAsync(), "download.pdf").Forms.Single();
        Assert.Equal(97.89m, ((Jixiao.Core.Model.SelfEvaluation)fromPdf).TotalScore);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Downloads_follow_the_same_access_rules_and_name_a_bad_format(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("党建服务工作经费");
        var anyone = await app.ClientAsync();
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);

        var hidden = await anyone.GetAsync($"/api/forms/{id}/export?format=xlsx");
        var bad = await admin.GetAsync($"/api/forms/{id}/export?format=docx");
        await app.SetStatusAsync(id, FormStatus.Submitted);
        await app.SetStatusAsync(id, FormStatus.Approved);
        await app.SetStatusAsync(id, FormStatus.Published);
        var published = await anyone.GetAsync($"/api/forms/{id}/export?format=html");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("format", (string?)(await WebApp.JsonAsync(bad))["field"]);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    [Fact]
    public async Task When_the_shared_browser_dies_the_next_pdf_download_starts_another()
    {
        using var app = await WebApp.StartAsync(databases, "sqlite");
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("党建服务工作经费");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/forms/{id}/export?format=pdf")).StatusCode);
        var shared = app.Service<Jixiao.Web.Features.Forms.SharedPdfPrinter>();
        var first = await shared.GetAsync();

        await first.DisposeAsync();   // the browser is gone, as if it had crashed
        var again = await admin.GetAsync($"/api/forms/{id}/export?format=pdf");

        Assert.True(first.Broken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await again.Content.ReadAsByteArrayAsync())[..4]));
        Assert.NotSame(first, await shared.GetAsync());
    }
}

using Jixiao.Tests.Import;
using Jixiao.Tests.Storage;
using static Jixiao.Tests.Web.WorkflowTests;

namespace Jixiao.Tests.Web;

/// <summary>Word files uploaded through the web application's import, as a unit's staff would send them.</summary>
[Collection("databases")]
public class WordUploadTests(TestDatabases databases)
{
    [Fact]
    public async Task A_docx_and_a_doc_upload_import_and_a_seed_in_Word_is_the_form_stored_from_its_text()
    {
        using var app = await WebApp.StartAsync(databases, "sqlite");
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var handMade = WordFiles.SelfEvaluation2023();
        var seedDoc = await File.ReadAllBytesAsync(WordFiles.Fixture("seed-000.doc"));
        var seedDocx = await File.ReadAllBytesAsync(WordFiles.Fixture("seed-004.docx"));

        var preview = await WebApp.JsonAsync(await PostUpload(admin, "/api/imports", Upload(("青山县自评表.docx", handMade))));
        var saved = await WebApp.JsonAsync(await PostUpload(admin, "/api/imports?confirm=true",
            Upload(("青山县自评表.docx", handMade), ("宝山友谊路.doc", seedDoc), ("党建服务中心.docx", seedDocx))));

        var read = preview["files"]![0]!["forms"]![0]!;
        Assert.Empty(preview["files"]![0]!["problems"]!.AsArray());
        Assert.Equal("高标准农田建设补助", (string?)read["projectName"]);
        Assert.Equal(2023, (int?)read["year"]);
        Assert.Null(read["id"]);
        var files = saved["files"]!.AsArray();
        Assert.True((bool)files[0]!["forms"]![0]!["created"]!);
        // The seeds are the demo data, stored from their text: the same forms read from Word are found, not stored again.
        Assert.Equal(2, files[1]!["forms"]!.AsArray().Count);
        Assert.Equal(5, files[2]!["forms"]!.AsArray().Count);
        Assert.All(files.Skip(1).SelectMany(f => f!["forms"]!.AsArray()), f => Assert.False((bool)f!["created"]!));
        var stored = await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{(long)files[0]!["forms"]![0]!["id"]!}"));
        Assert.Equal("青山县农田建设服务中心", (string?)stored["implementingUnit"]);
    }
}

/// <summary>The import page with Word files, in a real browser.</summary>
[Collection("browser")]
public class WordUploadBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task The_import_page_names_the_Word_formats_and_previews_a_docx_and_a_doc()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var dir = Directory.CreateTempSubdirectory("jixiao-word-upload-");
        try
        {
            var docx = Path.Combine(dir.FullName, "青山县高标准农田自评表.docx");
            await File.WriteAllBytesAsync(docx, WordFiles.SelfEvaluation2023());
            var page = await browser.LoginAsync(baseAddress, "admin", WebApp.AdminPassword);
            await page.GotoAsync(baseAddress + "/imports");
            var hint = await page.TextContentAsync("main");

            await page.SetInputFilesAsync("input[type=file]", [docx, WordFiles.Fixture("seed-003.doc")]);
            await page.ClickAsync("#upload button[type=submit]");
            await page.WaitForSelectorAsync("#preview table", new() { Timeout = 120_000 });
            var preview = await page.TextContentAsync("#preview");
            await Browser.ShotAsync(page, "web-import-word");

            Assert.Contains("支持 txt、xlsx、xls、pdf、docx、doc", hint);
            Assert.Contains("高标准农田建设补助", preview);
            Assert.Contains("青山县农田建设服务中心", preview);
            Assert.Contains("党建经费", preview);                 // seed 003's three 申报表 from the .doc
            Assert.Contains("生活驿站运行经费", preview);
            Assert.Equal(0, await page.Locator("#preview td.error").CountAsync());  // no file-level problem: both were read
        }
        finally { dir.Delete(true); }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// 部门整体 forms in the web app (docs/department-whole.md §6): imported through the ordinary upload, stored as their
/// own kinds, listed and filtered, shown in the official layout with the review and the score working, downloaded as
/// xlsx and PDF that read back, edited through the API (the web editor refuses them), taken through the workflow.
/// </summary>
[Collection("databases")]
public class DepartmentWholeWebTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static string Corpus117 => TestData.CaseInput("corpus-117");

    static string SelfEvaluationJson => File.ReadAllText(Path.Combine(TestData.Root, "department-whole", "self-evaluation-sample.json"));

    /// <summary>Uploads the files with confirm or not; the answer's JSON.</summary>
    static async Task<JsonNode> ImportAsync(HttpClient c, bool confirm, params (string Name, byte[] Bytes)[] files) =>
        await WebApp.JsonAsync(await WorkflowTests.PostUpload(c, "/api/imports" + (confirm ? "?confirm=true" : ""), WorkflowTests.Upload(files)));

    static (string, byte[])[] BothFiles =>
        [("浮梁县林业局.md", File.ReadAllBytes(Corpus117)), ("自评.json", System.Text.Encoding.UTF8.GetBytes(SelfEvaluationJson))];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Imported_through_the_upload_they_are_listed_shown_and_downloaded_as_their_own_kinds(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);

        var preview = await ImportAsync(admin, false, BothFiles);
        Assert.Equal("department-declaration", (string?)preview["files"]![0]!["forms"]![0]!["kind"]);
        Assert.Equal("浮梁县林业局", (string?)preview["files"]![0]!["forms"]![0]!["implementingUnit"]);
        Assert.False((bool)preview["files"]![0]!["forms"]![0]!["complete"]!);
        var saved = await ImportAsync(admin, true, BothFiles);
        var declarationId = (long)saved["files"]![0]!["forms"]![0]!["id"]!;
        var evaluationId = (long)saved["files"]![1]!["forms"]![0]!["id"]!;

        // Listed by kind, under the unit's 部门整体支出, with the self-evaluation's score and grade beside it.
        var declarations = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?kind=department-declaration"))).AsArray();
        var line = Assert.Single(declarations)!;
        Assert.Equal((declarationId, "浮梁县林业局部门整体支出"), ((long)line["id"]!, (string?)line["projectName"]));
        var evaluations = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?kind=department-self-evaluation"))).AsArray();
        Assert.Equal((97.83m, "优"), ((decimal)evaluations.Single()!["totalScore"]!, (string?)evaluations.Single()!["grade"]));
        var list = await (await admin.GetAsync("/forms?kind=department-self-evaluation")).Content.ReadAsStringAsync();
        Assert.Contains("部门整体自评表", list);
        Assert.Contains("示例县农业技术推广中心部门整体支出", list);

        // The form page: the official layout, the review, the working of the score; no 项目全程 and no web editor.
        var page = await (await admin.GetAsync($"/forms/{evaluationId}")).Content.ReadAsStringAsync();
        Assert.Contains("<section class=\"jx-form jx-department-self-evaluation\">", page);
        Assert.Contains("预算执行情况（万元）", page);
        Assert.Contains("18期", page);
        Assert.Contains("审核发现", page);
        Assert.Contains("16/18 = 13.33", page); // 15 × 16/18, the × encoded
        Assert.DoesNotContain("项目全程", page);
        Assert.Contains("部门整体表暂不能在网页上逐格编辑", page);
        var edit = await admin.GetAsync($"/forms/{evaluationId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/forms/{evaluationId}", edit.Headers.Location!.OriginalString);
        var declarationPage = await (await admin.GetAsync($"/forms/{declarationId}")).Content.ReadAsStringAsync();
        Assert.Contains("部门整体支出绩效目标表", declarationPage);
        Assert.Contains("该指标值数据合理", declarationPage);
        Assert.Contains("form-incomplete", declarationPage); // cut off after line 34: it cannot be submitted as it stands

        // Downloads in the official layout read back as the same kind and figures.
        var xlsx = await admin.GetAsync($"/api/forms/{declarationId}/export?format=xlsx");
        Assert.Contains("部门整体支出绩效目标表", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        var fromXlsx = Assert.IsType<DepartmentDeclaration>(FormImporter.Import(await xlsx.Content.ReadAsByteArrayAsync(), "d.xlsx").Forms.Single());
        Assert.Equal(("浮梁县林业局", "316", 13), (fromXlsx.ImplementingUnit, fromXlsx.UnitCode, fromXlsx.Indicators.Count));
        var pdf = await admin.GetAsync($"/api/forms/{evaluationId}/export?format=pdf");
        var fromPdf = Assert.IsType<DepartmentSelfEvaluation>(FormImporter.Import(await pdf.Content.ReadAsByteArrayAsync(), "s.pdf").Forms.Single());
        Assert.Equal((97.83m, "优", 95.00m), (fromPdf.TotalScore, fromPdf.Grade, fromPdf.Funds.Total!.ExecutionRate));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_unit_edits_one_through_the_api_and_takes_it_through_the_workflow_to_the_public(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var saved = await ImportAsync(admin, true, BothFiles[1]);
        var id = (long)saved["files"]![0]!["forms"]![0]!["id"]!;
        var (u, up) = await app.UserAsync(Role.Unit, "示例县农业技术推广中心");
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "示例县农业农村局");
        var (f, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var unit = await app.ClientAsync(u, up);

        // The document as served goes back with one change; the store keeps the kind and its fields.
        var doc = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"))).AsObject();
        doc["contact"] = "李红";
        var put = await unit.PutAsJsonAsync($"/api/forms/{id}?version={(int)doc["version"]!}", doc);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var after = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"));
        Assert.Equal(("department-self-evaluation", "李红", 2), ((string?)after["kind"], (string?)after["contact"], (int)after["version"]!));
        // A project field is refused on it, naming the field.
        doc["projectNature"] = "其他经常性项目";
        var refused = await unit.PutAsJsonAsync($"/api/forms/{id}?version=2", doc);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("projectNature", await refused.Content.ReadAsStringAsync());

        await app.ThroughAsync(id, Jixiao.Core.Workflow.FormStatus.Published, unit, await app.ClientAsync(d, dp), await app.ClientAsync(f, fp));

        var anyone = await app.ClientAsync();
        var published = await anyone.GetAsync($"/public/forms/{id}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("部门整体支出绩效自评表", await published.Content.ReadAsStringAsync());
    }
}

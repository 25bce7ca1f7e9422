using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Access;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Tests.Support;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// 结果应用 over HTTP, on both databases: an approved self-evaluation (单位 98.12 优, the 主管部门's 复核分 78.50 中) is
/// a line of the 2024 register with the suggestion 一定比例核减 (national profile, by the 复核分); finance records a
/// decision (a departure without a reason is refused; units and 主管部门 cannot record); each person sees their own
/// scope; the xlsx export holds the line; the unit's 2025 declaration of the same project shows last year's result.
/// </summary>
[Collection("databases")]
public class ResultsApplicationWebTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    const string Project = "电教远教工作经费";          // 上海市党建服务中心, 中共上海市委组织部, 98.12
    const string OtherProject = "党群综合服务";         // 上海市松江区中山街道社区党群服务中心, 96.50

    static async Task<string> Error(HttpResponseMessage r) => (string?)(await WebApp.JsonAsync(r))["error"] ?? "";

    static JsonNode? Line(JsonNode register, string project) =>
        register["lines"]!.AsArray().FirstOrDefault(l => (string?)l!["projectName"] == project);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_register_lists_an_approved_self_evaluation_finance_decides_it_exports_and_next_years_declaration_shows_it(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync(Project);
        var otherId = await app.FormIdAsync(OtherProject);
        var (uu, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(uu, up);
        var (du, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var dept = await app.ClientAsync(du, dp);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (su, sp) = await app.UserAsync(Role.Unit, "上海市松江区中山街道社区党群服务中心");
        var stranger = await app.ClientAsync(su, sp);

        // The 主管部门 records a 复核分 while reviewing; then both stages approve. The other unit's form is approved too.
        await app.SetStatusAsync(id, FormStatus.Submitted);
        Assert.Equal(HttpStatusCode.OK, (await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "78.50", version = 2 })).StatusCode);
        await app.SetStatusAsync(id, FormStatus.DepartmentApproved);
        await app.SetStatusAsync(id, FormStatus.Approved);
        foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved }) await app.SetStatusAsync(otherId, s);
        // A draft self-evaluation is no line.
        var draftId = await app.FormIdAsync("信息化运维项目");
        // 整改: one overdue, one done, on the self-evaluation.
        var monitoring = app.Service<MonitoringStore>();
        var unitId = (await app.Service<FormStore>().GetAsync(id))!.UnitId;
        await monitoring.RaiseAsync(id, unitId, "补充佐证材料", new DateOnly(2000, 1, 31), "test");
        var done = await monitoring.RaiseAsync(id, unitId, "说明执行率", new DateOnly(2099, 12, 31), "test");
        await monitoring.RecordResultAsync(done.Id, "已说明", "test");

        // The register, as finance sees it: every unit's line, the suggestion by the 复核分's grade.
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync()).GetAsync("/api/results-application?year=2024")).StatusCode);
        var noYear = await finance.GetAsync("/api/results-application");
        Assert.Equal(HttpStatusCode.BadRequest, noYear.StatusCode);
        Assert.Equal("year", (string?)(await WebApp.JsonAsync(noYear))["field"]);
        var register = await WebApp.JsonAsync(await finance.GetAsync("/api/results-application?year=2024"));
        Assert.True((bool)register["mayDecide"]!);
        var line = Line(register, Project)!;
        Assert.NotNull(Line(register, OtherProject));
        Assert.Null(register["lines"]!.AsArray().FirstOrDefault(l => (long)l!["selfEvaluationId"]! == draftId));
        Assert.Equal(id, (long)line["selfEvaluationId"]!);
        Assert.Equal("上海市党建服务中心", (string?)line["implementingUnit"]);
        Assert.Equal("中共上海市委组织部", (string?)line["department"]);
        Assert.Equal(98.12m, (decimal)line["totalScore"]!);
        Assert.Equal("优", (string?)line["grade"]);
        Assert.Equal(78.50m, (decimal)line["reviewScore"]!);
        Assert.Equal("中", (string?)line["suggestionGrade"]);
        Assert.Equal("review-score", (string?)line["gradeBasis"]);
        Assert.Equal("一定比例核减", (string?)line["suggestedAction"]);
        Assert.Equal("S", (string?)line["suggestionFirmness"]);
        Assert.Null(line["decision"]);
        Assert.Equal((1, 1, 1), ((int)line["rectifications"]!["open"]!, (int)line["rectifications"]!["overdue"]!, (int)line["rectifications"]!["done"]!));
        Assert.Equal("适当优先保障", (string?)Line(register, OtherProject)!["suggestedAction"]);   // 96.50, no 复核分: 优

        // The page without a year opens the latest year with approved self-evaluations.
        Assert.Contains("<h1>2024 年度结果应用</h1>", await (await finance.GetAsync("/results")).Content.ReadAsStringAsync());

        // Finance decides: a departure needs a reason; a choice outside the profile's is refused; units and 主管部门 cannot.
        var bare = await finance.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "据实合理保障" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("reason", (string?)(await WebApp.JsonAsync(bare))["field"]);
        Assert.Contains("一定比例核减", await Error(bare));
        var other = await finance.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "其他", reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var unknown = await finance.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "翻倍", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("decision", (string?)(await WebApp.JsonAsync(unknown))["field"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "一定比例核减" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "一定比例核减" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "一定比例核减" })).StatusCode);

        var followed = await finance.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "一定比例核减" });
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.False((bool)(await WebApp.JsonAsync(followed))["decision"]!["departs"]!);
        var departed = await finance.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "据实合理保障", reason = "整改已完成，核减改为据实保障" });
        Assert.Equal(HttpStatusCode.OK, departed.StatusCode);
        var decided = Line(await WebApp.JsonAsync(await finance.GetAsync("/api/results-application?year=2024")), Project)!["decision"]!;
        Assert.Equal("据实合理保障", (string?)decided["decision"]);
        Assert.Equal("整改已完成，核减改为据实保障", (string?)decided["reason"]);
        Assert.Equal("一定比例核减", (string?)decided["suggested"]);
        Assert.True((bool)decided["departs"]!);
        Assert.Equal(fu, (string?)decided["decidedBy"]);

        // The self-evaluation's own page: the suggestion and the decision; finance has the box to change it, the unit not.
        var financePage = await (await finance.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("建议 2025 年度预算：<strong class=\"suggested\">一定比例核减</strong>", financePage);
        Assert.Contains("<strong class=\"decision\">据实合理保障</strong>（整改已完成，核减改为据实保障）", financePage);
        Assert.Contains($"action=\"/results/{id}/decision\"", financePage);
        var unitPage = await (await unit.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("<strong class=\"decision\">据实合理保障</strong>", unitPage);
        Assert.DoesNotContain($"action=\"/results/{id}/decision\"", unitPage);

        // Scope: the unit and its 主管部门 see their own line, read-only; another unit sees only its own.
        foreach (var c in new[] { unit, dept })
        {
            var theirs = await WebApp.JsonAsync(await c.GetAsync("/api/results-application?year=2024"));
            Assert.False((bool)theirs["mayDecide"]!);
            Assert.Equal("据实合理保障", (string?)Line(theirs, Project)!["decision"]!["decision"]);
            Assert.Null(Line(theirs, OtherProject));
        }
        var strangers = await WebApp.JsonAsync(await stranger.GetAsync("/api/results-application?year=2024"));
        Assert.Null(Line(strangers, Project));
        Assert.NotNull(Line(strangers, OtherProject));
        Assert.DoesNotContain(Project, await (await stranger.GetAsync("/results?year=2024")).Content.ReadAsStringAsync());

        // The export opens and holds the line (scores as numbers); format=xlsx on the register answers the same.
        var export = await finance.GetAsync("/api/results-application/export?year=2024");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var rows = XlsxRows(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal("项目名称", rows[0]["B"]);
        Assert.Equal("建议的结果应用", rows[0]["J"]);
        var row = rows.Single(r => r.GetValueOrDefault("B") == Project);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), row["A"]);
        Assert.Equal("98.12", row["E"]);
        Assert.Equal("优", row["F"]);
        Assert.Equal("78.50", row["G"]);
        Assert.Equal("复核分", row["H"]);
        Assert.Equal("中", row["I"]);
        Assert.Equal("一定比例核减", row["J"]);
        Assert.Equal("据实合理保障", row["K"]);
        Assert.Equal("整改已完成，核减改为据实保障", row["L"]);
        Assert.Equal(("1", "1", "1"), (row["O"], row["P"], row["Q"]));
        var asFormat = await unit.GetAsync("/api/results-application?year=2024&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, asFormat.StatusCode);
        Assert.DoesNotContain(XlsxRows(await asFormat.Content.ReadAsByteArrayAsync()), r => r.GetValueOrDefault("B") == OtherProject);

        // Next year: the unit declares the same project for 2025; its page shows last year's result.
        var template = SeedForms.S003PartyBuildingFunds();
        var next = FormJsonReader.Parse(FormJson.ToJson(template).ToJsonString());
        next.ProjectName = Project;
        next.Year = 2025;
        (next.Department, next.ImplementingUnit) = ("中共上海市委组织部", "上海市党建服务中心");
        var nextUnit = await app.Service<OrganisationStore>().EnsureUnitAsync(next.Department, next.ImplementingUnit);
        var (nextId, _) = await app.Service<FormStore>().ImportAsync(next, nextUnit, "test");
        var page = await (await unit.GetAsync($"/forms/{nextId}")).Content.ReadAsStringAsync();
        Assert.Contains("上年绩效结果应用", page);
        Assert.Contains($"第 {id} 号自评表", page);
        Assert.Contains("等级 <strong>优</strong>，复核分 78.50", page);
        Assert.Contains("一定比例核减", page);
        Assert.Contains("依据复核分等级 中", page);
        Assert.Contains("据实合理保障", page);
        // A declaration of another project (or of this one's own year) has no such line.
        Assert.DoesNotContain("上年绩效结果应用", await (await unit.GetAsync($"/forms/{await app.FormIdAsync("党建经费")}")).Content.ReadAsStringAsync());
    }

    /// <summary>Each row of the first sheet as column letter → text (shared, inline or number).</summary>
    internal static List<Dictionary<string, string>> XlsxRows(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First();
        var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
        return ws.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
            c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                : c.DataType?.Value == CellValues.InlineString ? c.InnerText
                : c.CellValue?.Text ?? "")).ToList();
    }
}

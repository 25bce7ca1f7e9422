using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Import;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// A project's life on one page and the 汇总表 as a page. The seed declaration 生活驿站运行经费 (西渡街道, 296,000.00 元) is
/// approved, the unit adjusts it to 320,000.00 元, the 调整 goes through both stages, and the unit makes the
/// self-evaluation from it; then it starts a second 调整 (a draft).
/// </summary>
[Collection("databases")]
public class ProjectPageTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    const string Unit = "上海市奉贤区西渡街道社区党群服务中心", Department = "上海市奉贤区人民政府西渡街道办事处";

    sealed record Project(WebApp App, HttpClient Unit, HttpClient Department, HttpClient Finance, long Original, long Adjusted, long Evaluation, long Pending, long UnitId);

    static async Task<Project> AdjustedAndEvaluatedAsync(WebApp app)
    {
        var (u, up) = await app.UserAsync(Role.Unit, Unit);
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, Department);
        var (f, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var (unit, department, finance) = (await app.ClientAsync(u, up), await app.ClientAsync(d, dp), await app.ClientAsync(f, fp));
        var original = await app.FormIdAsync("生活驿站运行经费");
        await app.SetStatusAsync(original, FormStatus.Submitted);
        await app.SetStatusAsync(original, FormStatus.Approved);

        var adjust = await unit.PostAsJsonAsync($"/api/forms/{original}/adjust", new { });
        Assert.Equal(HttpStatusCode.Created, adjust.StatusCode);
        var adjusted = (long)(await WebApp.JsonAsync(adjust))["id"]!;
        // The unit changes the annual funds in the 调整, as it would in the editor.
        var json = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{adjusted}"))).AsObject();
        json["funds"]!["annualTotal"] = "320000.00";
        json["funds"]!["currentYearAppropriation"] = "320000.00";
        var put = await unit.PutAsync($"/api/forms/{adjusted}?version={(int)json["version"]!}", new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        await app.ThroughAsync(adjusted, FormStatus.Approved, unit, department, finance);
        var made = await unit.PostAsJsonAsync($"/api/forms/{adjusted}/self-evaluation", new { });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var evaluation = (long)(await WebApp.JsonAsync(made))["id"]!;
        var again = await unit.PostAsJsonAsync($"/api/forms/{adjusted}/adjust", new { });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var pending = (long)(await WebApp.JsonAsync(again))["id"]!;
        var unitId = (await app.Service<OrganisationStore>().AllAsync()).Single(o => o.Name == Unit).Id;
        return new Project(app, unit, department, finance, original, adjusted, evaluation, pending, unitId);
    }

    static string[] Steps(JsonNode p, string list) =>
        p[list]!.AsArray().Select(s => $"{(long)s!["id"]!}:{(string?)s["status"]}:{(string?)s["standing"]}:{(int?)s["revision"]}").ToArray();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_project_page_shows_the_declaration_its_adjustments_and_the_self_evaluation_as_far_as_the_person_may_see(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var p = await AdjustedAndEvaluatedAsync(app);

        var fromEvaluation = await WebApp.JsonAsync(await p.Unit.GetAsync($"/api/projects/{p.Evaluation}"));
        var fromOriginal = await WebApp.JsonAsync(await p.Unit.GetAsync($"/api/projects/{p.Original}"));
        var asDepartment = await WebApp.JsonAsync(await p.Department.GetAsync($"/api/projects/{p.Original}"));
        var hiddenFromDepartment = await p.Department.GetAsync($"/api/projects/{p.Evaluation}");
        var (o, op) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var otherUnit = await (await app.ClientAsync(o, op)).GetAsync($"/api/projects/{p.Original}");

        // The unit: the original (superseded once its 调整 was approved), the 调整 (current), the second 调整 (a draft,
        // pending), and its self-evaluation, bound to the 调整.
        string[] chain = [$"{p.Original}:approved:superseded:0", $"{p.Adjusted}:approved:current:1", $"{p.Pending}:draft:pending:2"];
        Assert.Equal(chain, Steps(fromEvaluation, "declarations"));
        Assert.Equal([$"{p.Evaluation}:draft::"], Steps(fromEvaluation, "selfEvaluations"));
        Assert.Equal(p.Adjusted, (long)fromEvaluation["selfEvaluations"]![0]!["declarationId"]!);
        Assert.Equal(chain, Steps(fromOriginal, "declarations"));
        Assert.Equal(320_000.00m, (decimal)fromOriginal["declarations"]![1]!["budgetYuan"]!);
        Assert.Equal(296_000.00m, (decimal)fromOriginal["declarations"]![0]!["budgetYuan"]!);
        Assert.Equal($"/summaries?unit={p.UnitId}&year=2024", (string?)fromOriginal["summary"]);
        // The 主管部门 does not see drafts: neither the second 调整 nor the self-evaluation.
        Assert.Equal(chain[..2], Steps(asDepartment, "declarations"));
        Assert.Empty(asDepartment["selfEvaluations"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, hiddenFromDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);

        var page = await (await p.Unit.GetAsync($"/projects/{p.Original}")).Content.ReadAsStringAsync();
        Assert.Contains("已被调整取代", page);
        Assert.Contains("第 1 次调整", page);
        Assert.Contains("调整中", page);
        Assert.Contains($"href=\"/forms/{p.Evaluation}\"", page);
        Assert.Contains($"依据第 1 次调整（第 {p.Adjusted} 号）", page);
        Assert.Contains("32.00", page);                                                // 320,000.00 元 in 万元
        var form = await (await p.Unit.GetAsync($"/forms/{p.Evaluation}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/projects/{p.Evaluation}\"", form);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_summary_page_and_download_leave_a_superseded_revision_and_a_pending_adjustment_out(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var p = await AdjustedAndEvaluatedAsync(app);

        var page = await (await p.Unit.GetAsync($"/summaries?unit={p.UnitId}&year=2024")).Content.ReadAsStringAsync();
        var xlsx = await p.Unit.GetAsync($"/api/summaries?unit={p.UnitId}&year=2024&format=xlsx");
        var forDepartment = await p.Department.GetAsync($"/api/summaries?unit={p.UnitId}&year=2024&format=xlsx");
        var list = await (await p.Unit.GetAsync($"/forms?unit={p.UnitId}&year=2024")).Content.ReadAsStringAsync();

        // The unit's three projects (two demo drafts and the adjusted one), each once: the 调整 stands, not the original
        // (superseded) nor the second 调整 (not yet approved).
        Assert.Contains($"href=\"/forms/{p.Adjusted}\"", page);
        Assert.DoesNotContain($"href=\"/forms/{p.Original}\"", page);
        Assert.DoesNotContain($"href=\"/forms/{p.Pending}\"", page);
        Assert.Contains("合计 3 个项目", page);
        Assert.Contains("32.00", page);
        Assert.Contains($"/api/summaries?unit={p.UnitId}&amp;year=2024&amp;format=pdf", page);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var back = FormImporter.Import(await xlsx.Content.ReadAsByteArrayAsync(), "summary.xlsx").Forms.Cast<TargetDeclaration>().ToList();
        Assert.Equal(new[] { "专户项目经费", "党建经费", "生活驿站运行经费" }, back.Select(f => f.ProjectName!).Order(StringComparer.Ordinal));
        Assert.Equal(320_000.00m, back.Single(f => f.ProjectName == "生活驿站运行经费").Funds.AnnualTotal);
        // The 主管部门 sees no drafts: the adjusted project alone.
        var reviewed = FormImporter.Import(await forDepartment.Content.ReadAsByteArrayAsync(), "summary.xlsx").Forms.Cast<TargetDeclaration>().ToList();
        Assert.Equal(320_000.00m, reviewed.Single().Funds.AnnualTotal);
        // The unit's list links to its 汇总表.
        Assert.Contains($"href=\"/summaries?unit={p.UnitId}&amp;year=2024\"", list);
    }
}

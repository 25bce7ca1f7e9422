using System.Net;
using System.Net.Http.Json;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>抽查 over HTTP on both databases: finance draws a reproducible sample, records 复核分, and sees the gap per unit.</summary>
[Collection("databases")]
public class SpotCheckTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Finance_draws_a_sample_that_the_same_seed_draws_again_records_review_scores_and_sees_the_gap(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var store = app.Service<FormStore>();
        var evaluations = (await store.ListAsync(new FormFilter(Limit: 1000))).Where(f => f.Kind == "self-evaluation" && f.Year == 2024).ToList();
        Assert.True(evaluations.Count >= 6, $"the seeds hold {evaluations.Count} self-evaluations of 2024");
        foreach (var f in evaluations)
        {
            await app.SetStatusAsync(f.Id, FormStatus.Submitted);
            await app.SetStatusAsync(f.Id, FormStatus.Approved);
        }
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (uu, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(uu, up);
        var (du, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var dept = await app.ClientAsync(du, dp);

        var request = new { year = 2024, size = 4, seed = 7L, randomShare = 0.5m };
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/spot-checks", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PostAsJsonAsync("/api/spot-checks", request)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync("/api/spot-checks", request with { size = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync("/api/spot-checks", request with { randomShare = 2m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync("/api/spot-checks", request with { year = 1999 })).StatusCode);

        var first = await finance.PostAsJsonAsync("/api/spot-checks", request);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var draw = await WebApp.JsonAsync(first);
        var again = await WebApp.JsonAsync(await finance.PostAsJsonAsync("/api/spot-checks", request));
        var forms = draw["forms"]!.AsArray();
        Assert.Equal(4, forms.Count);
        Assert.Equal(7L, (long)draw["seed"]!);
        // Reproducible: the same forms in the same order, with the same reasons.
        Assert.Equal(forms.Select(f => ((long)f!["formId"]!, (string)f["reason"]!)), again["forms"]!.AsArray().Select(f => ((long)f!["formId"]!, (string)f["reason"]!)));
        Assert.Equal(2, forms.Count(f => (string?)f!["reason"] == "risk"));
        // The risky half holds the least credible of all the candidates.
        var credibilities = new List<decimal>();
        foreach (var f in evaluations)
            credibilities.Add((decimal)(await WebApp.JsonAsync(await finance.GetAsync($"/api/forms/{f.Id}/credibility")))["score"]!);
        var lowest = credibilities.Order().Take(2).ToList();
        Assert.Equal(lowest, forms.Where(f => (string?)f!["reason"] == "risk").Select(f => (decimal)f!["credibility"]!).Order().ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/forms/{evaluations[0].Id}/credibility")).StatusCode);

        // 复核分 on the first drawn form; the gap shows per form and per unit.
        var drawnId = (long)forms[0]!["formId"]!;
        var current = await WebApp.JsonAsync(await finance.GetAsync($"/api/forms/{drawnId}"));
        var self = (decimal)current["totalScore"]!;
        var recorded = await finance.PostAsJsonAsync($"/api/forms/{drawnId}/review-score", new { score = self - 6.5m, version = (int)current["version"]! });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        var read = await WebApp.JsonAsync(await finance.GetAsync($"/api/spot-checks/{(long)draw["id"]!}"));
        var line = read["forms"]!.AsArray().Single(f => (long)f!["formId"]! == drawnId)!;
        Assert.Equal(self - 6.5m, (decimal)line["reviewScore"]!);
        Assert.Equal(6.50m, (decimal)line["gap"]!);
        var unitGap = read["units"]!.AsArray().Single(u => (string?)u!["unit"] == (string?)line["implementingUnit"])!;
        Assert.Equal(1, (int)unitGap["rechecked"]!);
        Assert.Equal(6.50m, (decimal)unitGap["gap"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.GetAsync($"/api/spot-checks/{(long)draw["id"]!}")).StatusCode);
    }
}

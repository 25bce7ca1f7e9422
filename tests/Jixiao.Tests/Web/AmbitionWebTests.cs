using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// The ambition checks in the web app, on both databases: a unit's 2023 self-evaluation (5次) and its 2024 declaration
/// (≥3次) stored; the form page, the editor's live check and the gate of a submission all report the lowered target
/// with both figures.
/// </summary>
[Collection("databases")]
public class AmbitionWebTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    const string Unit = "上海市奉贤区西渡街道社区党群服务中心";
    const string Department = "上海市奉贤区人民政府西渡街道办事处";
    const string Expected = "目标 ≥3.00次 低于 2023 年实际完成的 5次";

    static PerformanceForm Read(string file)
    {
        var form = FormJsonReader.Parse(File.ReadAllText(Path.Combine(TestData.Root, "ambition", file)));
        form.ImplementingUnit = Unit;
        form.Department = Department;
        return form;
    }

    /// <summary>The app with the 2024 declaration stored under the unit (and its 2023 self-evaluation when asked), and the unit's client.</summary>
    async Task<(WebApp App, FormStore Store, long Id, PerformanceForm Declaration, HttpClient Unit)> StartAsync(string kind, bool withHistory)
    {
        var app = await WebApp.StartAsync(databases, kind);
        var store = app.Service<FormStore>();
        var unitId = (await app.Service<OrganisationStore>().AllAsync()).Single(o => o.Name == Unit && o.Kind == "unit").Id;
        if (withHistory) await store.ImportAsync(Read("2023-self-evaluation.json"), unitId, "test");
        var declaration = Read("2024-declaration.json");
        var (id, created) = await store.ImportAsync(declaration, unitId, "test");
        Assert.True(created);
        var (uu, up) = await app.UserAsync(Role.Unit, Unit);
        return (app, store, id, declaration, await app.ClientAsync(uu, up));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_page_the_live_check_and_the_submission_gate_report_the_lowered_target(string kind)
    {
        var (app, _, id, declaration, unit) = await StartAsync(kind, withHistory: true);
        using var started = app;

        // The form page lists it among the findings.
        var page = WebUtility.HtmlDecode(await unit.GetStringAsync($"/forms/{id}"));
        Assert.Contains(Expected, page);

        // The editor's live check, of the stored form and of a form not yet saved (the person's unit is its history).
        var document = FormJson.ToJson(declaration).ToJsonString();
        foreach (var url in new[] { $"/api/check?form={id}", "/api/check" })
        {
            var check = await unit.PostAsync(url, new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            var findings = (await WebApp.JsonAsync(check))["findings"]!.AsArray();
            var f = Assert.Single(findings, f => (string?)f!["code"] == "target-below-last-actual")!;
            Assert.Contains(Expected, (string?)f["message"]);
        }

        // Submission: a warning to acknowledge, listed with the refusal; acknowledged, the form goes.
        var refused = await WebApp.TransitionAsync(unit, id, "submit");
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var listed = (await WebApp.JsonAsync(refused))["findings"]!.AsArray();
        Assert.Contains(listed, f => (string?)f!["code"] == "target-below-last-actual" && ((string?)f["message"])!.Contains(Expected));
        var submitted = await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: "本年活动经费减少，目标相应下调。");
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_peers_are_the_years_declarations_of_other_units_and_a_new_one_counts_at_once(string kind)
    {
        var (app, store, id, declaration, unit) = await StartAsync(kind, withHistory: false);
        using var started = app;

        async Task<JsonNode?> PeerFinding()
        {
            var check = await unit.PostAsync($"/api/check?form={id}", new StringContent(FormJson.ToJson(declaration).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            return (await WebApp.JsonAsync(check))["findings"]!.AsArray().SingleOrDefault(f => (string?)f!["code"] == "target-far-below-peers");
        }

        // Other units declare 10, 10, 12, 8 and then 9 (次) for the same indicator in 2024: sorted 8, 9, 10, 10, 12, median 10.
        var targets = new[] { 10m, 10m, 12m, 8m, 9m };
        for (var i = 0; i < targets.Length; i++)
        {
            Assert.Null(await PeerFinding()); // fewer than the profile's 5 peers so far
            var peer = Read("2024-declaration.json");
            peer.ImplementingUnit = $"同类单位{i + 1}";
            peer.Indicators[0].Target = new TargetValue($"≥{targets[i]}(次)", Comparator.GreaterOrEqual, targets[i], "次");
            await store.ImportAsync(peer, null, "test");
        }
        // ≥3 against a median of 10: (10 − 3) / 10 = 70% below, more than 50%.
        var f = await PeerFinding();
        Assert.NotNull(f);
        Assert.Equal("info", (string?)f!["severity"]);
        Assert.Contains("目标 ≥3.00次 比同年 5 家其他单位同一指标目标的中位数 10次 低 70.00%", (string?)f["message"]);
        Assert.Contains("中位数 10次", WebUtility.HtmlDecode(await unit.GetStringAsync($"/forms/{id}")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_editor_shows_beside_each_row_last_years_figures_and_the_peers_median(string kind)
    {
        var (app, store, id, declaration, unit) = await StartAsync(kind, withHistory: true);
        using var started = app;
        foreach (var (name, value) in new[] { ("同类单位甲", 10m), ("同类单位乙", 12m) })
        {
            var peer = Read("2024-declaration.json");
            peer.ImplementingUnit = name;
            peer.Indicators[0].Target = new TargetValue($"≥{value}(次)", Comparator.GreaterOrEqual, value, "次");
            await store.ImportAsync(peer, null, "test");
        }

        var check = await unit.PostAsync($"/api/check?form={id}", new StringContent(FormJson.ToJson(declaration).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var context = Assert.Single((await WebApp.JsonAsync(check))["context"]!.AsArray())!;

        // 2023: the same project's self-evaluation, ≥4(次) and 5(次) as printed; this year two other units, 10 and 12: median 11.
        Assert.Equal(1, (int)context["row"]!);
        Assert.Equal(2023, (int)context["lastYear"]!);
        // The snapshot keeps figures, not printed cells: the values come back as comparator, number and unit.
        Assert.Equal("≥4次", (string?)context["lastTarget"]);
        Assert.Equal("5次", (string?)context["lastActual"]);
        Assert.Equal(11.00m, (decimal)context["peersMedian"]!);
        Assert.Equal("次", (string?)context["peersUnit"]);
        Assert.Equal(2, (int)context["peers"]!);
    }
}

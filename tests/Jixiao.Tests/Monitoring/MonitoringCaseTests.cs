using System.Text.Json.Nodes;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Monitoring;

/// <summary>
/// Every folder under tests/data/monitoring is a case: `input.json` (a 监控表 in the JSON format) and
/// `expected.json`, the lights, workings and findings worked out by hand from the input (see its notes).
/// </summary>
public class MonitoringCaseTests
{
    static string Dir => Path.Combine(TestData.Root, "monitoring");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.EnumerateDirectories(Dir).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(d));
        return data;
    }

    static (MonitoringForm Form, JsonObject Expected) Load(string name)
    {
        var form = (MonitoringForm)FormJsonReader.Parse(File.ReadAllText(Path.Combine(Dir, name, "input.json")));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, name, "expected.json")))!.AsObject();
        return (form, expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_row_gets_the_hand_worked_light_and_working(string name)
    {
        var (form, expected) = Load(name);
        var sheet = MonitoringAssessor.Assess(form, TestProfiles.National);

        Assert.Equal((string)expected["period"]!, sheet.Period.Label);
        Assert.Equal((decimal)expected["timeProgress"]!, sheet.TimeProgress);
        Assert.Equal((string?)expected["fundsLight"], sheet.FundsLight?.ToCode());
        Assert.Equal((string?)expected["targetsLight"], sheet.TargetsLight?.ToCode());
        Assert.Equal((string?)expected["light"], sheet.Overall?.ToCode());

        var funds = expected["funds"]!.AsArray();
        Assert.Equal(funds.Count, sheet.Funds.Count);
        for (var i = 0; i < funds.Count; i++)
        {
            var e = funds[i]!;
            var f = sheet.Funds[i];
            Assert.Equal((string)e["name"]!, f.Label);
            Assert.Equal((decimal?)e["executionRate"], f.ExecutionRate);
            Assert.True((string?)e["light"] == f.Light.Light?.ToCode(), $"{f.Label}: expected {(string?)e["light"]}, got {f.Light.Light} ({f.Light.Working})");
            if (e["working"] is { } w) Assert.Equal((string)w!, f.Light.Working);
        }

        var rows = expected["indicators"]!.AsArray();
        Assert.Equal(rows.Count, sheet.Indicators.Count);
        foreach (var e in rows)
        {
            var r = sheet.Indicators[(int)e!["row"]! - 1];
            Assert.True((string?)e["light"] == r.Light.Light?.ToCode(), $"row {r.Row} {r.Name}: expected {(string?)e["light"]}, got {r.Light.Light} ({r.Light.Working})");
            if (e["working"] is { } w) Assert.Equal((string)w!, r.Light.Working);
            if (e["rules"] is JsonArray rules) Assert.Equal(rules.Select(x => (string)x!).Order(), r.Light.Rules.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_review_raises_exactly_the_hand_listed_monitoring_findings(string name)
    {
        var (form, expected) = Load(name);
        var findings = Reviewer.Review(form, TestProfiles.National).Where(f => f.Code.StartsWith("monitoring-") || f.Code == "execution-rate-mismatch").ToList();
        var wanted = expected["findings"]!.AsArray();

        Assert.True(wanted.Count == findings.Count, "findings: " + string.Join(" | ", findings.Select(f => $"{f.Code} {f.Row} {f.Message}")));
        foreach (var w in wanted)
        {
            var code = (string)w!["code"]!;
            var match = findings.Where(f => f.Code == code
                && (w["row"] is null || f.Row == (int)w["row"]!)
                && (w["about"] is null || f.Message.Contains((string)w["about"]!))
                && (w["mentions"] is null || f.Message.Contains((string)w["mentions"]!))).ToList();
            Assert.True(match.Count == 1, $"{w.ToJsonString()} matched {match.Count}: " + string.Join(" | ", findings.Select(f => $"{f.Code} {f.Row} {f.Message}")));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_form_reads_back_from_its_own_json_unchanged(string name)
    {
        var (form, _) = Load(name);
        var once = FormJson.Serialize([form]);
        var again = FormJson.Serialize(FormJsonReader.ParseArray(once));

        Assert.Equal(once, again);
        var doc = JsonNode.Parse(once)!.AsArray()[0]!;
        Assert.Equal("monitoring", (string)doc["kind"]!);
        Assert.Null(doc["totalScore"]);      // the self-evaluation's fields are not written for a monitoring form
        Assert.Null(doc["indicators"]![0]!["weight"]);
        Assert.NotNull(doc["indicators"]![0]!["likelihood"]);
    }
}

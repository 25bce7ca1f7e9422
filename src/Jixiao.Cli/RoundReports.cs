using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Formats.Reports;
using Jixiao.Storage;

namespace Jixiao.Cli;

/// <summary>`check --db … --report`: the database's 运行监控 rounds for the report, each tallied and with its red list and what is overdue.</summary>
internal static class RoundReports
{
    public static async Task<IReadOnlyList<MonitoringRoundReport>> LoadAsync(string connection, ProfileChoice choice, CancellationToken ct)
    {
        var db = Database.Open(connection);
        var clock = TimeProvider.System;
        // Deadlines close at the end of the day in China (UTC+8), as in the web application.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var monitoring = new MonitoringStore(db, clock);
        var forms = new FormStore(db, clock);
        try
        {
            var rectifications = await monitoring.RectificationsAsync(ct: ct);
            var reports = new List<MonitoringRoundReport>();
            foreach (var round in await monitoring.RoundsAsync(ct))
            {
                var lines = await monitoring.RoundFormsAsync(round.Id, ct: ct);
                var closed = round.Deadline < today;
                var items = lines.Select(l => new RoundItem(l.Id, l.Department, l.ImplementingUnit, l.Status, Lights.FromCode(l.Light),
                    closed && l.Status is "draft" or "returned")).ToList();
                var red = new List<RedProject>();
                foreach (var l in lines.Where(l => l.Light == "red" && l.Status != "draft"))
                    if (await forms.GetAsync(l.Id, ct) is { Form: MonitoringForm m })
                        red.Add(new RedProject(l.ProjectName, l.Department, l.ImplementingUnit, RedReasons.Of(m, choice.For(m))));
                var ids = lines.Select(l => l.Id).ToHashSet();
                var deadline = round.Deadline.ToString("yyyy-MM-dd");
                reports.Add(new MonitoringRoundReport(round.Title, round.Period.Label, deadline, closed,
                    LightTally.Of("合计", items), LightTally.By(items, i => i.Department, "（未填主管部门）"), LightTally.By(items, i => i.Unit, "（未填实施单位）"),
                    red,
                    lines.Where(l => items.Single(i => i.Id == l.Id).Overdue)
                        .Select(l => new OverdueItem(l.ProjectName, l.Department, l.ImplementingUnit, "监控表未报送", deadline)).ToList(),
                    rectifications.Where(r => ids.Contains(r.FormId) && r.OverdueOn(today))
                        .Select(r => new OverdueItem(r.ProjectName, r.Department, r.ImplementingUnit, r.Requirement, r.Deadline[..10])).ToList()));
            }
            return reports;
        }
        catch (System.Data.Common.DbException ex)
        {
            Console.Error.WriteLine($"提示：未能读取运行监控（{ex.Message}）；报告中不含运行监控部分。请先用 jixiao db migrate --db … 升级数据库。");
            return [];
        }
    }
}

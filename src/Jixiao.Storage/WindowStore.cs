using Dapper;
using Jixiao.Core.Workflow;

namespace Jixiao.Storage;

/// <summary>The windows finance opens for a year's stages (申报, 监控, 自评), one per year and stage.</summary>
public sealed class WindowStore(Database db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Window>> AllAsync(CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var rows = await c.QueryAsync<(long Year, string Stage, string OpensOn, string ClosesOn)>(
            "SELECT year, stage, CAST(opens_on AS TEXT), CAST(closes_on AS TEXT) FROM windows ORDER BY year DESC, stage");
        return rows.Select(r => new Window((int)r.Year, Stages.FromCode(r.Stage) ?? Stage.Declaration, Database.Day(r.OpensOn), Database.Day(r.ClosesOn))).ToList();
    }


    /// <summary>Opens a window or moves its dates; the only write, so one statement for both.</summary>
    public async Task SetAsync(Window w, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await c.ExecuteAsync("""
            INSERT INTO windows (year, stage, opens_on, closes_on, opened_by, opened_at) VALUES (@Year, @Stage, @OpensOn, @ClosesOn, @actor, @now)
            ON CONFLICT (year, stage) DO UPDATE SET opens_on = excluded.opens_on, closes_on = excluded.closes_on,
                opened_by = excluded.opened_by, opened_at = excluded.opened_at
            """, new { w.Year, Stage = w.Stage.ToCode(), OpensOn = db.Date(w.OpensOn), ClosesOn = db.Date(w.ClosesOn), actor, now = db.Time(clock.GetUtcNow()) });
    }

    public async Task<bool> RemoveAsync(int year, Stage stage, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var removed = await c.ExecuteAsync("DELETE FROM windows WHERE year = @year AND stage = @stage", new { year, stage = stage.ToCode() }) > 0;
        return removed;
    }
}

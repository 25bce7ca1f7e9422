using System.Globalization;
using Dapper;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Workflow;

namespace Jixiao.Storage;

/// <summary>A monitoring round (监控任务): finance's call for the year's monitoring forms to a period end, by a deadline.</summary>
public sealed record MonitoringRound(long Id, int Year, int EndMonth, DateOnly PeriodEnd, string? Name, DateOnly Deadline, bool Focused,
    string OpenedBy, DateTimeOffset OpenedAt)
{
    public MonitoringPeriod Period => new(EndMonth, Name);

    public string Title => $"{Year}年{(Name is null ? "" : Name + "（")}{Period.Label}{(Name is null ? "" : "）")}运行监控{(Focused ? "（重点监控）" : "")}";
}

/// <summary>A line of a round: one monitoring form, its project, unit, status and light, without the document.</summary>
public sealed record RoundLine
{
    public long Id { get; init; }
    public long? DeclarationId { get; init; }
    public long? UnitId { get; init; }
    public string? ProjectName { get; init; }
    public string? Department { get; init; }
    public string? ImplementingUnit { get; init; }
    public string Status { get; init; } = "";
    public string? Light { get; init; }
    public int? ErrorCount { get; init; }
    public string? ExecutionRate { get; init; }
    public string? Budget { get; init; }
    public string? Executed { get; init; }
}

/// <summary>An 整改 item: what a reviewer required of a unit after reviewing one form, by when, and what the unit did.</summary>
public sealed record Rectification
{
    public long Id { get; init; }
    public long FormId { get; init; }
    public long? UnitId { get; init; }
    public string Requirement { get; init; } = "";
    public string Deadline { get; init; } = "";
    public string RaisedBy { get; init; } = "";
    public string RaisedAt { get; init; } = "";
    public string? Result { get; init; }
    public string? DoneBy { get; init; }
    public string? DoneAt { get; init; }

    // The form it was raised on, for the register's lines.
    public string? Kind { get; init; }
    public string? ProjectName { get; init; }
    public string? Department { get; init; }
    public string? ImplementingUnit { get; init; }

    public DateOnly DeadlineDay => Database.Day(Deadline);

    public bool Done => Result is not null;

    public bool OverdueOn(DateOnly today) => !Done && DeadlineDay < today;
}

/// <summary>暂缓拨款: finance holds a project's funds; in force until released.</summary>
public sealed record FundingHold
{
    public long Id { get; init; }
    public long DeclarationId { get; init; }
    public string Reason { get; init; } = "";
    public string HeldBy { get; init; } = "";
    public string HeldAt { get; init; } = "";
    public string? ReleasedBy { get; init; }
    public string? ReleasedAt { get; init; }
    public string? ReleaseReason { get; init; }
    public bool InForce => ReleasedAt is null;
}

/// <summary>
/// 运行监控 in the database: rounds and their forms, the 整改 register and 暂缓拨款. A round and all its forms are
/// written in one transaction. The monitoring forms themselves are rows of `forms` (kind monitoring): the workflow,
/// history and lists treat them as any form.
/// </summary>
public sealed class MonitoringStore(Database db, TimeProvider clock, Func<PerformanceForm, FormFigures>? figures = null)
{
    private sealed class RoundRow
    {
        public long Id { get; init; }
        public long Year { get; init; }
        public long EndMonth { get; init; }
        public string PeriodEnd { get; init; } = "";
        public string? Name { get; init; }
        public string Deadline { get; init; } = "";
        public bool Focused { get; init; }
        public string OpenedBy { get; init; } = "";
        public string OpenedAt { get; init; } = "";

        public MonitoringRound ToRound() => new(Id, (int)Year, (int)EndMonth, Database.Day(PeriodEnd), Name, Database.Day(Deadline), Focused, OpenedBy,
            DateTimeOffset.Parse(OpenedAt, CultureInfo.InvariantCulture));
    }


    const string RoundColumns = """
        id AS Id, year AS Year, end_month AS EndMonth, CAST(period_end AS TEXT) AS PeriodEnd, name AS Name,
        CAST(deadline AS TEXT) AS Deadline, focused AS Focused, opened_by AS OpenedBy, CAST(opened_at AS TEXT) AS OpenedAt
        """;

    /// <summary>The approved declarations of a year now in force (an approved 调整 replaces the revision it adjusts).</summary>
    public async Task<IReadOnlyList<StoredForm>> DeclarationsInForceAsync(int year, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var rows = await c.QueryAsync<(long Id, long? UnitId, string Document, int Version, string Hash, long? AdjustsId)>(new CommandDefinition($"""
            SELECT id, unit_id, {db.JsonText("document")}, version, content_hash, adjusts_id FROM forms f
            WHERE kind = 'target-declaration' AND year = @year AND status IN ('approved', 'published')
              AND NOT EXISTS (SELECT 1 FROM forms a WHERE a.adjusts_id = f.id AND a.status IN ('approved', 'published'))
            ORDER BY id
            """, new { year }, cancellationToken: ct));
        return rows.Select(r => new StoredForm(r.Id, FormStatus.Approved, r.Version, r.UnitId,
            Core.Interchange.FormJsonReader.Parse(r.Document), r.Hash, null, r.AdjustsId)).ToList();
    }

    /// <summary>
    /// Opens a round and stores its forms (each bound to its declaration, a draft of the declaration's unit) in one
    /// transaction. Null when the year already has a round to the same period end.
    /// </summary>
    public async Task<MonitoringRound?> OpenRoundAsync(int year, DateOnly periodEnd, string? name, DateOnly deadline, bool focused,
        IReadOnlyList<(StoredForm Declaration, MonitoringForm Form)> forms, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = db.Time(clock.GetUtcNow());
        var roundId = await c.ExecuteScalarAsync<long?>("""
            INSERT INTO monitoring_rounds (year, end_month, period_end, name, deadline, focused, opened_by, opened_at)
            VALUES (@year, @endMonth, @periodEnd, @name, @deadline, @focused, @actor, @now)
            ON CONFLICT (year, end_month) DO NOTHING
            RETURNING id
            """, new { year, endMonth = periodEnd.Month, periodEnd = db.Date(periodEnd), name, deadline = db.Date(deadline), focused, actor, now }, tx);
        if (roundId is null)
        {
            await tx.RollbackAsync(ct);
            return null;
        }
        foreach (var (declaration, form) in forms)
        {
            var row = FormRow.Of(form, figures?.Invoke(form));
            // The content hash is unique across forms: a monitoring form of this round and declaration says so in
            // where it came from (part of the source, not the content), and its content holds the period, so the
            // same declaration's forms of two rounds differ.
            var id = await c.ExecuteScalarAsync<long?>(FormRows.Insert(db), FormRows.Parameters(db, row, declaration.UnitId, now, declaration.Id, null), tx)
                ?? throw new StorageException($"第 {declaration.Id} 号申报表的监控表与已有的表内容相同，未能建立");
            await c.ExecuteAsync("UPDATE forms SET round_id = @roundId WHERE id = @id", new { roundId, id }, tx);
            await c.ExecuteAsync(FormRows.InsertImportEntry, new { Id = id, Now = now, Actor = actor, File = row.File }, tx);
        }
        await tx.CommitAsync(ct);
        return await RoundAsync(roundId.Value, ct);
    }

    public async Task<IReadOnlyList<MonitoringRound>> RoundsAsync(CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<RoundRow>(new CommandDefinition($"SELECT {RoundColumns} FROM monitoring_rounds ORDER BY year DESC, end_month DESC",
            cancellationToken: ct))).Select(r => r.ToRound()).ToList();
    }

    public async Task<MonitoringRound?> RoundAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition($"SELECT {RoundColumns} FROM monitoring_rounds WHERE id = @id",
            new { id }, cancellationToken: ct)))?.ToRound();
    }

    /// <summary>The round a monitoring form belongs to (null for an imported one).</summary>
    public async Task<MonitoringRound?> RoundOfFormAsync(long formId, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            $"SELECT {RoundColumns} FROM monitoring_rounds WHERE id = (SELECT round_id FROM forms WHERE id = @formId)",
            new { formId }, cancellationToken: ct)))?.ToRound();
    }

    /// <summary>A round's forms, for the given units only when <paramref name="units"/> is given.</summary>
    public async Task<IReadOnlyList<RoundLine>> RoundFormsAsync(long roundId, IReadOnlyCollection<long>? units = null, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var p = new DynamicParameters(new { roundId });
        var unitFilter = "";
        if (units is not null)
        {
            p.Add("units", units.ToArray());
            unitFilter = " AND " + db.OneOf("unit_id", "units");
        }
        return (await c.QueryAsync<RoundLine>(new CommandDefinition($"""
            SELECT id AS Id, declaration_id AS DeclarationId, unit_id AS UnitId, project_name AS ProjectName, department AS Department,
                   implementing_unit AS ImplementingUnit, status AS Status, light AS Light, error_count AS ErrorCount,
                   CAST(execution_rate AS TEXT) AS ExecutionRate, CAST(budget AS TEXT) AS Budget, CAST(executed AS TEXT) AS Executed
            FROM forms WHERE round_id = @roundId{unitFilter} ORDER BY department, implementing_unit, id
            """, p, cancellationToken: ct))).ToList();
    }

    // ---- 整改 -------------------------------------------------------------------------------------------------

    const string RectificationColumns = """
        r.id AS Id, r.form_id AS FormId, r.unit_id AS UnitId, r.requirement AS Requirement, CAST(r.deadline AS TEXT) AS Deadline,
        r.raised_by AS RaisedBy, CAST(r.raised_at AS TEXT) AS RaisedAt, r.result AS Result, r.done_by AS DoneBy, CAST(r.done_at AS TEXT) AS DoneAt,
        f.kind AS Kind, f.project_name AS ProjectName, f.department AS Department, f.implementing_unit AS ImplementingUnit
        """;

    public async Task<Rectification> RaiseAsync(long formId, long? unitId, string requirement, DateOnly deadline, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO rectifications (form_id, unit_id, requirement, deadline, raised_by, raised_at)
            VALUES (@formId, @unitId, @requirement, @deadline, @actor, @now) RETURNING id
            """, new { formId, unitId, requirement, deadline = db.Date(deadline), actor, now = db.Time(clock.GetUtcNow()) });
        return (await RectificationAsync(id, ct))!;
    }

    /// <summary>Records what the unit did; false when the item is done already (a result is not overwritten).</summary>
    public async Task<bool> RecordResultAsync(long id, string result, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await c.ExecuteAsync("UPDATE rectifications SET result = @result, done_by = @actor, done_at = @now WHERE id = @id AND result IS NULL",
            new { id, result, actor, now = db.Time(clock.GetUtcNow()) }) == 1;
    }

    public async Task<Rectification?> RectificationAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Rectification>(new CommandDefinition(
            $"SELECT {RectificationColumns} FROM rectifications r JOIN forms f ON f.id = r.form_id WHERE r.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The register: every item, or those of the given units; open ones first, by deadline.</summary>
    public async Task<IReadOnlyList<Rectification>> RectificationsAsync(IReadOnlyCollection<long>? units = null, long? formId = null, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var p = new DynamicParameters();
        var where = new List<string>();
        if (units is not null)
        {
            p.Add("units", units.ToArray());
            where.Add(db.OneOf("r.unit_id", "units"));
        }
        if (formId is not null)
        {
            p.Add("formId", formId);
            where.Add("r.form_id = @formId");
        }
        return (await c.QueryAsync<Rectification>(new CommandDefinition($"""
            SELECT {RectificationColumns} FROM rectifications r JOIN forms f ON f.id = r.form_id
            {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY CASE WHEN r.result IS NULL THEN 0 ELSE 1 END, r.deadline, r.id
            """, p, cancellationToken: ct))).ToList();
    }

    // ---- 暂缓拨款 ----------------------------------------------------------------------------------------------

    const string HoldColumns = """
        id AS Id, declaration_id AS DeclarationId, reason AS Reason, held_by AS HeldBy, CAST(held_at AS TEXT) AS HeldAt,
        released_by AS ReleasedBy, CAST(released_at AS TEXT) AS ReleasedAt, release_reason AS ReleaseReason
        """;

    /// <summary>Holds a project's funds; null when a hold is in force already.</summary>
    public async Task<FundingHold?> HoldAsync(long declarationId, string reason, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var id = await c.ExecuteScalarAsync<long?>("""
            INSERT INTO funding_holds (declaration_id, reason, held_by, held_at) VALUES (@declarationId, @reason, @actor, @now)
            ON CONFLICT (declaration_id) WHERE released_at IS NULL DO NOTHING RETURNING id
            """, new { declarationId, reason, actor, now = db.Time(clock.GetUtcNow()) });
        return id is null ? null : (await HoldsAsync([declarationId], ct)).First(h => h.Id == id);
    }

    /// <summary>Releases the hold in force; false when there is none.</summary>
    public async Task<bool> ReleaseAsync(long declarationId, string reason, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await c.ExecuteAsync("""
            UPDATE funding_holds SET released_by = @actor, released_at = @now, release_reason = @reason
            WHERE declaration_id = @declarationId AND released_at IS NULL
            """, new { declarationId, reason, actor, now = db.Time(clock.GetUtcNow()) }) == 1;
    }

    /// <summary>Every hold (in force and released) of the given declarations, or of all when null; latest first.</summary>
    public async Task<IReadOnlyList<FundingHold>> HoldsAsync(IReadOnlyCollection<long>? declarationIds = null, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var p = new DynamicParameters();
        var where = "";
        if (declarationIds is not null)
        {
            p.Add("ids", declarationIds.ToArray());
            where = "WHERE " + db.OneOf("declaration_id", "ids");
        }
        return (await c.QueryAsync<FundingHold>(new CommandDefinition($"SELECT {HoldColumns} FROM funding_holds {where} ORDER BY id DESC", p,
            cancellationToken: ct))).ToList();
    }
}

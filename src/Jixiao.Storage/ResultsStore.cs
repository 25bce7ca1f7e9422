using Dapper;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;

namespace Jixiao.Storage;

/// <summary>An approved or published self-evaluation of a year, with what the 结果应用 register needs of it.</summary>
public sealed record ResultsLine(long Id, long? UnitId, long? DeclarationId, FormStatus Status, SelfEvaluation Form);

/// <summary>Finance's 结果应用 decision on one self-evaluation, who made it and when.</summary>
public sealed record ResultDecision
{
    public long SelfEvaluationId { get; init; }
    public string Decision { get; init; } = "";
    public string? Reason { get; init; }
    public string? Suggested { get; init; }
    public string? Grade { get; init; }
    public string DecidedBy { get; init; } = "";
    public string DecidedAt { get; init; } = "";
}

/// <summary>
/// 结果应用 in the database: the approved self-evaluations of a year (one per project: the latest of a unit's project
/// name), finance's decisions on them, and which forms are the project's (for its 整改 items).
/// </summary>
public sealed class ResultsStore(Database db, TimeProvider clock)
{
    private sealed record LineRow(long Id, long? UnitId, long? DeclarationId, string Status, string Document);

    string LineColumns => $"id AS Id, unit_id AS UnitId, declaration_id AS DeclarationId, status AS Status, {db.JsonText("document")} AS Document";

    static ResultsLine ToLine(LineRow r) => new(r.Id, r.UnitId, r.DeclarationId, FormStatuses.FromCode(r.Status) ?? FormStatus.Approved,
        (SelfEvaluation)FormJsonReader.Parse(r.Document));

    /// <summary>
    /// The approved and published self-evaluations of a year, of the given units when <paramref name="units"/> is given;
    /// one per project (unit and 项目名称): the latest made. By 主管部门, unit and project.
    /// </summary>
    public async Task<IReadOnlyList<ResultsLine>> SelfEvaluationsAsync(int year, IReadOnlyCollection<long>? units = null, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var p = new DynamicParameters(new { year });
        var unitFilter = "";
        if (units is not null)
        {
            p.Add("units", units.ToArray());
            unitFilter = " AND " + db.OneOf("unit_id", "units");
        }
        var rows = await c.QueryAsync<LineRow>(new CommandDefinition($"""
            SELECT {LineColumns} FROM forms
            WHERE kind = 'self-evaluation' AND year = @year AND status IN ('approved', 'published'){unitFilter}
            ORDER BY department, implementing_unit, project_name, id
            """, p, cancellationToken: ct));
        return rows.Select(ToLine)
            .GroupBy(l => (l.UnitId, l.Form.ProjectName))
            .Select(g => g.MaxBy(l => l.Id)!)
            .ToList();
    }

    /// <summary>The latest year with an approved or published self-evaluation (of all units: a year, not a form); null when none.</summary>
    public async Task<int?> LatestYearAsync(CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await c.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(year) FROM forms WHERE kind = 'self-evaluation' AND status IN ('approved', 'published')", cancellationToken: ct));
    }

    /// <summary>The latest approved or published self-evaluation of a unit's project in a year (the 项目名称 matched exactly).</summary>
    public async Task<ResultsLine?> OfProjectAsync(long unitId, string projectName, int year, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var rows = await c.QueryAsync<LineRow>(new CommandDefinition($"""
            SELECT {LineColumns} FROM forms
            WHERE kind = 'self-evaluation' AND year = @year AND unit_id = @unitId AND project_name = @projectName
              AND status IN ('approved', 'published')
            ORDER BY id DESC LIMIT 1
            """, new { year, unitId, projectName }, cancellationToken: ct));
        return rows.Select(ToLine).FirstOrDefault();
    }

    const string DecisionColumns = """
        self_evaluation_id AS SelfEvaluationId, decision AS Decision, reason AS Reason, suggested AS Suggested, grade AS Grade,
        decided_by AS DecidedBy, CAST(decided_at AS TEXT) AS DecidedAt
        """;

    public async Task<IReadOnlyDictionary<long, ResultDecision>> DecisionsAsync(IReadOnlyCollection<long> selfEvaluationIds, CancellationToken ct = default)
    {
        if (selfEvaluationIds.Count == 0) return new Dictionary<long, ResultDecision>();
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<ResultDecision>(new CommandDefinition(
                $"SELECT {DecisionColumns} FROM result_decisions WHERE {db.OneOf("self_evaluation_id", "ids")}",
                new { ids = selfEvaluationIds.ToArray() }, cancellationToken: ct)))
            .ToDictionary(d => d.SelfEvaluationId);
    }

    /// <summary>Records finance's decision (replacing an earlier one), with the suggestion and grade it was made against.</summary>
    public async Task<ResultDecision> DecideAsync(long selfEvaluationId, string decision, string? reason, string? suggested, string? grade, string actor,
        CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await c.ExecuteAsync("""
            INSERT INTO result_decisions (self_evaluation_id, decision, reason, suggested, grade, decided_by, decided_at)
            VALUES (@selfEvaluationId, @decision, @reason, @suggested, @grade, @actor, @now)
            ON CONFLICT (self_evaluation_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason,
                suggested = excluded.suggested, grade = excluded.grade, decided_by = excluded.decided_by, decided_at = excluded.decided_at
            """, new { selfEvaluationId, decision, reason, suggested, grade, actor, now = db.Time(clock.GetUtcNow()) });
        return (await DecisionsAsync([selfEvaluationId], ct))[selfEvaluationId];
    }

    /// <summary>
    /// The forms bound to each declaration (its monitoring forms and self-evaluations, `declaration_id`): with the
    /// declaration and the self-evaluation, the forms of the project whose 整改 items the register counts.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, long DeclarationId)>> BoundFormsAsync(IReadOnlyCollection<long> declarationIds, CancellationToken ct = default)
    {
        if (declarationIds.Count == 0) return [];
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<(long Id, long DeclarationId)>(new CommandDefinition(
            $"SELECT id, declaration_id FROM forms WHERE {db.OneOf("declaration_id", "ids")}", new { ids = declarationIds.ToArray() },
            cancellationToken: ct))).ToList();
    }
}

using System.Globalization;
using Dapper;
using Jixiao.Core.Credibility;

namespace Jixiao.Storage;

/// <summary>A draw as stored: its year, size, seed and random share, who drew it and when.</summary>
public sealed record SpotCheck(long Id, int Year, int Size, long Seed, decimal RandomShare, string DrawnBy, string DrawnAt);

/// <summary>A drawn form: why, its credibility at the draw and its reasons (one per line), and the form's row now.</summary>
public sealed record SpotCheckLine
{
    public long FormId { get; init; }
    public int Rank { get; init; }
    public string Reason { get; init; } = "";
    public string Credibility { get; init; } = "";
    public string Reasons { get; init; } = "";
    public string? ProjectName { get; init; }
    public string? Department { get; init; }
    public string? ImplementingUnit { get; init; }
    public long? UnitId { get; init; }
    public string Status { get; init; } = "";
    public string? TotalScore { get; init; }
    public string Document { get; init; } = "";
}

/// <summary>抽查 in the database: a draw and its forms in one transaction; the draws and their forms read back.</summary>
public sealed class SpotCheckStore(Database db, TimeProvider clock)
{
    private sealed class Row
    {
        public long Id { get; init; }
        public long Year { get; init; }
        public long Size { get; init; }
        public long Seed { get; init; }
        public string RandomShare { get; init; } = "";
        public string DrawnBy { get; init; } = "";
        public string DrawnAt { get; init; } = "";
        public SpotCheck ToDraw() => new(Id, (int)Year, (int)Size, Seed, decimal.Parse(RandomShare, CultureInfo.InvariantCulture), DrawnBy, DrawnAt);
    }

    const string Columns = "id AS Id, year AS Year, size AS Size, seed AS Seed, CAST(random_share AS TEXT) AS RandomShare, drawn_by AS DrawnBy, CAST(drawn_at AS TEXT) AS DrawnAt";

    public async Task<SpotCheck> SaveAsync(int year, int size, long seed, decimal randomShare, IReadOnlyList<(DrawnForm Drawn, CredibilityScore Credibility)> forms,
        string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO spot_checks (year, size, seed, random_share, drawn_by, drawn_at) VALUES (@year, @size, @seed, @share, @actor, @now) RETURNING id
            """, new { year, size, seed, share = db.Number(randomShare), actor, now = db.Time(clock.GetUtcNow()) }, tx);
        foreach (var (drawn, credibility) in forms)
            await c.ExecuteAsync("""
                INSERT INTO spot_check_forms (spot_check_id, form_id, rank, reason, credibility, reasons)
                VALUES (@id, @form, @rank, @reason, @credibility, @reasons)
                """, new
            {
                id, form = drawn.FormId, rank = drawn.Rank, reason = drawn.Reason == DrawReason.Risk ? "risk" : "random",
                credibility = db.Number(credibility.Score), reasons = string.Join("\n", credibility.Reasons.Select(r => $"−{r.Points:0.##} {r.Message}")),
            }, tx);
        await tx.CommitAsync(ct);
        return (await GetAsync(id, ct))!;
    }

    public async Task<IReadOnlyList<SpotCheck>> AllAsync(CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM spot_checks ORDER BY id DESC", cancellationToken: ct))).Select(r => r.ToDraw()).ToList();
    }

    public async Task<SpotCheck?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM spot_checks WHERE id = @id", new { id }, cancellationToken: ct)))?.ToDraw();
    }

    /// <summary>A draw's forms in their rank, each with the form's row as it is now (its 复核分 is in the document).</summary>
    public async Task<IReadOnlyList<SpotCheckLine>> LinesAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<SpotCheckLine>(new CommandDefinition($"""
            SELECT s.form_id AS FormId, s.rank AS Rank, s.reason AS Reason, CAST(s.credibility AS TEXT) AS Credibility, s.reasons AS Reasons,
                   f.project_name AS ProjectName, f.department AS Department, f.implementing_unit AS ImplementingUnit, f.unit_id AS UnitId,
                   f.status AS Status, CAST(f.total_score AS TEXT) AS TotalScore, {db.JsonText("f.document")} AS Document
            FROM spot_check_forms s JOIN forms f ON f.id = s.form_id WHERE s.spot_check_id = @id ORDER BY s.rank
            """, new { id }, cancellationToken: ct))).ToList();
    }

    /// <summary>The self-evaluations a draw of the year chooses from: approved or published.</summary>
    public async Task<IReadOnlyList<(long Id, long? UnitId, string? Department, long? DeclarationId, string Document)>> CandidatesAsync(int year, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<(long, long?, string?, long?, string)>(new CommandDefinition($"""
            SELECT id, unit_id, department, declaration_id, {db.JsonText("document")} FROM forms
            WHERE kind = 'self-evaluation' AND year = @year AND status IN ('approved', 'published') ORDER BY id
            """, new { year }, cancellationToken: ct))).ToList();
    }
}

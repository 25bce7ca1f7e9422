using System.Text.Json;
using Dapper;
using Jixiao.Core.Interchange;
using Jixiao.Core.Library;
using Jixiao.Core.Model;

namespace Jixiao.Storage;

/// <summary>One stored 指标库 entry: the figures from the forms and the fields finance curates.</summary>
public sealed record LibraryRow
{
    public long Id { get; init; }
    public string Key { get; init; } = "";
    public string Level1 { get; init; } = "";
    public string Level2 { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Comparator { get; init; }
    public string? Unit { get; init; }
    public string? Explanation { get; init; }
    public string? Method { get; init; }
    public string? ValueBasis { get; init; }
    public string Tags { get; init; } = "";
    public string Nature { get; init; } = "specific";
    public long? OwnerId { get; init; }
    public string Scope { get; init; } = "all";
    public string Status { get; init; } = "proposed";
    public int FormCount { get; init; }
    public int DeclarationCount { get; init; }
    public int SelfEvaluationCount { get; init; }
    public int UnitCount { get; init; }
    public string Distribution { get; init; } = "[]";
    public string Uses { get; init; } = "{}";
    public string CreatedBy { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string UpdatedBy { get; init; } = "";
    public string UpdatedAt { get; init; } = "";

    public IReadOnlyList<YearDistribution> Years => JsonSerializer.Deserialize<List<YearDistribution>>(Distribution, LibraryStore.Json) ?? [];

    public LibraryUses UseCounts => JsonSerializer.Deserialize<LibraryUses>(Uses, LibraryStore.Json) ?? LibraryUses.None;
}

/// <summary>How many of the forms using an entry are of each 项目类别 (normalised) and of each 主管部门 (its id).</summary>
public sealed record LibraryUses(IReadOnlyDictionary<string, int>? Categories, IReadOnlyDictionary<long, int>? Departments)
{
    public static readonly LibraryUses None = new(null, null);
}

/// <summary>What finance sets on an entry (every field given: the curated state as a whole).</summary>
public sealed record LibraryCurated(string? Explanation, string? Method, string? ValueBasis, string Tags, string Nature, string Scope, string Status);

/// <summary>
/// One entry of an imported workbook, checked by the host: an existing entry (<see cref="Id"/>, as it was read when the
/// workbook was checked: <see cref="SeenUpdatedAt"/>) gets its owner and curated fields; a new one (no id) is added with
/// its names, comparator and unit and no figures until the next seed.
/// </summary>
public sealed record LibraryImportEntry(long? Id, string? SeenUpdatedAt, string Key, string Level1, string Level2, string Name,
    string? Comparator, string? Unit, long? OwnerId, LibraryCurated Curated);

/// <summary>What a seed did: entries added (待审定), entries whose figures were refreshed, forms read.</summary>
public sealed record LibrarySeedSummary(int Added, int Refreshed, int Forms);

/// <summary>
/// The 指标库 in the database. <see cref="SeedAsync"/> reads the stored 申报表 and 自评表 a page at a time into an
/// <see cref="IndicatorLibrary"/> (figures only, never the documents), then adds the keys not yet in the library as
/// 待审定 and refreshes the figures of the others, leaving what finance curated as it is.
/// </summary>
public sealed class LibraryStore(Database db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    const string Columns = """
        id AS Id, key AS Key, level1 AS Level1, level2 AS Level2, name AS Name, comparator AS Comparator, unit AS Unit,
        explanation AS Explanation, method AS Method, value_basis AS ValueBasis, tags AS Tags, nature AS Nature, owner_id AS OwnerId,
        scope AS Scope, status AS Status, form_count AS FormCount, declaration_count AS DeclarationCount,
        self_evaluation_count AS SelfEvaluationCount, unit_count AS UnitCount, distribution AS Distribution, uses AS Uses,
        created_by AS CreatedBy, CAST(created_at AS TEXT) AS CreatedAt, updated_by AS UpdatedBy, CAST(updated_at AS TEXT) AS UpdatedAt
        """;

    /// <summary>The entries whose names, key or tags contain <paramref name="q"/>, of the 一级 and status given; by 一级, 二级 and use.</summary>
    public async Task<IReadOnlyList<LibraryRow>> SearchAsync(string? q = null, string? level1 = null, string? status = null, CancellationToken ct = default)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (q is { Length: > 0 })
        {
            where.Add("(" + string.Join(" OR ", new[] { "name", "level2", "key", "tags", "explanation" }.Select(col => $"{col} LIKE @q ESCAPE '\\'")) + ")");
            p.Add("q", "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        }
        if (level1 is { Length: > 0 }) { where.Add("level1 = @level1"); p.Add("level1", level1); }
        if (status is { Length: > 0 }) { where.Add("status = @status"); p.Add("status", status); }
        var sql = $"SELECT {Columns} FROM indicator_library{(where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))} ORDER BY level1, level2, form_count DESC, id";
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<LibraryRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
    }

    public async Task<LibraryRow?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await c.QueryFirstOrDefaultAsync<LibraryRow>(new CommandDefinition($"SELECT {Columns} FROM indicator_library WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Builds the library over every stored 申报表 and 自评表, <paramref name="pageSize"/> forms at a time, and stores it.</summary>
    public async Task<LibrarySeedSummary> SeedAsync(string actor, int pageSize = 1_000, CancellationToken ct = default)
    {
        var library = new IndicatorLibrary();
        Dictionary<long, long?> departments;
        await using (var c = await db.ConnectAsync(ct))
            departments = (await c.QueryAsync<(long Id, long? ParentId)>(new CommandDefinition("SELECT id, parent_id FROM organisations", cancellationToken: ct)))
                .ToDictionary(o => o.Id, o => o.ParentId);
        await foreach (var page in Ingest.FormPages.ReadAsync(db, pageSize, ct, kinds: ["target-declaration", "self-evaluation"]))
            foreach (var d in page)
                library.Add(FormJsonReader.Parse(d.Document), d.UnitId, d.UnitId is { } u ? departments.GetValueOrDefault(u) : null);
        var entries = library.Entries();
        var now = db.Time(clock.GetUtcNow());
        await using var conn = await db.ConnectAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var existing = (await conn.QueryAsync<string>(new CommandDefinition("SELECT key FROM indicator_library", transaction: tx, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var e in entries)
        {
            if (!existing.Contains(e.Key)) added++;
            // A new key comes in as 待审定, owned by its unit when only one uses it (shared with that unit alone until
            // finance widens it); a known key gets its figures refreshed, nothing else.
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO indicator_library (key, level1, level2, name, comparator, unit, owner_id, scope, status,
                    form_count, declaration_count, self_evaluation_count, unit_count, distribution, uses, created_by, created_at, updated_by, updated_at)
                VALUES (@Key, @Level1, @Level2, @Name, @Comparator, @Unit, @OwnerId, @Scope, 'proposed',
                    @Forms, @Declarations, @SelfEvaluations, @Units, @Distribution, @Uses, @actor, @now, @actor, @now)
                ON CONFLICT (key) DO UPDATE SET form_count = excluded.form_count, declaration_count = excluded.declaration_count,
                    self_evaluation_count = excluded.self_evaluation_count, unit_count = excluded.unit_count, distribution = excluded.distribution,
                    uses = excluded.uses
                """, new
            {
                e.Key, e.Level1, e.Level2, e.Name, Comparator = e.Comparator?.ToSymbol(), e.Unit, OwnerId = e.OnlyUnitId,
                Scope = e.OnlyUnitId is null ? "all" : "unit", e.Forms, e.Declarations, e.SelfEvaluations, e.Units,
                Distribution = JsonSerializer.Serialize(e.Years, Json),
                Uses = JsonSerializer.Serialize(new LibraryUses(e.FormsByCategory, e.FormsByDepartment), Json), actor, now,
            }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return new LibrarySeedSummary(added, entries.Count - added, library.FormsAdded);
    }

    /// <summary>Sets the curated fields of an entry, with who and when; the caller has checked the status move.</summary>
    public async Task<LibraryRow?> CurateAsync(long id, LibraryCurated v, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE indicator_library SET explanation = @Explanation, method = @Method, value_basis = @ValueBasis, tags = @Tags,
                nature = @Nature, scope = @Scope, status = @Status, updated_by = @actor, updated_at = @now
            WHERE id = @id
            """, new { id, v.Explanation, v.Method, v.ValueBasis, v.Tags, v.Nature, v.Scope, v.Status, actor, now = db.Time(clock.GetUtcNow()) },
            cancellationToken: ct));
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Writes the entries of an imported workbook in one transaction: all of them, or (when an entry changed since the
    /// workbook was checked, or a new key was added meanwhile) none, and null. The ids, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<long>?> ImportAsync(IReadOnlyList<LibraryImportEntry> entries, string actor, CancellationToken ct = default)
    {
        var now = db.Time(clock.GetUtcNow());
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var ids = new List<long>();
        try
        {
            foreach (var e in entries)
            {
                var p = new
                {
                    e.Id, e.SeenUpdatedAt, e.Key, e.Level1, e.Level2, e.Name, e.Comparator, e.Unit, e.OwnerId, e.Curated.Explanation, e.Curated.Method,
                    e.Curated.ValueBasis, e.Curated.Tags, e.Curated.Nature, e.Curated.Scope, e.Curated.Status, actor, now,
                };
                if (e.Id is { } id)
                {
                    var n = await c.ExecuteAsync(new CommandDefinition("""
                        UPDATE indicator_library SET owner_id = @OwnerId, explanation = @Explanation, method = @Method, value_basis = @ValueBasis,
                            tags = @Tags, nature = @Nature, scope = @Scope, status = @Status, updated_by = @actor, updated_at = @now
                        WHERE id = @Id AND CAST(updated_at AS TEXT) = @SeenUpdatedAt
                        """, p, tx, cancellationToken: ct));
                    if (n == 0) { await tx.RollbackAsync(ct); return null; }
                    ids.Add(id);
                }
                else
                    ids.Add(await c.ExecuteScalarAsync<long>(new CommandDefinition("""
                        INSERT INTO indicator_library (key, level1, level2, name, comparator, unit, explanation, method, value_basis, tags, nature,
                            owner_id, scope, status, created_by, created_at, updated_by, updated_at)
                        VALUES (@Key, @Level1, @Level2, @Name, @Comparator, @Unit, @Explanation, @Method, @ValueBasis, @Tags, @Nature,
                            @OwnerId, @Scope, @Status, @actor, @now, @actor, @now)
                        RETURNING id
                        """, p, tx, cancellationToken: ct)));
            }
            await tx.CommitAsync(ct);
            return ids;
        }
        catch (System.Data.Common.DbException) when (!ct.IsCancellationRequested)
        {
            // A new key that a seed (or another import) added between the check and the write: nothing is kept.
            await tx.RollbackAsync(ct);
            return null;
        }
    }
}

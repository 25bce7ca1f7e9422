using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jixiao.Core.History;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Core.Workflow;
using Jixiao.Core.Interchange;

namespace Jixiao.Storage;

/// <summary>
/// A stored form: the model plus where it stands in the workflow. A self-evaluation entered in the app is bound to
/// its approved declaration (<see cref="DeclarationId"/>); a 调整 names the form it adjusts (<see cref="AdjustsId"/>).
/// </summary>
public sealed record StoredForm(long Id, FormStatus Status, int Version, long? UnitId, PerformanceForm Form, string ContentHash,
    long? DeclarationId = null, long? AdjustsId = null);

/// <summary>
/// What every line of forms shows, without the document: a list's line (<see cref="FormSummary"/>) and a project's
/// or a 汇总表's (<see cref="ProjectForm"/>) add their own figures. Read with <see cref="FormStore.LineColumns"/>.
/// </summary>
public abstract record FormLine
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public int? Year { get; init; }
    public string? ProjectName { get; init; }
    public string? Department { get; init; }
    public string? ImplementingUnit { get; init; }
    public long? UnitId { get; init; }
    public string Status { get; init; } = "";
    public int Version { get; init; }
    public string? TotalScore { get; init; }
    public string? Grade { get; init; }
    public int? ErrorCount { get; init; }
    public int? WarningCount { get; init; }
    public long? DeclarationId { get; init; }
    public long? AdjustsId { get; init; }
    public string UpdatedAt { get; init; } = "";

    /// <summary>A monitoring form's worst light (green / yellow / red); null for the other kinds.</summary>
    public string? Light { get; init; }
}

/// <summary>A line of a form list, without the document.</summary>
public sealed record FormSummary : FormLine
{
    /// <summary>Still a draft or returned after its window (申报 or 自评) closed.</summary>
    public bool Overdue { get; init; }
}

/// <summary>How a list is ordered.</summary>
public enum FormSort
{
    Newest,     // year, then the latest created first
    Updated,    // the last changed first
    ScoreHigh,  // 总分 from the highest
    ScoreLow,
    Name,       // 项目名称
}

/// <summary>
/// What a list asks for. <see cref="UnitIds"/> is the person's scope (their units); the rest are the filters people
/// choose. <see cref="Today"/> is the day overdue is judged by (the store has no clock of its own for it).
/// </summary>
public sealed record FormFilter(int? Year = null, long? UnitId = null, string? Kind = null, FormStatus? Status = null,
    IReadOnlyCollection<long>? UnitIds = null, int Limit = 200, int Offset = 0, bool ExcludeDrafts = false,
    bool OrPublished = false)
{
    /// <summary>Words looked for in 项目名称, 实施单位 and 主管部门.</summary>
    public string? Search { get; init; }
    public IReadOnlyCollection<FormStatus>? Statuses { get; init; }
    /// <summary>The units of a chosen 主管部门 (a filter, within the scope).</summary>
    public IReadOnlyCollection<long>? WithinUnits { get; init; }
    public string? Grade { get; init; }
    public bool? HasErrors { get; init; }
    public bool OnlyOverdue { get; init; }
    public DateOnly? Today { get; init; }
    public FormSort Sort { get; init; } = FormSort.Newest;
    /// <summary>执行率 from (included), percent: with <see cref="RateBelow"/> a band of the dashboard.</summary>
    public decimal? RateFrom { get; init; }
    /// <summary>执行率 below (left out), percent.</summary>
    public decimal? RateBelow { get; init; }
    /// <summary>Forms with a finding of this check (its code in `finding_codes`).</summary>
    public string? FindingCode { get; init; }
    /// <summary>
    /// Each project as it stands: a declaration superseded by an approved 调整 is left out, and so is a 调整 not yet
    /// approved (the revision before it stands until then). Self-evaluations are never adjusted: all of them stay.
    /// </summary>
    public bool CurrentOnly { get; init; }
}

/// <summary>A page of a list and how many forms the whole list holds.</summary>
public sealed record FormPage(IReadOnlyList<FormSummary> Forms, int Total);

/// <summary>
/// One history row. <see cref="Field"/> is the JSON path for machines; <see cref="Label"/> its readable name when the
/// row was written with one (edits since the history became readable, comments), <see cref="Change"/> the kind of
/// edit (changed, computed, added, removed, moved; <see cref="ChangeKinds"/>). A comment's <see cref="OldValue"/> is
/// the identity of the row it was written on; an <c>addressed</c> row <see cref="RefersTo"/> its comment.
/// </summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, int Version, string? Field, string? OldValue, string? NewValue, string? Reason,
    string? Label = null, string? Change = null, long? RefersTo = null)
{
    public HistoryRecord Record => new(Action, Change, Field, Label, OldValue, NewValue, Reason);
}

/// <summary>The 一级, 二级 and 三级 of the row a return comment was written on: how the comment finds its row after edits.</summary>
public sealed record RowIdentity(string? Level1, string? Level2, string? Name)
{
    public static RowIdentity? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json[0] != '{') return null;
        try { return JsonSerializer.Deserialize<RowIdentity>(json, Compact); }
        catch (JsonException) { return null; }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Compact);

    static readonly JsonSerializerOptions Compact = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

/// <summary>What became of marking a return comment addressed.</summary>
public enum MarkOutcome
{
    Marked,
    NoSuchComment,     // no comment of this form has that id
    EarlierReturn,     // the comment belongs to an earlier return, already answered by a resubmission
    NotReturned,       // the form is no longer returned (resubmitted meanwhile)
}

/// <summary>
/// The outcome of a save that expected a version: done, or a conflict naming what the other person changed, or
/// refused because another stored form has the same content (<see cref="DuplicateOf"/>).
/// </summary>
public sealed record UpdateResult(bool Saved, int CurrentVersion, IReadOnlyList<AuditEntry> ChangesSince, long? DuplicateOf = null);

/// <summary>Warnings the unit acknowledged at submission: its reason, and the warnings as they read then.</summary>
public sealed record Acknowledgement(string Reason, string Warnings);

/// <summary>
/// Forms in the database. Every write is one transaction: the row and its audit entries together, or nothing.
/// Saves that expect a version fail with the other person's changes instead of overwriting them.
/// </summary>
public sealed class FormStore(Database db, TimeProvider clock, Func<PerformanceForm, FormFigures>? figures = null)
{
    public Database Database => db;

    // Totals and counts over the whole table, kept until a write moves data_version.
    private readonly UntilChanged counted = new();

    /// <summary>
    /// The database's data version (migration 0003): it moves on every write to forms, windows or organisations, by
    /// any process. What is computed from the forms and kept (the dashboards) is stale once it has moved. Inside a
    /// <see cref="UntilChanged.ReadOnce"/> scope that has read it, no connection is taken.
    /// </summary>
    public async Task<long> DataVersionAsync(CancellationToken ct = default)
    {
        if (UntilChanged.VersionInScope is { } seen) return seen;
        await using var c = await db.ConnectAsync(ct);
        return await UntilChanged.VersionAsync(c, ct);
    }

    private FormRow RowOf(PerformanceForm form) => FormRow.Of(form, figures?.Invoke(form));

    // Properties, not a positional record: SQLite hands back every integer as Int64, and Dapper converts properties.
    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public int Version { get; init; }
        public long? UnitId { get; init; }
        public string Document { get; init; } = "";
        public string ContentHash { get; init; } = "";
        public long? DeclarationId { get; init; }
        public long? AdjustsId { get; init; }
    }

    private string SelectRow => $"SELECT id AS Id, kind AS Kind, status AS Status, version AS Version, unit_id AS UnitId, {db.JsonText("document")} AS Document, content_hash AS ContentHash, declaration_id AS DeclarationId, adjusts_id AS AdjustsId FROM forms";

    /// <summary>Stores an imported form unless the same content is stored already. Returns its id and whether it was new.</summary>
    public async Task<(long Id, bool Created)> ImportAsync(PerformanceForm form, long? unitId, string actor, CancellationToken ct = default) =>
        await ImportAsync(form, unitId, actor, null, null, ct);

    /// <summary>
    /// Stores a new form made from another: a self-evaluation bound to its declaration, or a 调整 of an approved
    /// declaration. Same as an import otherwise.
    /// </summary>
    public async Task<(long Id, bool Created)> ImportAsync(PerformanceForm form, long? unitId, string actor, long? declarationId, long? adjustsId,
        CancellationToken ct = default)
    {
        var row = RowOf(form);
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = db.Time(clock.GetUtcNow());
        var id = await c.ExecuteScalarAsync<long?>(FormRows.Insert(db), FormRows.Parameters(db, row, unitId, now, declarationId, adjustsId), tx);
        if (id is null)
        {
            var existing = await c.ExecuteScalarAsync<long>("SELECT id FROM forms WHERE content_hash = @hash", new { hash = row.Hash }, tx);
            await tx.CommitAsync(ct);
            return (existing, false);
        }
        await c.ExecuteAsync(FormRows.InsertImportEntry, new { Id = id, Now = now, Actor = actor, row.File }, tx);
        await tx.CommitAsync(ct);
        return (id.Value, true);
    }

    public async Task<StoredForm?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>($"{SelectRow} WHERE id = @id", new { id });
        return row is null ? null : ToStored(row);
    }

    /// <summary>Every published form, a page at a time in id order (keyset: each page costs the same however far in).</summary>
    public async IAsyncEnumerable<IReadOnlyList<StoredForm>> PublishedAsync(int pageSize = 500,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        long last = 0;
        while (!ct.IsCancellationRequested)
        {
            List<StoredForm> page;
            await using (var c = await db.ConnectAsync(ct))
                page = (await c.QueryAsync<Row>(new CommandDefinition($"{SelectRow} WHERE status = 'published' AND id > @last ORDER BY id LIMIT @pageSize",
                    new { last, pageSize }, cancellationToken: ct))).Select(ToStored).ToList();
            if (page.Count == 0) yield break;
            last = page[^1].Id;
            yield return page;
        }
    }

    /// <summary>The forms made from this one: the self-evaluations bound to it and its 调整.</summary>
    public async Task<IReadOnlyList<StoredForm>> DerivedFromAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return (await c.QueryAsync<Row>($"{SelectRow} WHERE declaration_id = @id OR adjusts_id = @id ORDER BY id", new { id })).Select(ToStored).ToList();
    }

    /// <summary>
    /// The forecast a form is held to: for a self-evaluation made from a declaration, its project's latest approved
    /// monitoring form (<see cref="LatestMonitoringAsync"/>); null for anything else.
    /// </summary>
    public async Task<(long Id, MonitoringForm Form)?> ForecastForAsync(PerformanceForm form, long? declarationId, CancellationToken ct = default) =>
        form is SelfEvaluation && declarationId is { } d ? await LatestMonitoringAsync(d, ct) : null;

    /// <summary>
    /// The latest approved monitoring form of a project: bound to this declaration or to a revision it adjusts (the
    /// forecast a self-evaluation is set beside). Null when none was approved.
    /// </summary>
    public async Task<(long Id, MonitoringForm Form)?> LatestMonitoringAsync(long declarationId, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var start = db.Kind == DatabaseKind.PostgreSql ? "CAST(@declarationId AS bigint)" : "@declarationId";
        var row = await c.QueryFirstOrDefaultAsync<(long Id, string Document)>(new CommandDefinition($"""
            WITH RECURSIVE chain(id) AS (
                SELECT {start}
                UNION ALL SELECT f.adjusts_id FROM forms f JOIN chain ON f.id = chain.id WHERE f.adjusts_id IS NOT NULL)
            SELECT m.id, {db.JsonText("m.document")} FROM forms m LEFT JOIN monitoring_rounds r ON r.id = m.round_id
            WHERE m.kind = 'monitoring' AND m.status IN ('approved', 'published') AND m.declaration_id IN (SELECT id FROM chain)
            ORDER BY r.end_month DESC, m.id DESC
            LIMIT 1
            """, new { declarationId }, cancellationToken: ct));
        return row.Document is null ? null : (row.Id, (MonitoringForm)FormJsonReader.Parse(row.Document));
    }

    /// <summary>
    /// The unit's declarations and self-evaluations of the <paramref name="yearsBack"/> years before
    /// <paramref name="year"/>: the history the ambition checks set a declaration beside (<c>AmbitionIndex</c>). One query
    /// on forms_by_unit (unit_id, year). Every status: imported forms are drafts, and what a unit declared and achieved
    /// is its record whatever became of the form.
    /// </summary>
    public async Task<IReadOnlyList<PerformanceForm>> UnitHistoryAsync(long unitId, int year, int yearsBack, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        var documents = await c.QueryAsync<string>(new CommandDefinition($"""
            SELECT {db.JsonText("document")} FROM forms
            WHERE unit_id = @unitId AND year >= @from AND year < @year AND kind IN ('target-declaration', 'self-evaluation')
            """, new { unitId, year, from = year - yearsBack }, cancellationToken: ct));
        return documents.Select(FormJsonReader.Parse).ToList();
    }

    /// <summary>
    /// The declarations of a year as the ambition checks' peers: an index of their quantitative targets (facts, not
    /// documents), built with one query on forms_kind_year (kind, year) and kept until the data changes, so that the
    /// form page and the editor's live check do not read every declaration of the year each time.
    /// </summary>
    public async Task<AmbitionIndex> DeclarationsOfYearAsync(int year, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await counted.GetAsync(c, "ambition-peers\u001e" + year, async () =>
        {
            var index = new AmbitionIndex();
            var documents = await c.QueryAsync<string>(new CommandDefinition(
                $"SELECT {db.JsonText("document")} FROM forms WHERE kind = 'target-declaration' AND year = @year", new { year }, cancellationToken: ct));
            foreach (var d in documents) index.Add(FormJsonReader.Parse(d));
            return index;
        }, ct);
    }

    private static StoredForm ToStored(Row r) =>
        new(r.Id, FormStatuses.FromCode(r.Status) ?? FormStatus.Draft, r.Version, r.UnitId, FormJsonReader.Parse(r.Document), r.ContentHash,
            r.DeclarationId, r.AdjustsId);

    public async Task<IReadOnlyList<FormSummary>> ListAsync(FormFilter filter, CancellationToken ct = default) =>
        (await PageAsync(filter, withTotal: false, ct)).Forms;

    /// <summary>
    /// A page of the list and the count of the whole list. The page is chosen on the list's indexes alone (every
    /// column a list filters and sorts on is in <c>forms_list</c>, migration 0003) and only its rows are then read,
    /// so a deep OFFSET walks index entries, not documents. The count is kept until the data changes.
    /// </summary>
    /// <summary>The columns of a <see cref="FormLine"/>, named as its properties.</summary>
    internal const string LineColumns = """
        id AS Id, kind AS Kind, year AS Year, project_name AS ProjectName, department AS Department,
        implementing_unit AS ImplementingUnit, unit_id AS UnitId, status AS Status, version AS Version,
        CAST(total_score AS TEXT) AS TotalScore, grade AS Grade, error_count AS ErrorCount, warning_count AS WarningCount,
        declaration_id AS DeclarationId, adjusts_id AS AdjustsId, CAST(updated_at AS TEXT) AS UpdatedAt, light AS Light
        """;

    public async Task<FormPage> PageAsync(FormFilter filter, bool withTotal = true, CancellationToken ct = default)
    {
        var (where, p, key) = Where(filter);
        var limit = Math.Clamp(filter.Limit, 1, 10_000);
        var offset = Math.Max(0, filter.Offset);
        p.Add("limit", limit);
        p.Add("offset", offset);
        var order = filter.Sort switch
        {
            FormSort.Updated => "updated_at DESC, id DESC",
            // Forms without a score (declarations) last either way, in both databases (PostgreSQL puts NULL first
            // in a descending sort unless told); forms_by_score serves the descending one.
            FormSort.ScoreHigh => $"{ScoreOrder} DESC NULLS LAST, id DESC",
            FormSort.ScoreLow => $"{ScoreOrder} ASC NULLS LAST, id DESC",
            FormSort.Name => "project_name ASC, id DESC",
            _ => "year DESC, id DESC",
        };
        var overdue = filter.Today is null ? "0" : $"CASE WHEN {OverdueCondition} THEN 1 ELSE 0 END";
        var sql = $"""
            SELECT {LineColumns}, {overdue} AS Overdue
            FROM forms
            WHERE id IN (SELECT id FROM forms {where} ORDER BY {order} LIMIT @limit OFFSET @offset)
            ORDER BY {order}
            """;
        await using var c = await db.ConnectAsync(ct);
        var rows = (await c.QueryAsync<FormSummary>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
        // A page that is not full is the end of the list, so the total is known without counting: a search that
        // finds a few forms (or none) then scans the table once, not twice. Past the end (no rows) it is counted.
        var endsTheList = rows.Count < limit && (rows.Count > 0 || offset == 0);
        var total = !withTotal ? rows.Count
            : endsTheList ? offset + rows.Count
            : await counted.GetAsync(c, "count\u001e" + key,
                () => c.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM forms {where}", p, cancellationToken: ct)), ct);
        return new FormPage(rows, total);
    }

    /// <summary>How many forms of each status a list holds (the 工作台's counts), with its overdue ones; kept until the data changes.</summary>
    public async Task<(IReadOnlyDictionary<FormStatus, int> ByStatus, int Overdue)> CountsAsync(FormFilter filter, CancellationToken ct = default)
    {
        var (where, p, key) = Where(filter);
        await using var c = await db.ConnectAsync(ct);
        return await counted.GetAsync(c, "statuses\u001e" + key, async () =>
        {
            var rows = await c.QueryAsync<(string Status, long Count)>(new CommandDefinition($"SELECT status, COUNT(*) FROM forms {where} GROUP BY status", p, cancellationToken: ct));
            var overdue = filter.Today is null ? 0 : await c.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM forms {(where.Length == 0 ? "WHERE" : where + " AND")} {OverdueCondition}", p, cancellationToken: ct));
            IReadOnlyDictionary<FormStatus, int> byStatus = rows.Where(r => FormStatuses.FromCode(r.Status) is not null)
                .ToDictionary(r => FormStatuses.FromCode(r.Status)!.Value, r => (int)r.Count);
            return (byStatus, overdue);
        }, ct);
    }

    /// <summary>执行率 as a number to compare: SQLite keeps it as exact text; two places of a percent compare exactly as REAL.</summary>
    internal static string RateColumn(Database db) => db.Kind == DatabaseKind.Sqlite ? "CAST(execution_rate AS REAL)" : "execution_rate";

    static object RateParameter(Database db, decimal value) => db.Kind == DatabaseKind.Sqlite ? (double)value : value;

    /// <summary>See <see cref="FormFilter.CurrentOnly"/>; served by the partial index on adjusts_id.</summary>
    internal const string CurrentCondition = """
        NOT EXISTS (SELECT 1 FROM forms later WHERE later.adjusts_id = forms.id AND later.status IN ('approved', 'published'))
        AND (forms.adjusts_id IS NULL OR forms.status IN ('approved', 'published'))
        """;

    // SQLite keeps scores as exact text: ordered as numbers, never added up.
    private string ScoreOrder => db.Kind == DatabaseKind.Sqlite ? "CAST(total_score AS REAL)" : "total_score";

    // A draft or returned form of a year whose window for its kind (申报 for a declaration or a 部门整体目标表, 监控 for a monitoring form,
    // 自评 for a self-evaluation) closed before @today; a monitoring form of a round, once the round's deadline passed.
    internal const string OverdueCondition = """
        status IN ('draft', 'returned') AND (
            (forms.round_id IS NULL AND EXISTS (SELECT 1 FROM windows w WHERE w.year = forms.year
                AND w.stage = CASE forms.kind WHEN 'target-declaration' THEN 'declaration' WHEN 'department-declaration' THEN 'declaration' WHEN 'monitoring' THEN 'monitoring' ELSE 'self-evaluation' END
                AND w.closes_on < @today))
            OR EXISTS (SELECT 1 FROM monitoring_rounds r WHERE r.id = forms.round_id AND r.deadline < @today))
        """;

    /// <summary>
    /// The WHERE clause of a filter over `forms` (unaliased), its parameters, and a key that names both (what
    /// <see cref="UntilChanged"/> keeps a count under); the dashboards group by it.
    /// </summary>
    internal (string Where, DynamicParameters Parameters, string Key) Where(FormFilter filter)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        var key = new System.Text.StringBuilder();
        void Add(string name, object value)
        {
            p.Add(name, value);
            key.Append(name).Append('=').Append(value is System.Collections.IEnumerable list and not string
                ? string.Join(",", list.Cast<object>()) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
        }
        string In(string name, IReadOnlyCollection<long> ids)
        {
            Add(name, ids.ToArray());
            return ids.Count == 0 ? "1 = 0" : db.OneOf("unit_id", name);
        }
        if (filter.Year is { } y) { where.Add("year = @year"); Add("year", y); }
        if (filter.UnitId is { } u) { where.Add("unit_id = @unit"); Add("unit", u); }
        if (filter.Kind is { } k) { where.Add("kind = @kind"); Add("kind", k); }
        if (filter.Status is { } s) { where.Add("status = @status"); Add("status", s.ToCode()); }
        if (filter.Statuses is { Count: > 0 } any)
        {
            where.Add(db.OneOf("status", "statuses"));
            Add("statuses", any.Select(x => x.ToCode()).ToArray());
        }
        if (filter.UnitIds is { } ids)
        {
            // A person's scope is their units — plus, with OrPublished, every published form, which anyone may read.
            var inScope = In("units", ids);
            if (filter.ExcludeDrafts) inScope = $"({inScope} AND status <> 'draft')";
            where.Add(filter.OrPublished ? $"({inScope} OR status = 'published')" : inScope);
        }
        else if (filter.ExcludeDrafts) where.Add("status <> 'draft'");
        if (filter.WithinUnits is { } within) where.Add(In("within", within));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // LIKE with the user's words taken literally: % and _ are escaped.
            var words = filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            where.Add("(project_name LIKE @search ESCAPE '\\' OR implementing_unit LIKE @search ESCAPE '\\' OR department LIKE @search ESCAPE '\\')");
            Add("search", "%" + words + "%");
        }
        if (filter.Grade is { } g) { where.Add("grade = @grade"); Add("grade", g); }
        if (filter.HasErrors is { } e) where.Add(e ? "error_count > 0" : "error_count = 0");
        if (filter.Today is { } today)
        {
            Add("today", db.Date(today));
            if (filter.OnlyOverdue) where.Add(OverdueCondition);
        }
        // The dashboards' click-throughs: a 执行率 band, one check's findings, the projects as they stand.
        if (filter.RateFrom is { } from) { where.Add($"{RateColumn(db)} >= @rateFrom"); Add("rateFrom", RateParameter(db, from)!); }
        if (filter.RateBelow is { } below) { where.Add($"{RateColumn(db)} < @rateBelow"); Add("rateBelow", RateParameter(db, below)!); }
        if (filter.FindingCode is { } code) { where.Add("finding_codes LIKE @findingCode"); Add("findingCode", $"%|{code}|%"); }
        if (filter.CurrentOnly) where.Add(CurrentCondition);
        var clause = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";
        return (clause, p, clause + "\u001e" + key);
    }

    /// <summary>
    /// Saves an edited form if nobody saved since <paramref name="expectedVersion"/>. Each changed field is recorded
    /// with its old and new value. On a conflict nothing is written and the other person's changes come back.
    /// </summary>
    public Task<UpdateResult> UpdateAsync(long id, int expectedVersion, PerformanceForm form, string actor, CancellationToken ct = default) =>
        UpdateAsync(id, expectedVersion, form, actor, null, null, ct);

    /// <summary>
    /// A save with a reason on its history rows (a self-evaluation re-bound after a 调整 says so), optionally moving the
    /// bond to another declaration.
    /// </summary>
    public async Task<UpdateResult> UpdateAsync(long id, int expectedVersion, PerformanceForm form, string actor, string? reason, long? declarationId,
        CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var current = await c.QuerySingleOrDefaultAsync<Row>($"{SelectRow} WHERE id = @id", new { id }, tx) ?? throw new StorageException($"表 {id} 不存在");
        if (current.Version != expectedVersion)
        {
            var since = await AuditSinceAsync(c, tx, id, expectedVersion);
            await tx.RollbackAsync(ct);
            return new UpdateResult(false, current.Version, since);
        }
        // What a person reads later: rows by identity, values as printed, the figures of a bound self-evaluation
        // marked as computed (the save's person is still the actor: the save caused them).
        var changes = FormHistory.Compare(FormJsonReader.Parse(current.Document), form, bound: (declarationId ?? current.DeclarationId) is not null);
        var row = RowOf(form);
        var now = db.Time(clock.GetUtcNow());
        int rows;
        try
        {
            var parameters = FormRows.Parameters(db, row, current.UnitId, now, declarationId);
            parameters.Add("Id", id);
            parameters.Add("Expected", expectedVersion);
            rows = await c.ExecuteAsync(FormRows.Update(db), parameters, tx);
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            // Another form has exactly this content: nothing is written, and the caller is told which form it is.
            await tx.RollbackAsync(ct);
            return new UpdateResult(false, current.Version, [], await DuplicateOfAsync(row.Hash, ct));
        }
        if (rows != 1)
        {
            await tx.RollbackAsync(ct);
            return new UpdateResult(false, current.Version + 1, []);
        }
        foreach (var change in changes)
            await c.ExecuteAsync("""
                INSERT INTO audit_log (form_id, at, actor, action, version, field, old_value, new_value, reason, label, change_kind)
                VALUES (@id, @now, @actor, 'edit', @version, @field, @oldValue, @newValue, @reason, @label, @kind)
                """, new
            {
                id, now, actor, field = change.Field, oldValue = change.Old, newValue = change.New, reason, version = expectedVersion + 1,
                label = change.Label, kind = change.Code,
            }, tx);
        await tx.CommitAsync(ct);
        return new UpdateResult(true, expectedVersion + 1, []);
    }

    static bool IsUniqueViolation(DbException ex) =>
        ex is Npgsql.PostgresException { SqlState: "23505" } || ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } && ex.Message.Contains("UNIQUE", StringComparison.Ordinal);

    private async Task<long?> DuplicateOfAsync(string hash, CancellationToken ct)
    {
        await using var c = await db.ConnectAsync(ct);
        return await c.ExecuteScalarAsync<long?>("SELECT id FROM forms WHERE content_hash = @hash", new { hash });
    }

    /// <summary>Moves a form to another status, if nobody saved since the expected version; records who and why.</summary>
    public async Task<UpdateResult> ChangeStatusAsync(long id, int expectedVersion, FormStatus status, string actor, string? reason, CancellationToken ct = default) =>
        await ChangeStatusAsync(id, expectedVersion, status, actor, reason, [], ct);

    /// <summary>
    /// A status change with comments on single rows (a reviewer returning a form says what to fix where): the
    /// comments are written with the change, in the same transaction, as `comment` entries on `indicators[i]`.
    /// </summary>
    public async Task<UpdateResult> ChangeStatusAsync(long id, int expectedVersion, FormStatus status, string actor, string? reason,
        IReadOnlyList<(int Row, string Text)> rowComments, CancellationToken ct = default) =>
        await ChangeStatusAsync(id, expectedVersion, status, actor, reason, rowComments, null, ct);

    /// <summary>
    /// A status change that may carry row comments (a return) or the acknowledgement of warnings (a submission);
    /// both are written with the change, in the same transaction.
    /// </summary>
    public async Task<UpdateResult> ChangeStatusAsync(long id, int expectedVersion, FormStatus status, string actor, string? reason,
        IReadOnlyList<(int Row, string Text)> rowComments, Acknowledgement? acknowledgement, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var current = await c.QuerySingleOrDefaultAsync<Row>($"{SelectRow} WHERE id = @id", new { id }, tx)
            ?? throw new StorageException($"表 {id} 不存在");
        if (current.Version != expectedVersion)
        {
            var since = await AuditSinceAsync(c, tx, id, expectedVersion);
            await tx.RollbackAsync(ct);
            return new UpdateResult(false, current.Version, since);
        }
        var now = db.Time(clock.GetUtcNow());
        await c.ExecuteAsync("UPDATE forms SET status = @s, version = version + 1, updated_at = @now WHERE id = @id AND version = @expectedVersion",
            new { s = status.ToCode(), now, id, expectedVersion }, tx);
        await c.ExecuteAsync("""
            INSERT INTO audit_log (form_id, at, actor, action, version, field, old_value, new_value, reason)
            VALUES (@id, @now, @actor, 'status', @version, 'status', @old, @new, @reason)
            """, new { id, now, actor, version = expectedVersion + 1, old = current.Status, @new = status.ToCode(), reason }, tx);
        // A comment keeps the row it was written on by name (label) and identity (old_value), so that it can be shown
        // beside that row after the unit inserts or moves rows.
        var rows = rowComments.Count > 0 ? FormJsonReader.Parse(current.Document).Indicators : [];
        foreach (var (row, text) in rowComments)
        {
            var indicator = row >= 0 && row < rows.Count ? rows[row] : null;
            var identity = indicator is null ? null : new RowIdentity(indicator.Level1, indicator.Level2, indicator.Name).ToJson();
            await c.ExecuteAsync("""
                INSERT INTO audit_log (form_id, at, actor, action, version, field, old_value, new_value, label)
                VALUES (@id, @now, @actor, 'comment', @version, @field, @identity, @text, @label)
                """, new { id, now, actor, version = expectedVersion + 1, field = $"indicators[{row}]", identity, text, label = FieldLabels.Row(row, indicator?.Name) }, tx);
        }
        if (acknowledgement is { } ack)
            await c.ExecuteAsync("""
                INSERT INTO audit_log (form_id, at, actor, action, version, new_value, reason)
                VALUES (@id, @now, @actor, 'acknowledge', @version, @warnings, @reason)
                """, new { id, now, actor, version = expectedVersion + 1, warnings = ack.Warnings, reason = ack.Reason }, tx);
        await tx.CommitAsync(ct);
        return new UpdateResult(true, expectedVersion + 1, []);
    }

    /// <summary>
    /// The unit marks a comment of the last return addressed (or not): an <c>addressed</c> row that refers to the
    /// comment, at the form's current version (marking is not an edit: it does not move the version, so the editor's
    /// next save is not stale). Only while the form is returned, and only comments of its last return.
    /// </summary>
    public async Task<MarkOutcome> MarkCommentAsync(long id, long commentId, bool addressed, string actor, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var form = await c.QuerySingleOrDefaultAsync<Row>("SELECT id AS Id, status AS Status, version AS Version FROM forms WHERE id = @id", new { id }, tx);
        if (form is null) return MarkOutcome.NoSuchComment;
        var comment = await c.QuerySingleOrDefaultAsync<(long Id, long Version, string? Field, string? Label)>(
            "SELECT id, version, field, label FROM audit_log WHERE id = @commentId AND form_id = @id AND action = 'comment'", new { commentId, id }, tx);
        if (comment.Id == 0) return MarkOutcome.NoSuchComment;
        if (form.Status != FormStatus.Returned.ToCode()) return MarkOutcome.NotReturned;
        var lastReturn = await c.ExecuteScalarAsync<long?>(
            "SELECT MAX(version) FROM audit_log WHERE form_id = @id AND action = 'status' AND new_value = 'returned'", new { id }, tx);
        if (lastReturn != comment.Version) return MarkOutcome.EarlierReturn;
        await c.ExecuteAsync("""
            INSERT INTO audit_log (form_id, at, actor, action, version, field, new_value, label, refers_to)
            VALUES (@id, @now, @actor, 'addressed', @version, @field, @value, @label, @commentId)
            """, new { id, now = db.Time(clock.GetUtcNow()), actor, version = form.Version, field = comment.Field, value = addressed ? "true" : "false", label = comment.Label, commentId }, tx);
        await tx.CommitAsync(ct);
        return MarkOutcome.Marked;
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.ConnectAsync(ct);
        return await ReadAudit(c, null, "form_id = @id", new { id });
    }

    /// <summary>What the saves after <paramref name="version"/> changed: shown to an editor whose save conflicts.</summary>
    private Task<IReadOnlyList<AuditEntry>> AuditSinceAsync(DbConnection c, DbTransaction tx, long id, int version) =>
        ReadAudit(c, tx, "form_id = @id AND version > @version", new { id, version });

    private async Task<IReadOnlyList<AuditEntry>> ReadAudit(DbConnection c, DbTransaction? tx, string where, object args)
    {
        var rows = await c.QueryAsync<(long Id, string At, string Actor, string Action, long Version, string? Field, string? OldValue, string? NewValue, string? Reason, string? Label, string? Change, long? RefersTo)>(
            $"SELECT id, CAST(at AS TEXT), actor, action, version, field, old_value, new_value, reason, label, change_kind, refers_to FROM audit_log WHERE {where} ORDER BY id", args, tx);
        return rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.Parse(r.At, System.Globalization.CultureInfo.InvariantCulture),
            r.Actor, r.Action, (int)r.Version, r.Field, r.OldValue, r.NewValue, r.Reason, r.Label, r.Change, r.RefersTo)).ToList();
    }

    /// <summary>
    /// Fills the list columns (findings, 执行率, money) of forms stored without them — by an older release, or a batch
    /// import that did not compute them — a page at a time, without touching versions or history. Returns how many.
    /// </summary>
    public async Task<int> FillFiguresAsync(int pageSize = 500, CancellationToken ct = default)
    {
        if (figures is null) return 0;
        int done = 0;
        long last = 0;
        while (!ct.IsCancellationRequested)
        {
            List<(long Id, string Document)> page;
            await using (var c = await db.ConnectAsync(ct))
                page = (await c.QueryAsync<(long, string)>(
                    $"SELECT id, {db.JsonText("document")} FROM forms WHERE error_count IS NULL AND id > @last ORDER BY id LIMIT @pageSize",
                    new { last, pageSize })).ToList();
            if (page.Count == 0) break;
            await using (var c = await db.ConnectAsync(ct))
            await using (var tx = await c.BeginTransactionAsync(ct))
            {
                foreach (var (id, document) in page)
                {
                    var f = figures(FormJsonReader.Parse(document));
                    await c.ExecuteAsync("""
                        UPDATE forms SET error_count = @Errors, warning_count = @Warnings, finding_codes = @Codes,
                               execution_rate = @Rate, budget = @Budget, executed = @Executed, light = @Light
                        WHERE id = @id
                        """, new { id, f.Errors, f.Warnings, Codes = f.CodesText, Rate = db.Number(f.ExecutionRate), Budget = db.Number(f.Budget), Executed = db.Number(f.Executed),
                            Light = f.Light?.ToCode() }, tx);
                }
                await tx.CommitAsync(ct);
            }
            done += page.Count;
            last = page[^1].Id;
        }
        return done;
    }
}

using Dapper;
using Jixiao.Core.Workflow;

namespace Jixiao.Storage;

/// <summary>
/// The figures of one unit and one form kind, summed in SQL over the forms of a filter. Money in 元 and scores are
/// exact (SQLite adds them as whole 分, PostgreSQL as numeric); a dashboard adds units up into 主管部门 and totals.
/// </summary>
public sealed record UnitKindFigures
{
    public long? UnitId { get; init; }
    public string Kind { get; init; } = "";
    public int Forms { get; init; }
    public int WithErrors { get; init; }
    /// <summary>Forms with a 总分, and their sum.</summary>
    public int Scored { get; init; }
    public decimal ScoreSum { get; init; }
    /// <summary>A declaration's 年度资金申请总额, a self-evaluation's 全年预算数 (元).</summary>
    public decimal Budget { get; init; }
    /// <summary>A self-evaluation's 全年执行数 (元).</summary>
    public decimal Executed { get; init; }
    /// <summary>Forms by 等级 优, 良, 中, 差, and without one.</summary>
    public IReadOnlyList<int> Grades { get; init; } = [];
    public int Ungraded { get; init; }
    /// <summary>Forms by <see cref="ExecutionRateBand.All"/>, in its order, and without a 执行率.</summary>
    public IReadOnlyList<int> RateBands { get; init; } = [];
    public int NoRate { get; init; }
}

/// <summary>Forms overdue (a draft or returned form after its window) of one unit, kind and status.</summary>
public sealed record OverdueCount(long? UnitId, string Kind, string Status, int Forms);

/// <summary>What a dashboard is drawn from: three grouped queries over the forms, no document read.</summary>
public sealed record DashboardFigures(IReadOnlyList<UnitKindFigures> Units, IReadOnlyDictionary<string, int> FindingForms, IReadOnlyList<OverdueCount> Overdue);

/// <summary>
/// The dashboards' SQL: GROUP BY over the columns kept beside each form (migration 0003), never the document. The
/// forms are a <see cref="FormFilter"/> (the person's scope, the year, a 主管部门), so that every figure is a count of
/// exactly the forms the same filter lists.
/// </summary>
public sealed class DashboardStore(FormStore forms)
{
    public static readonly IReadOnlyList<string> GradeNames = ["优", "良", "中", "差"];

    /// <param name="filter">The forms counted.</param>
    /// <param name="overdueFilter">The forms looked at for overdue ones: a reviewer's scope leaves drafts out, but how many
    /// of its units' drafts are late is the reviewer's to know (the 工作台 says so too).</param>
    public async Task<DashboardFigures> FiguresAsync(FormFilter filter, FormFilter overdueFilter, CancellationToken ct = default)
    {
        var db = forms.Database;
        var (where, p, _) = forms.Where(filter);
        string Sum(string condition) => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)";
        var rate = FormStore.RateColumn(db);
        var grades = string.Join(", ", GradeNames.Select((g, i) => $"{Sum($"grade = '{g}'")} AS G{i}"));
        var bands = string.Join(", ", ExecutionRateBand.All.Select((b, i) => $"{Sum(BandCondition(rate, b))} AS B{i}"));
        var sql = $"""
            SELECT unit_id AS UnitId, kind AS Kind, COUNT(*) AS Forms, {Sum("error_count > 0")} AS WithErrors,
                   COUNT(total_score) AS Scored, {Cents(db, "total_score")} AS ScoreCents,
                   {Cents(db, "budget")} AS BudgetCents, {Cents(db, "executed")} AS ExecutedCents,
                   {grades}, {Sum("grade IS NULL")} AS Ungraded, {bands}, {Sum("execution_rate IS NULL")} AS NoRate
            FROM forms {where}
            GROUP BY kind, unit_id
            """;
        var (overdueWhere, op, _) = forms.Where(overdueFilter with { Statuses = [FormStatus.Draft, FormStatus.Returned], Status = null });
        var overdueSql = $"""
            SELECT unit_id, kind, status, COUNT(*) FROM forms {And(overdueWhere)} {FormStore.OverdueCondition}
            GROUP BY unit_id, kind, status
            """;
        // The codes of a form are kept together ('|a|b|'): few forms differ in the set, so the sets are counted in SQL
        // and split here.
        var findingsSql = $"SELECT finding_codes, COUNT(*) FROM forms {And(where)} finding_codes <> '' GROUP BY finding_codes";

        await using var c = await db.ConnectAsync(ct);
        var rows = (await c.QueryAsync(new CommandDefinition(sql, p, cancellationToken: ct)))
            // PostgreSQL folds the aliases to lower case: read them by name whatever the case.
            .Select(r => Read(new Dictionary<string, object?>((IDictionary<string, object?>)r, StringComparer.OrdinalIgnoreCase))).ToList();
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codes, count) in await c.QueryAsync<(string Codes, long Count)>(new CommandDefinition(findingsSql, p, cancellationToken: ct)))
            foreach (var code in codes.Split('|', StringSplitOptions.RemoveEmptyEntries))
                findings[code] = findings.GetValueOrDefault(code) + (int)count;
        var overdue = overdueFilter.Today is null ? [] : (await c.QueryAsync<(long? UnitId, string Kind, string Status, long Count)>(
                new CommandDefinition(overdueSql, op, cancellationToken: ct)))
            .Select(r => new OverdueCount(r.UnitId, r.Kind, r.Status, (int)r.Count)).ToList();
        return new DashboardFigures(rows, findings, overdue);
    }

    /// <summary>The latest year any form of the filter is of (a dashboard opens on it), or null when there is none.</summary>
    public async Task<int?> LatestYearAsync(FormFilter filter, CancellationToken ct = default)
    {
        var (where, p, _) = forms.Where(filter);
        await using var c = await forms.Database.ConnectAsync(ct);
        return await c.ExecuteScalarAsync<int?>(new CommandDefinition(
            $"SELECT year FROM forms {And(where)} year IS NOT NULL ORDER BY year DESC LIMIT 1", p, cancellationToken: ct));
    }

    /// <summary>The SQL of a band: the same bounds the list's `rate` filter compares with.</summary>
    static string BandCondition(string rate, ExecutionRateBand b)
    {
        static string N(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (b.From is { } f) parts.Add($"{rate} >= {N(f)}");
        if (b.Below is { } u) parts.Add($"{rate} < {N(u)}");
        return string.Join(" AND ", parts);
    }

    /// <summary>
    /// A sum of money or scores in whole 分 (hundredths), exact: SQLite keeps them as decimal text, and a REAL sum would
    /// drift, so each value (at most two places, below 10¹³) becomes an integer first; PostgreSQL sums numeric.
    /// </summary>
    static string Cents(Database db, string column) => db.Kind == DatabaseKind.Sqlite
        ? $"COALESCE(SUM(CAST(ROUND(CAST({column} AS REAL) * 100) AS INTEGER)), 0)"
        : $"COALESCE(CAST(SUM({column}) * 100 AS bigint), 0)";

    static string And(string where) => where.Length == 0 ? "WHERE" : where + " AND";

    static UnitKindFigures Read(IDictionary<string, object?> r)
    {
        int I(string k) => r[k] is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
        decimal FromCents(string k) => (r[k] is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : 0L) / 100m;
        return new UnitKindFigures
        {
            UnitId = r["UnitId"] is { } u ? Convert.ToInt64(u, System.Globalization.CultureInfo.InvariantCulture) : null,
            Kind = (string)r["Kind"]!,
            Forms = I("Forms"),
            WithErrors = I("WithErrors"),
            Scored = I("Scored"),
            ScoreSum = FromCents("ScoreCents"),
            Budget = FromCents("BudgetCents"),
            Executed = FromCents("ExecutedCents"),
            Grades = GradeNames.Select((_, i) => I($"G{i}")).ToList(),
            Ungraded = I("Ungraded"),
            RateBands = ExecutionRateBand.All.Select((_, i) => I($"B{i}")).ToList(),
            NoRate = I("NoRate"),
        };
    }
}

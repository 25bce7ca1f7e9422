using Dapper;

namespace Jixiao.Storage;

/// <summary>A form of a project's chain, or of a 汇总表: its list line and its figures, without the document.</summary>
public sealed record ProjectForm : FormLine
{
    /// <summary>Exact decimal text in 元: a declaration's 年度资金申请总额, a self-evaluation's 全年预算数.</summary>
    public string? Budget { get; init; }
    public string? Executed { get; init; }
    public string? ExecutionRate { get; init; }
}

/// <summary>
/// A project's forms as one chain: the declaration, each 调整 (a revision names the one it adjusts, `adjusts_id`) and
/// the self-evaluations bound to any of them (`declaration_id`); and a unit's declarations of a year as they stand.
/// </summary>
public sealed class ProjectStore(FormStore forms)
{
    /// <summary>More links than this in one chain is a loop or damage, not a project.</summary>
    const int MaxSteps = 100;

    const string Columns = FormStore.LineColumns + """
        , CAST(budget AS TEXT) AS Budget, CAST(executed AS TEXT) AS Executed, CAST(execution_rate AS TEXT) AS ExecutionRate
        """;

    /// <summary>
    /// Every form of the project that <paramref name="id"/> belongs to, in the order made (by id); empty when there is
    /// no such form. Walks up to the first declaration, then down through revisions and self-evaluations: a few
    /// indexed lookups (the partial indexes on adjusts_id and declaration_id), whatever the table holds.
    /// </summary>
    public async Task<IReadOnlyList<ProjectForm>> ChainAsync(long id, CancellationToken ct = default)
    {
        var db = forms.Database;
        await using var c = await db.ConnectAsync(ct);
        long? current = id, root = null;
        for (int step = 0; current is { } at && step < MaxSteps; step++)
        {
            var links = (await c.QueryAsync<(long Id, long? AdjustsId, long? DeclarationId)>(new CommandDefinition(
                "SELECT id, adjusts_id, declaration_id FROM forms WHERE id = @at", new { at }, cancellationToken: ct))).ToList();
            if (links.Count == 0) break;
            var l = links[0];
            root = l.Id;
            current = l.AdjustsId ?? l.DeclarationId;
        }
        if (root is null) return [];
        var all = new HashSet<long> { root.Value };
        var frontier = new List<long> { root.Value };
        for (int step = 0; frontier.Count > 0 && step < MaxSteps; step++)
        {
            var children = await c.QueryAsync<long>(new CommandDefinition(
                $"SELECT id FROM forms WHERE {db.OneOf("adjusts_id", "ids")} OR {db.OneOf("declaration_id", "ids")}", new { ids = frontier.ToArray() }, cancellationToken: ct));
            frontier = children.Where(all.Add).ToList();
        }
        return (await c.QueryAsync<ProjectForm>(new CommandDefinition(
            $"SELECT {Columns} FROM forms WHERE {db.OneOf("id", "ids")} ORDER BY id", new { ids = all.ToArray() }, cancellationToken: ct))).ToList();
    }

    /// <summary>The forms of a filter with their figures, by 项目名称 (a 汇总表's order), at most <see cref="FormFilter.Limit"/>.</summary>
    public async Task<IReadOnlyList<ProjectForm>> ListAsync(FormFilter filter, CancellationToken ct = default)
    {
        var (where, p, _) = forms.Where(filter);
        p.Add("limit", Math.Clamp(filter.Limit, 1, 10_000));
        await using var c = await forms.Database.ConnectAsync(ct);
        return (await c.QueryAsync<ProjectForm>(new CommandDefinition(
            $"SELECT {Columns} FROM forms {where} ORDER BY project_name, id LIMIT @limit", p, cancellationToken: ct))).ToList();
    }
}

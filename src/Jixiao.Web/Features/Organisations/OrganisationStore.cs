using Dapper;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Organisations;

public sealed record Organisation(long Id, string Name, string Kind, long? ParentId);

/// <summary>The organisation tree 财政部门 → 主管部门 → 实施单位, and which units a person may see.</summary>
public sealed class OrganisationStore(Database db)
{
    public const string FinanceBureau = OrganisationTree.FinanceBureau;

    private sealed class OrgRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public long? ParentId { get; init; }
    }

    public async Task<IReadOnlyList<Organisation>> AllAsync()
    {
        await using var c = await db.ConnectAsync();
        return (await c.QueryAsync<OrgRow>("SELECT id AS Id, name AS Name, kind AS Kind, parent_id AS ParentId FROM organisations ORDER BY id"))
            .Select(r => new Organisation(r.Id, r.Name, r.Kind, r.ParentId)).ToList();
    }

    /// <summary>A new name for an organisation. Forms already stored keep the name they were printed with.</summary>
    public async Task RenameAsync(long id, string name)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE organisations SET name = @name WHERE id = @id", new { id, name });
    }

    /// <summary>The unit of a form, creating it (and its 主管部门 under the finance bureau) when new.</summary>
    public async Task<long?> EnsureUnitAsync(string? department, string? unit)
    {
        await using var c = await db.ConnectAsync();
        return await OrganisationTree.EnsureUnitAsync(c, null, department, unit);
    }

    public async Task<long> EnsureAsync(string name, string kind, long? parentId)
    {
        await using var c = await db.ConnectAsync();
        return await OrganisationTree.EnsureAsync(c, null, name, kind, parentId);
    }

    /// <summary>The units under an organisation: itself if a unit, its units if a 主管部门, every unit if the finance bureau.</summary>
    public async Task<IReadOnlyList<long>> UnitsUnderAsync(long organisationId)
    {
        var all = await AllAsync();
        var org = all.FirstOrDefault(o => o.Id == organisationId);
        if (org is null) return [];
        return org.Kind switch
        {
            "unit" => [org.Id],
            "department" => all.Where(o => o.Kind == "unit" && o.ParentId == org.Id).Select(o => o.Id).ToList(),
            _ => all.Where(o => o.Kind == "unit").Select(o => o.Id).ToList(),
        };
    }
}

using System.ComponentModel;
using System.Data.Common;
using Dapper;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Organisations;

[Description("机构")]
public sealed record Organisation(
    [property: Description("编号")] long Id,
    [property: Description("名称")] string Name,
    [property: Description("类型（finance 财政部门 / department 主管部门 / unit 实施单位）")] string Kind,
    [property: Description("上级机构编号")] long? ParentId,
    [property: Description("是否启用（停用的单位不再新建绩效表，已有的照常查看）")] bool Active = true);

/// <summary>The organisation tree 财政部门 → 主管部门 → 实施单位, and which units a person may see.</summary>
public sealed class OrganisationStore(Database db, TimeProvider clock)
{
    public const string FinanceBureau = OrganisationTree.FinanceBureau;

    /// <summary>The three kinds, by code, with their Chinese names; a kind's parent is of the kind before it.</summary>
    public static readonly IReadOnlyDictionary<string, string> KindNames = new Dictionary<string, string>
    {
        ["finance"] = "财政部门", ["department"] = "主管部门", ["unit"] = "实施单位",
    };

    /// <summary>The kind an organisation of this kind sits under; null for the finance bureau, which has none.</summary>
    public static string? ParentKind(string kind) => kind switch { "unit" => "department", "department" => "finance", _ => null };

    private sealed class OrgRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public long? ParentId { get; init; }
        public string? DeactivatedAt { get; init; }
    }

    // Every page reads the tree (scopes, filters, names); it is read again only after a write moved the data version.
    private readonly UntilChanged kept = new(capacity: 1);

    public async Task<IReadOnlyList<Organisation>> AllAsync()
    {
        await using var c = await db.ConnectAsync();
        return await kept.GetAsync<IReadOnlyList<Organisation>>(c, "organisations", async () =>
            (await c.QueryAsync<OrgRow>("SELECT id AS Id, name AS Name, kind AS Kind, parent_id AS ParentId, CAST(deactivated_at AS TEXT) AS DeactivatedAt FROM organisations ORDER BY id"))
            .Select(r => new Organisation(r.Id, r.Name, r.Kind, r.ParentId, r.DeactivatedAt is null)).ToList());
    }

    /// <summary>A new name and parent for an organisation. Forms already stored keep the names they were printed with.</summary>
    public async Task UpdateAsync(long id, string name, long? parentId)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE organisations SET name = @name, parent_id = @parentId WHERE id = @id", new { id, name, parentId });
    }

    /// <summary>Deactivated: no new forms for the unit; nothing is deleted and its people still read. Or active again.</summary>
    public async Task SetActiveAsync(long id, bool active)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync(active
            ? "UPDATE organisations SET deactivated_at = NULL WHERE id = @id"
            : "UPDATE organisations SET deactivated_at = @now WHERE id = @id AND deactivated_at IS NULL", new { id, now = db.Time(clock.GetUtcNow()) });
    }

    /// <summary>Whether the unit takes new forms: not when it is deactivated. No unit (null) is not this rule's business.</summary>
    public async Task<bool> IsActiveAsync(long? id)
    {
        if (id is not { } unit) return true;
        await using var c = await db.ConnectAsync();
        var deactivated = await c.ExecuteScalarAsync<string?>("SELECT CAST(deactivated_at AS TEXT) FROM organisations WHERE id = @unit", new { unit });
        return deactivated is null;
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

    /// <summary>A new organisation inside the caller's transaction (the import writes the whole tree in one).</summary>
    public static Task<long> InsertAsync(DbConnection c, DbTransaction tx, string name, string kind, long? parentId) =>
        c.ExecuteScalarAsync<long>("INSERT INTO organisations (name, kind, parent_id) VALUES (@name, @kind, @parentId) RETURNING id",
            new { name, kind, parentId }, tx);

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

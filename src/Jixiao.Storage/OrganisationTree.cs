using System.Data.Common;
using Dapper;

namespace Jixiao.Storage;

/// <summary>
/// The organisation tree 财政部门 → 主管部门 → 实施单位 as forms name it. Shared by the web application (one form at a
/// time) and the batch import (inside its batch transaction), so that both create the same organisations.
/// </summary>
public static class OrganisationTree
{
    public const string FinanceBureau = "财政局";

    /// <summary>The unit of a form, creating it (and its 主管部门 under the finance bureau) when new; null without a unit name.</summary>
    public static async Task<long?> EnsureUnitAsync(DbConnection c, DbTransaction? tx, string? department, string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return null;
        var finance = await EnsureAsync(c, tx, FinanceBureau, "finance", null);
        long? parent = string.IsNullOrWhiteSpace(department) ? finance : await EnsureAsync(c, tx, department, "department", finance);
        return await EnsureAsync(c, tx, unit, "unit", parent);
    }

    /// <summary>
    /// The organisation of that kind and name, created under <paramref name="parentId"/> when new. A name already
    /// known keeps its first parent: names are unique per kind.
    /// </summary>
    public static async Task<long> EnsureAsync(DbConnection c, DbTransaction? tx, string name, string kind, long? parentId)
    {
        var id = await c.ExecuteScalarAsync<long?>("SELECT id FROM organisations WHERE kind = @kind AND name = @name", new { kind, name }, tx);
        if (id is { } existing) return existing;
        // DO UPDATE rather than DO NOTHING so that RETURNING gives the id also when another writer created it meanwhile.
        return await c.ExecuteScalarAsync<long>("""
            INSERT INTO organisations (name, kind, parent_id) VALUES (@name, @kind, @parentId)
            ON CONFLICT (kind, name) DO UPDATE SET name = excluded.name
            RETURNING id
            """, new { name, kind, parentId }, tx);
    }
}

using System.Runtime.CompilerServices;
using Dapper;

namespace Jixiao.Storage.Ingest;

/// <summary>A stored form's id, its document (the JSON format) and the unit it is stored under.</summary>
public sealed record StoredDocument(long Id, string Document, long? UnitId = null);

/// <summary>
/// Every stored form, page by page in id order: keyset paging (`id > last`), so each page costs the same however far
/// in, and the caller holds one page at a time.
/// </summary>
public static class FormPages
{
    /// <param name="kinds">Only forms of these kinds (`target-declaration` …); every form when null.</param>
    public static async IAsyncEnumerable<IReadOnlyList<StoredDocument>> ReadAsync(Database db, int pageSize = 1_000,
        [EnumeratorCancellation] CancellationToken ct = default, IReadOnlyList<string>? kinds = null)
    {
        await using var c = await db.ConnectAsync(ct);
        long last = 0;
        while (true)
        {
            var p = new DynamicParameters(new { last, pageSize });
            if (kinds is not null) p.Add("kinds", kinds.ToArray());
            var page = (await c.QueryAsync<(long Id, string Document, long? UnitId)>(new CommandDefinition(
                $"SELECT id, {db.JsonText("document")}, unit_id FROM forms WHERE id > @last{(kinds is null ? "" : " AND " + db.OneOf("kind", "kinds"))} ORDER BY id LIMIT @pageSize",
                p, cancellationToken: ct))).Select(r => new StoredDocument(r.Id, r.Document, r.UnitId)).ToList();
            if (page.Count == 0) yield break;
            last = page[^1].Id;
            yield return page;
        }
    }
}

using System.Runtime.CompilerServices;
using Dapper;

namespace Jixiao.Storage.Ingest;

/// <summary>A stored form's id and its document (the JSON format).</summary>
public sealed record StoredDocument(long Id, string Document);

/// <summary>
/// Every stored form, page by page in id order: keyset paging (`id > last`), so each page costs the same however far
/// in, and the caller holds one page at a time.
/// </summary>
public static class FormPages
{
    /// <param name="kind">Only forms of this kind (`target-declaration` …); every form when null.</param>
    public static async IAsyncEnumerable<IReadOnlyList<StoredDocument>> ReadAsync(Database db, int pageSize = 1_000,
        [EnumeratorCancellation] CancellationToken ct = default, string? kind = null)
    {
        await using var c = await db.ConnectAsync(ct);
        long last = 0;
        while (true)
        {
            var page = (await c.QueryAsync<(long Id, string Document)>(new CommandDefinition(
                $"SELECT id, {db.JsonText("document")} FROM forms WHERE id > @last{(kind is null ? "" : " AND kind = @kind")} ORDER BY id LIMIT @pageSize",
                new { last, pageSize, kind }, cancellationToken: ct))).Select(r => new StoredDocument(r.Id, r.Document)).ToList();
            if (page.Count == 0) yield break;
            last = page[^1].Id;
            yield return page;
        }
    }
}

using Jixiao.Core.Interchange;
using Jixiao.Core.Review;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Storage.Ingest;

namespace Jixiao.Cli;

/// <summary>`jixiao check --db …`: the stored forms, read a page at a time (twice: the first pass gathers the ambition checks' history and peers), reviewed and scored on every core.</summary>
internal static class StoredCheck
{
    /// <summary>
    /// Hands every stored form, checked, to <paramref name="checkedForm"/> in id order, one page at a time: the caller
    /// decides what to keep, so memory holds one page of forms however many are stored. False (with a message) when
    /// the database cannot be read.
    /// </summary>
    public static async Task<bool> CheckAllAsync(string connection, ProfileChoice choice, Action<PortfolioEntry> checkedForm, CancellationToken ct)
    {
        try
        {
            var db = Database.Open(connection);
            if (db.Kind == DatabaseKind.Sqlite && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource is var file
                && !File.Exists(file))
            {
                // Opening would create an empty database and report "no forms": say what is wrong instead.
                Console.Error.WriteLine($"错误：数据库文件 {file} 不存在");
                return false;
            }
            // First pass: the history and peers of the ambition checks, as small facts by unit and indicator (no documents kept).
            var ambition = new AmbitionIndex();
            await foreach (var page in FormPages.ReadAsync(db, 2_000, ct))
                foreach (var form in page.AsParallel().AsOrdered().Select(d => FormJsonReader.Parse(d.Document)).ToList())
                    ambition.Add(form);
            await foreach (var page in FormPages.ReadAsync(db, 2_000, ct))
            {
                // Keyset pages of 2,000: one query per page, and parsing plus checking (the cost) runs in parallel.
                var entries = page.AsParallel().AsOrdered().Select(d =>
                {
                    var form = FormJsonReader.Parse(d.Document);
                    return PortfolioEntry.Check(form, choice.For(form), ambition.For(form));
                }).ToList();
                foreach (var e in entries) checkedForm(e);
            }
        }
        catch (StorageException ex)
        {
            Console.Error.WriteLine("错误：" + ex.Message);
            return false;
        }
        catch (System.Data.Common.DbException ex)
        {
            Console.Error.WriteLine($"错误：无法读取数据库中的表：{ex.Message}（是否已导入？先运行 jixiao import … --db …）");
            return false;
        }
        return true;
    }
}

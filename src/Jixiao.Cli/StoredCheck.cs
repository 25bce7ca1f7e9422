using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Storage.Ingest;

namespace Jixiao.Cli;

/// <summary>`jixiao check --db …`: the stored forms, read a page at a time, reviewed and scored on every core.</summary>
internal static class StoredCheck
{
    /// <summary>
    /// Hands every stored form, checked, to <paramref name="checkedForm"/> in id order (the declarations last: they are
    /// checked beside the history and peers the first pass gathers), one page at a time: the caller
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
            // Keyset pages of 2,000: one query per page, and parsing plus checking (the cost) runs in parallel. Every form
            // goes into the ambition index (facts by unit and indicator, not documents); all but the declarations are
            // checked at once. The declarations are read again after, when their unit's history and their peers are known.
            var ambition = new AmbitionIndex();
            await foreach (var page in FormPages.ReadAsync(db, 2_000, ct))
            {
                var forms = page.AsParallel().AsOrdered().Select(d => FormJsonReader.Parse(d.Document)).ToList();
                foreach (var form in forms) ambition.Add(form);
                var entries = forms.Where(f => f is not TargetDeclaration).AsParallel().AsOrdered()
                    .Select(f => PortfolioEntry.Check(f, choice.For(f))).ToList();
                foreach (var e in entries) checkedForm(e);
            }
            await foreach (var page in FormPages.ReadAsync(db, 2_000, ct, kinds: [FormKind.TargetDeclaration.ToCode()]))
            {
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

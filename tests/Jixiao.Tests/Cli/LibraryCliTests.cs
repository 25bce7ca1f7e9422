using Jixiao.Formats.Import;
using Jixiao.Storage;

namespace Jixiao.Tests.Cli;

/// <summary>`jixiao db library`: the 指标库 gathered from a real SQLite file's forms, and gathered again without adding.</summary>
public class LibraryCliTests
{
    [Fact]
    public async Task Gathering_the_library_adds_the_seed_forms_indicators_once()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"jixiao-library-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "jixiao.db");
        try
        {
            var db = Database.Open(file);
            await db.MigrateAsync();
            var store = new FormStore(db, TimeProvider.System);
            foreach (var f in FormImporter.ImportFile(TestData.CaseInput("seed-003")).Forms) await store.ImportAsync(f, null, "test");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            var first = CliProcess.Jixiao("db", "library", "--db", file);
            var second = CliProcess.Jixiao("db", "library", "--db", file);

            // seed-003: three declarations, 68 rows, 65 indicators once grouped (IndicatorLibraryTests lists them by hand).
            Assert.Equal(0, first.Exit);
            Assert.Contains("读取 3 张表，新增 65 条（待审定），更新 0 条", first.Out);
            Assert.Contains("读取 3 张表，新增 0 条（待审定），更新 65 条", second.Out);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}

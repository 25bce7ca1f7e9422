using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Storage.Ingest;
using Jixiao.Cli.Ingest;

namespace Jixiao.Cli;

/// <summary>`jixiao import DIR... --db …`: the batch import with live progress and a summary a person or a script can read.</summary>
internal static class BulkImport
{
    public static async Task<int> RunAsync(string[] paths, string connection, bool json, int? batchSize, int? parallelism, CancellationToken ct)
    {
        var (files, missing) = FileArguments.Expand(paths);
        Database db;
        try
        {
            db = Database.Open(connection);
            // The schema is created or brought up to date first: an import into a new file needs no separate step.
            await db.MigrateAsync(ct);
        }
        catch (StorageException ex)
        {
            Console.Error.WriteLine("错误：" + ex.Message);
            return 2;
        }

        // The list columns (findings, 执行率, money) are computed as the forms are read, with each form's own profile.
        var profiles = ProfileChoice.Create(null, Console.Error);
        var options = new BatchImportOptions
        {
            BatchSize = batchSize is > 0 ? batchSize.Value : 5_000,
            Parallelism = parallelism ?? Environment.ProcessorCount,
            Actor = $"cli:{Environment.UserName}",
            Figures = profiles is null ? null : form => Jixiao.Core.Workflow.FormFigures.Of(form, profiles.For(form)),
        };
        var progress = new BatchImportProgress();
        using var display = new ProgressDisplay(progress, Console.Error);
        BatchImportSummary summary;
        try
        {
            summary = await BatchImport.RunAsync(db, files, options, progress, display.AfterBatch, ct);
        }
        catch (StorageException ex)
        {
            display.Finish();
            Console.Error.WriteLine($"错误：{ex.Message}（已提交的批次保留；再次运行同一命令即可继续，已存的表会被跳过）");
            return 2;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            display.Finish();
            Console.Error.WriteLine($"错误：写入数据库失败：{ex.Message}（已提交的批次保留；再次运行同一命令即可继续，已存的表会被跳过）");
            return 2;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            display.Finish();
            Console.Error.WriteLine($"错误：写入数据库失败：{ex.Message}（已提交的批次保留；再次运行同一命令即可继续，已存的表会被跳过）");
            return 2;
        }
        display.Finish();

        var failures = missing.Select(m => new ImportFailure(m, null, "找不到文件或文件夹")).Concat(summary.Failures).ToList();
        if (files.Count == 0 && missing.Count == 0) failures.Add(new ImportFailure(string.Join(" ", paths), null, "没有可读的文件"));
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

        if (json) Console.WriteLine(Json(summary, failures, peakMb).ToJsonString(FormJson.Options));
        else
        {
            foreach (var f in failures) Console.Error.WriteLine(f.Line is { } l ? $"错误：{f.File}:{l}: {f.Message}" : $"错误：{f.File}: {f.Message}");
            Console.WriteLine(Text(summary, failures.Count, peakMb));
        }
        if (summary.Interrupted)
        {
            Console.Error.WriteLine("已中断：已提交的批次保留，进行中的批次已回滚。再次运行同一命令即可继续，已存的表会被跳过。");
            return 130;
        }
        if (summary.Read == 0) return 2;
        return failures.Count > 0 ? 1 : 0;
    }

    private static string Text(BatchImportSummary s, int failed, double peakMb)
    {
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        return $"导入完成：读取 {s.Read:N0} 张表（{s.Files:N0} 个文件），新存入 {s.Stored:N0}，跳过（已存在）{s.Skipped:N0}，失败 {failed:N0}；" +
               $"用时 {seconds:F1} 秒（{s.Read / seconds:N0} 张/秒），内存峰值 {peakMb:N0} MB";
    }

    private static JsonObject Json(BatchImportSummary s, List<ImportFailure> failures, double peakMb) => new()
    {
        ["files"] = s.Files,
        ["read"] = s.Read,
        ["stored"] = s.Stored,
        ["skipped"] = s.Skipped,
        ["failed"] = failures.Count,
        ["interrupted"] = s.Interrupted,
        ["seconds"] = Math.Round(s.Elapsed.TotalSeconds, 3),
        ["writerSeconds"] = Math.Round(s.WriterBusy.TotalSeconds, 3),
        ["formsPerSecond"] = Math.Round(s.Read / Math.Max(s.Elapsed.TotalSeconds, 0.001), 0),
        ["peakMemoryMB"] = Math.Round(peakMb, 1),
        ["failures"] = new JsonArray(failures.Select(f => (JsonNode)new JsonObject
        {
            ["file"] = f.File,
            ["line"] = f.Line,
            ["message"] = f.Message,
        }).ToArray()),
    };
}

/// <summary>
/// Progress on standard error: on a terminal one line redrawn four times a second with rate and ETA; when
/// redirected, a plain line after the first batch and then at most every two seconds (a log should not fill up).
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly BatchImportProgress _p;
    private readonly TextWriter _out;
    private readonly bool _live = !Console.IsErrorRedirected;
    private readonly Timer? _timer;
    private readonly Lock _lock = new();
    private TimeSpan _lastPlain = TimeSpan.MinValue;
    private bool _finished;

    public ProgressDisplay(BatchImportProgress progress, TextWriter output)
    {
        _p = progress;
        _out = output;
        if (_live) _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public void AfterBatch(BatchImportProgress p)
    {
        if (_live) return;
        lock (_lock)
        {
            if (_p.Batches > 1 && p.Elapsed - _lastPlain < TimeSpan.FromSeconds(2)) return;
            _lastPlain = p.Elapsed;
            _out.WriteLine(Line());
        }
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (_finished) return;
            var line = Line();
            _out.Write("\r" + line + new string(' ', Math.Max(0, 100 - line.Length * 2)));
            _out.Flush();
        }
    }

    private string Line()
    {
        var seconds = Math.Max(_p.Elapsed.TotalSeconds, 0.001);
        var rate = _p.Read / seconds;
        var done = _p.FilesTotal == 0 ? 1.0 : (double)_p.FilesDone / _p.FilesTotal;
        var eta = done <= 0 ? "—" : Duration(seconds / done - seconds);
        return $"进度 {done * 100:F1}%：文件 {_p.FilesDone:N0}/{_p.FilesTotal:N0}，读取 {_p.Read:N0} 张表（{rate:N0} 张/秒），" +
               $"新存入 {_p.Stored:N0}，跳过 {_p.Skipped:N0}，失败 {_p.Failed:N0}，预计还需 {eta}";
    }

    private static string Duration(double s) =>
        s < 60 ? $"{s:F0} 秒" : s < 3600 ? $"{(int)(s / 60)} 分 {(int)(s % 60)} 秒" : $"{(int)(s / 3600)} 小时 {(int)(s % 3600 / 60)} 分";

    public void Finish()
    {
        lock (_lock)
        {
            if (_finished) return;
            _finished = true;
            _timer?.Dispose();
            if (_live) { _out.Write("\r" + Line()); _out.WriteLine(); }
        }
    }

    public void Dispose() => Finish();
}

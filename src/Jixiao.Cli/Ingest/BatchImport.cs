using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Storage;
using Jixiao.Storage.Ingest;

namespace Jixiao.Cli.Ingest;

public sealed record BatchImportOptions
{
    /// <summary>Forms per transaction: a batch is stored whole or not at all.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>
    /// Parsed forms waiting for the writer, at most. This, not the number of files or the batch size, bounds the forms
    /// in memory (a prepared form is about 15 KB: its document as a string): the writer sends each form to the database
    /// as it takes it, and the batch lives in the database's transaction. A small queue is enough: it only has to keep
    /// the writer busy while the readers parse the next files.
    /// </summary>
    public int QueueCapacity { get; init; } = 1_000;

    /// <summary>Files read and parsed at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Who the audit rows name.</summary>
    public string Actor { get; init; } = "import";

    /// <summary>What lists show beside a form (findings, 执行率, money), computed by the readers; null leaves them empty
    /// (the web app fills them in later).</summary>
    public Func<PerformanceForm, Jixiao.Core.Workflow.FormFigures>? Figures { get; init; }
}

/// <summary>A file, or a form in it, that could not be read.</summary>
public sealed record ImportFailure(string File, int? Line, string Message);

/// <summary>The outcome of a batch import.</summary>
public sealed record BatchImportSummary(
    int Files, long Read, long Stored, long Skipped, IReadOnlyList<ImportFailure> Failures, TimeSpan Elapsed, bool Interrupted,
    long PeakPending, TimeSpan WriterBusy, long PeakHeld)
{
    public int Failed => Failures.Count;
}

/// <summary>
/// Live counters of a running import, safe to read from another thread (the progress display polls them).
/// </summary>
public sealed class BatchImportProgress
{
    private long _filesDone, _read, _stored, _skipped, _failed, _pending, _peakPending, _held, _peakHeld, _producerWaits, _batches, _writerTicks;
    private readonly Stopwatch _clock = new();

    public int FilesTotal { get; internal set; }
    public long FilesDone => Volatile.Read(ref _filesDone);
    public long Read => Volatile.Read(ref _read);
    public long Stored => Volatile.Read(ref _stored);
    public long Skipped => Volatile.Read(ref _skipped);
    public long Failed => Volatile.Read(ref _failed);
    public long Batches => Volatile.Read(ref _batches);

    /// <summary>Forms parsed and not yet written: in the queue, in a reader's hands or in the batch being built.</summary>
    public long Pending => Volatile.Read(ref _pending);
    public long PeakPending => Volatile.Read(ref _peakPending);

    /// <summary>
    /// Forms held in this process: parsed and not yet handed to the database (in the queue or in a reader's hands).
    /// What the import's memory grows with; bounded by the queue and the readers, not by the batch or the input.
    /// </summary>
    public long Held => Volatile.Read(ref _held);
    public long PeakHeld => Volatile.Read(ref _peakHeld);

    /// <summary>How often a reader found the queue full and had to wait for the writer: the bound at work.</summary>
    public long ProducerWaits => Volatile.Read(ref _producerWaits);
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Time the writer spent storing batches (the database's share of the run; the rest is reading and parsing).</summary>
    public TimeSpan WriterBusy => TimeSpan.FromTicks(Volatile.Read(ref _writerTicks));

    internal void Start() => _clock.Start();
    internal void Stop() => _clock.Stop();
    internal void FileDone() => Interlocked.Increment(ref _filesDone);
    internal void Failure() => Interlocked.Increment(ref _failed);
    internal void Waited() => Interlocked.Increment(ref _producerWaits);

    internal void Parsed()
    {
        Interlocked.Increment(ref _read);
        Peak(ref _peakPending, Interlocked.Increment(ref _pending));
        Peak(ref _peakHeld, Interlocked.Increment(ref _held));
    }

    internal void HandedToDatabase() => Interlocked.Decrement(ref _held);

    private static void Peak(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen) { }
    }

    internal void Written(int forms, int stored, TimeSpan took)
    {
        Interlocked.Add(ref _writerTicks, took.Ticks);
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _skipped, forms - stored);
        Interlocked.Add(ref _pending, -forms);
        Interlocked.Increment(ref _batches);
    }
}

/// <summary>
/// Imports many files into the database: files are read and parsed in parallel into a bounded queue, one writer
/// stores them in batches, each batch one transaction (PostgreSQL: binary COPY into a staging table, then one
/// INSERT … SELECT; SQLite: prepared statements). A form whose content is stored already is skipped, so a second run
/// adds nothing and an interrupted run, run again, completes without duplicates: a batch is committed whole or not at
/// all, with its organisations and audit rows.
/// </summary>
public static class BatchImport
{
    /// <param name="afterBatch">Called on the writer after each committed batch.</param>
    public static async Task<BatchImportSummary> RunAsync(Database db, IReadOnlyList<string> files, BatchImportOptions options,
        BatchImportProgress? progress = null, Action<BatchImportProgress>? afterBatch = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        progress ??= new BatchImportProgress();
        progress.FilesTotal = files.Count;
        progress.Start();
        var failures = new ConcurrentQueue<ImportFailure>();
        var queue = Channel.CreateBounded<FormRow>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var readers = Task.Run(async () =>
        {
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = stop.Token };
                await Parallel.ForEachAsync(files, parallel, async (file, token) =>
                {
                    var result = FormImporter.ImportFile(file);
                    foreach (var p in result.Problems.Where(p => p.IsError))
                    {
                        failures.Enqueue(new ImportFailure(p.File, p.Line, p.Message));
                        progress.Failure();
                    }
                    foreach (var form in result.Forms)
                    {
                        var prepared = FormRow.Of(form, options.Figures?.Invoke(form));
                        progress.Parsed();
                        if (!queue.Writer.TryWrite(prepared))
                        {
                            progress.Waited();
                            await queue.Writer.WriteAsync(prepared, token);
                        }
                    }
                    progress.FileDone();
                });
                queue.Writer.Complete();
            }
            catch (Exception ex)
            {
                queue.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        bool interrupted = false;
        try
        {
            await using var writer = await BatchWriter.OpenAsync(db, options.Actor, ct);
            long busy = 0;
            async Task CommitAsync()
            {
                var started = Stopwatch.GetTimestamp();
                var forms = writer.Pending;
                var stored = await writer.CommitAsync(ct);
                busy += Stopwatch.GetTimestamp() - started;
                progress.Written(forms, stored, Stopwatch.GetElapsedTime(0, busy));
                busy = 0;
                afterBatch?.Invoke(progress);
            }
            await foreach (var form in queue.Reader.ReadAllAsync(ct))
            {
                var started = Stopwatch.GetTimestamp();
                await writer.AddAsync(form, ct);
                busy += Stopwatch.GetTimestamp() - started;
                progress.HandedToDatabase();
                if (writer.Pending >= options.BatchSize) await CommitAsync();
            }
            if (writer.Pending > 0) await CommitAsync();
            // The table's shape changed (often from empty to 100,000 forms): the planner learns it now.
            if (progress.Stored > 0) await db.AnalyzeAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The batch in progress was rolled back with its transaction; what was committed stays, and a re-run skips it.
            interrupted = true;
        }
        finally
        {
            stop.Cancel();
            try { await readers; } catch (OperationCanceledException) { }
            progress.Stop();
        }

        var ordered = failures.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line ?? 0).ToList();
        return new BatchImportSummary(files.Count, progress.Read, progress.Stored, progress.Skipped, ordered, progress.Elapsed,
            interrupted, progress.PeakPending, progress.WriterBusy, progress.PeakHeld);
    }
}

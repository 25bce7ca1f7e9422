using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Import;

namespace Jixiao.Cli;

/// <summary>
/// `jixiao import FILES [--json]` without --db: every file is read, and its part of the output made (its forms as
/// JSON array elements, or as the text listing) and its messages, on one of several reader threads; this thread writes
/// the parts in file order through one large buffer. The bytes are those of reading every file first and then writing
/// all forms at once (tests/Jixiao.Tests/Cli/ImportListingTests.cs), without holding every form, and the JSON is no
/// longer written by one thread from one 130 MB string.
/// </summary>
internal static class ImportListing
{
    /// <summary>A file's share of the output, in a pooled array the writer returns.</summary>
    private sealed record Part(byte[] Output, int Length, string Messages, int Forms);

    public static int Run(string[] paths, bool json, int readers)
    {
        var (files, missing) = FileArguments.Expand(paths);
        var errors = Console.Error;
        foreach (var m in missing) errors.WriteLine($"错误：找不到文件或文件夹“{m}”");
        int failed = missing.Count;
        long forms = 0;
        using (var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 20))
        {
            bool anyForm = false;
            foreach (var part in InOrder(files, file => Read(file, json), readers))
            {
                if (part.Messages.Length > 0) errors.Write(part.Messages);
                // JSON: one array, "[" before the first element, "," between two files' elements.
                if (json && part.Length > 0) output.Write(anyForm ? ","u8 : "["u8);
                anyForm |= part.Length > 0;
                output.Write(part.Output, 0, part.Length);
                ArrayPool<byte>.Shared.Return(part.Output);
                forms += part.Forms;
                if (part.Forms == 0) failed++;
            }
            if (files.Count == 0 && missing.Count == 0) errors.WriteLine("错误：没有可读的文件");
            if (json)
            {
                output.Write(anyForm ? FormJson.ArrayClose : "[]"u8);
                output.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
            }
        }
        return ExitCodes.ForImport(forms, failed);
    }

    private static Part Read(string file, bool json)
    {
        var result = FormImporter.ImportFile(file);
        var messages = new StringWriter();
        FormLoading.Report(file, result, messages, showWarnings: true);
        ReadOnlySpan<byte> bytes;
        if (json) bytes = FormJson.ArrayElements(result.Forms);
        else
        {
            var text = new StringWriter();
            FormText.Print(result.Forms, text);
            bytes = Encoding.UTF8.GetBytes(text.ToString());
        }
        var pooled = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
        bytes.CopyTo(pooled);
        return new Part(pooled, bytes.Length, messages.ToString(), result.Forms.Count);
    }

    /// <summary>
    /// <paramref name="read"/> over the items on <paramref name="readers"/> threads, the results in the items' order.
    /// A reader stays at most 8 items a thread ahead of the caller, so what waits to be written stays small.
    /// </summary>
    private static IEnumerable<T> InOrder<T>(IReadOnlyList<string> items, Func<string, T> read, int readers)
    {
        int count = items.Count;
        if (count == 0) yield break;
        var results = new T[count];
        var failures = new ExceptionDispatchInfo?[count];
        var ready = new bool[count];
        var gate = new object();
        var room = new SemaphoreSlim(readers * 8);
        int next = -1;
        var threads = Enumerable.Range(0, Math.Min(readers, count)).Select(_ => new Thread(() =>
        {
            while (true)
            {
                room.Wait();
                int i = Interlocked.Increment(ref next);
                if (i >= count) { room.Release(); return; }
                T result = default!;
                ExceptionDispatchInfo? failure = null;
                try { result = read(items[i]); }
                catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
                lock (gate)
                {
                    results[i] = result;
                    failures[i] = failure;
                    ready[i] = true;
                    Monitor.PulseAll(gate);
                }
            }
        }) { IsBackground = true, Name = "import reader" }).ToList();
        foreach (var t in threads) t.Start();
        for (int i = 0; i < count; i++)
        {
            T item;
            lock (gate)
            {
                while (!ready[i]) Monitor.Wait(gate);
                failures[i]?.Throw();
                item = results[i];
                results[i] = default!;
            }
            room.Release();
            yield return item;
        }
        foreach (var t in threads) t.Join();
    }
}

using System.Diagnostics;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Formats.Pdf;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Benchmarks;

/// <summary>
/// Export throughput for a batch of forms made by cycling the 13 seed forms: xlsx writing, and PDF printing with one
/// warm Chromium. The reference, measured in the same run, is LibreOffice converting the same xlsx files to PDF
/// (`soffice --headless --convert-to pdf`, one process for the whole sub-batch, which is its fastest use).
/// </summary>
public static class ExportBenchmark
{
    public static async Task RunAsync(int count, int sofficeCount)
    {
        var seeds = ImportBenchmarks.Files()
            .SelectMany(f => FormImporter.ImportFile(Path.Combine(ImportBenchmarks.SeedDir, f)).Forms).ToList();
        var batch = Enumerable.Range(0, count).Select(i => seeds[i % seeds.Count]).ToList();
        Console.WriteLine($"batch: {count} forms cycling {seeds.Count} seed forms; {Environment.ProcessorCount} cores");

        // xlsx: warm up, then the batch, single thread.
        foreach (var f in seeds) XlsxWriter.Write(f);
        var dir = Directory.CreateTempSubdirectory("jixiao-bench-");
        var sw = Stopwatch.StartNew();
        long bytes = 0;
        var xlsxFiles = new List<string>();
        for (int i = 0; i < batch.Count; i++)
        {
            var x = XlsxWriter.Write(batch[i]);
            bytes += x.Length;
            if (i < sofficeCount)
            {
                var file = Path.Combine(dir.FullName, $"form{i:D4}.xlsx");
                File.WriteAllBytes(file, x);
                xlsxFiles.Add(file);
            }
        }
        var xlsxTime = sw.Elapsed;
        Report("xlsx (XlsxWriter, one thread)", count, xlsxTime, bytes);

        // PDF: the cold start once, then the batch on the warm browser.
        sw.Restart();
        await using (var printer = await PdfPrinter.StartAsync())
        {
            var start = sw.Elapsed;
            Console.WriteLine($"Chromium cold start: {start.TotalMilliseconds:F0} ms");
            foreach (var f in seeds) await printer.PrintAsync(f);
            sw.Restart();
            bytes = 0;
            foreach (var f in batch.Take(200)) bytes += (await printer.PrintAsync(f)).Length;
            Report("PDF (Chromium, warm, one form at a time; first 200)", 200, sw.Elapsed, bytes);
            sw.Restart();
            bytes = (await printer.PrintAllAsync(batch)).Sum(b => (long)b.Length);
            Report($"PDF (Chromium, warm, {printer.Pages} pages in parallel)", count, sw.Elapsed, bytes);
        }

        // Reference: LibreOffice on the first xlsx files of the same batch.
        if (xlsxFiles.Count > 0)
        {
            var outDir = Path.Combine(dir.FullName, "lo");
            var psi = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--convert-to", "pdf", "--outdir", outDir }) psi.ArgumentList.Add(a);
            foreach (var f in xlsxFiles) psi.ArgumentList.Add(f);
            sw.Restart();
            try
            {
                using var p = Process.Start(psi)!;
                _ = p.StandardOutput.ReadToEndAsync();
                _ = p.StandardError.ReadToEndAsync();
                p.WaitForExit();
                var made = Directory.Exists(outDir) ? Directory.GetFiles(outDir, "*.pdf") : [];
                Report($"reference: soffice --convert-to pdf ({xlsxFiles.Count} of the xlsx, one process)", made.Length, sw.Elapsed,
                    made.Sum(f => new FileInfo(f).Length));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.WriteLine("reference: soffice not installed (apt-get install -y libreoffice-calc-nogui)");
            }
        }
        dir.Delete(true);
    }

    private static void Report(string what, int forms, TimeSpan time, long bytes) =>
        Console.WriteLine($"{what}: {forms} forms in {time.TotalSeconds:F2} s = {forms / time.TotalSeconds:F1} forms/s, " +
                          $"{time.TotalMilliseconds / Math.Max(1, forms):F1} ms/form, {bytes / Math.Max(1, forms) / 1024.0:F1} KB/form");
}

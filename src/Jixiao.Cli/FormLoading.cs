using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Cli;

/// <summary>Reads the files a command names and reports problems the same way for every command.</summary>
internal static class FormLoading
{
    public sealed record Loaded(List<PerformanceForm> Forms, int FailedFiles);

    public static Loaded Load(IEnumerable<string> paths, TextWriter errors, bool showWarnings = true)
    {
        var (files, missing) = FileArguments.Expand(paths);
        foreach (var m in missing) errors.WriteLine($"错误：找不到文件或文件夹“{m}”");
        var forms = new List<PerformanceForm>();
        int failed = missing.Count;
        foreach (var file in files)
        {
            var result = FormImporter.ImportFile(file);
            forms.AddRange(result.Forms);
            Report(file, result, errors, showWarnings);
            if (result.Forms.Count == 0) failed++;
        }
        if (files.Count == 0 && missing.Count == 0) errors.WriteLine("错误：没有可读的文件");
        return new Loaded(forms, failed);
    }

    /// <summary>What a file's import says on standard error: its problems, then (if asked) each form's warnings.</summary>
    public static void Report(string file, ImportResult result, TextWriter errors, bool showWarnings)
    {
        foreach (var p in result.Problems) errors.WriteLine((p.IsError ? "错误：" : "提示：") + p);
        if (!showWarnings) return;
        foreach (var f in result.Forms)
            foreach (var w in f.Warnings)
                // The form's name when it has one (a 部门整体 form's is its unit's 部门整体支出); a cut form may have none.
                errors.WriteLine($"提示：{file}:{w.Line}: {(f.Subject() is { Length: > 0 } name ? name + "：" : "")}{w.Message}");
    }
}

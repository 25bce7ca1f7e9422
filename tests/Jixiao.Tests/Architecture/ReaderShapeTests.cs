using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Architecture;

/// <summary>
/// The form reader stays a pipeline of small stages (issue 12): no file of it over 400 lines, so a new layout is a
/// geometry pass and a case folder, not another branch in a large class.
/// </summary>
public class ReaderShapeTests
{
    [Fact]
    public void No_file_of_the_reader_is_over_400_lines()
    {
        var dir = Path.Combine(TestProfiles.RepoRoot, "src", "Jixiao.Formats", "Import");
        var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var tooLong = files.Select(f => (File: Path.GetRelativePath(dir, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > 400).Select(f => $"{f.File}: {f.Lines} 行").ToList();
        Assert.True(tooLong.Count == 0, "读取器的文件超过 400 行：" + string.Join("；", tooLong));
    }

    /// <summary>
    /// Every reader in Reading/ (the project forms', the 监控表's, the 部门整体's) is a set of pure stages: each class is
    /// static, and each record a stage returns is fixed once made (no setter but init, no field that can be written).
    /// </summary>
    [Fact]
    public void The_reader_stages_keep_no_state()
    {
        // SourceText caches which lines are glued; PlacedIndicator is the row the indicator readers are building.
        string[] allowed = ["SourceText", "PlacedIndicator"];
        var dir = Path.Combine(TestProfiles.RepoRoot, "src", "Jixiao.Formats", "Import", "Reading");
        var declared = Directory.EnumerateFiles(dir, "*.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^(?:public|internal) [a-z ]*(?:class|record) (\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            .Distinct().Except(allowed).ToList();
        Assert.Contains("MonitoringReader", declared);
        Assert.Contains("DepartmentWholeReader", declared);
        var assembly = typeof(Jixiao.Formats.Import.MonitoringReader).Assembly;
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var stateful = new List<string>();
        foreach (var name in declared)
        {
            var type = assembly.GetType("Jixiao.Formats.Import." + name) ?? throw new InvalidOperationException($"没有找到类型 {name}");
            if (type.IsAbstract && type.IsSealed) continue; // static
            bool isRecord = type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
            if (!isRecord) { stateful.Add($"{name}：不是静态类也不是记录"); continue; }
            foreach (var f in type.GetFields(instance).Where(f => !f.IsInitOnly)) stateful.Add($"{name}.{f.Name}：字段可写");
            foreach (var p in type.GetProperties(instance).Where(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit))))
                stateful.Add($"{name}.{p.Name}：属性可写");
        }
        Assert.True(stateful.Count == 0, "读取器的阶段有可变状态：" + string.Join("；", stateful));
    }
}

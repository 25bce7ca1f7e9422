using System.CommandLine;
using Jixiao.Generation;

namespace Jixiao.Cli;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var forms = new Option<int>("--forms", "-n") { Description = "生成的绩效表数量", Required = true };
        var seed = new Option<int>("--seed") { Description = "随机种子；同一种子总是生成相同的文件", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "输出文件夹（不存在则创建）", Required = true };
        var layout = new Option<string>("--layout") { Description = "版式：tab（制表符行）、pdf-text（PDF 文本）、json-rows（JSON 表格行）、mixed（混合）", DefaultValueFactory = _ => "mixed" };
        var share = new Option<double>("--defect-share") { Description = "注入缺陷的表所占比例（0–1）", DefaultValueFactory = _ => 0.3 };
        var profile = new Option<string?>("--profile") { Description = "计分所依据的评分方案 id", DefaultValueFactory = _ => "shanghai-2024" };
        var kinds = new Option<string>("--kind")
        {
            Description = "表的种类：mixed（自评表为主，约 15% 申报表）、self-evaluation、target-declaration、monitoring（运行监控表）、all（三种混合，约 20% 监控表）；监控表以 JSON 格式写出",
            DefaultValueFactory = _ => "mixed",
        };
        var cmd = new Command("generate", "生成模拟的绩效自评表、申报表和运行监控表（含已知的注入缺陷及基准答案 ground-truth.json），用于测试和性能评估")
        {
            forms, seed, output, layout, share, profile, kinds,
        };
        cmd.SetAction(r =>
        {
            var kind = GroundTruth.ParseLayout(r.GetValue(layout));
            if (kind is null)
            {
                Console.Error.WriteLine($"错误：未知的版式“{r.GetValue(layout)}”，可选 tab、pdf-text、json-rows、mixed");
                return 2;
            }
            var mix = ParseKinds(r.GetValue(kinds));
            if (mix is null)
            {
                Console.Error.WriteLine($"错误：未知的表种类“{r.GetValue(kinds)}”，可选 mixed、self-evaluation、target-declaration、monitoring、all");
                return 2;
            }
            var n = r.GetValue(forms);
            var s = r.GetValue(share);
            if (n < 0 || s is < 0 or > 1)
            {
                Console.Error.WriteLine("错误：--forms 不能为负数，--defect-share 应在 0 到 1 之间");
                return 2;
            }
            var choice = ProfileChoice.Create(r.GetValue(profile), Console.Error);
            if (choice is null) return 2;
            var options = new GeneratorOptions(n, r.GetValue(seed), kind.Value, s, Kinds: mix.Value);
            var files = new FormGenerator(choice.Forced!).Generate(options);
            var dir = r.GetValue(output)!;
            var truth = GroundTruth.WriteAll(files, options, dir);
            Console.WriteLine($"已生成 {truth.Forms.Count} 张表（{files.Count} 个文件），其中 {truth.Forms.Count(f => f.Defects.Count > 0)} 张注入了缺陷；基准答案：{Path.Combine(dir, GroundTruth.FileName)}");
            return 0;
        });
        return cmd;
    }

    static GenerationKinds? ParseKinds(string? name) => name switch
    {
        "mixed" => GenerationKinds.Mixed,
        "self-evaluation" => GenerationKinds.SelfEvaluation,
        "target-declaration" => GenerationKinds.Declaration,
        "monitoring" => GenerationKinds.Monitoring,
        "all" => GenerationKinds.All,
        _ => null,
    };
}

using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Generation;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Generation;

public class GeneratorTests
{
    static List<GeneratedFile> Generate(int forms, int seed, GenerationLayout layout = GenerationLayout.Mixed, double share = 0.3) =>
        new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(forms, seed, layout, share));

    [Fact]
    public void The_same_seed_gives_the_same_files_byte_for_byte_and_another_seed_does_not()
    {
        var a = Generate(60, 5);
        var b = Generate(60, 5);
        var c = Generate(60, 6);

        Assert.Equal(a.Select(f => f.Name + f.Render()), b.Select(f => f.Name + f.Render()));
        Assert.NotEqual(a.Select(f => f.Render()), c.Select(f => f.Render()));
    }

    [Fact]
    public void Files_hold_one_to_five_forms_of_one_unit_and_most_forms_are_self_evaluations()
    {
        var files = Generate(500, 8);

        Assert.Equal(500, files.Sum(f => f.Forms.Count));
        Assert.All(files, f => Assert.InRange(f.Forms.Count, 1, 5));
        Assert.All(files, f => Assert.Single(f.Forms.Select(g => g.Form.ImplementingUnit).Distinct()));
        var share = files.SelectMany(f => f.Forms).Count(g => g.Form is SelfEvaluation) / 500.0;
        Assert.InRange(share, 0.75, 0.95);
        Assert.True(files.Select(f => f.Forms[0].Form.Department).Distinct().Count() >= 3, "a 主管部门 tree, not one department");
    }

    [Fact]
    public void Clean_self_evaluations_add_up_by_the_rules_of_the_profile()
    {
        var forms = Generate(300, 9, share: 0).SelectMany(f => f.Forms).Select(g => g.Form).OfType<SelfEvaluation>().ToList();

        Assert.All(forms, f =>
        {
            Assert.InRange(f.Indicators.Count, 3, 60);
            Assert.Equal(90m, f.Indicators.Sum(i => i.Weight!.Value));
            Assert.True(f.Indicators.All(i => i.Level1 is not null && Framework.ParentOf(i.Level2!) == i.Level1));
            var sheet = Scorer.Score(f, TestProfiles.Shanghai);
            Assert.Equal(f.TotalScore, sheet.TotalScore);
            Assert.Equal(f.TotalScore, sheet.RuleBasedTotalScore);
            Assert.Equal(f.Grade, sheet.Grade);
            Assert.Equal(f.Funds.Total!.ExecutionRate, sheet.ExecutionRate);
        });
        Assert.Contains(forms, f => f.Indicators.Count > 30);
        Assert.Contains(forms, f => f.Funds.Total!.ExecutionRate < 90m);
    }

    [Fact]
    public void The_ground_truth_names_every_defect_with_its_check_and_reads_back_unchanged()
    {
        var options = new GeneratorOptions(200, 10, DefectShare: 0.5);
        var files = new FormGenerator(TestProfiles.Shanghai).Generate(options);
        var truth = GroundTruth.From(files, options);

        var again = GroundTruth.Parse(truth.ToJson());

        Assert.Equal(truth.ToJson(), again.ToJson());
        Assert.Equal(200, again.Forms.Count);
        Assert.All(again.Forms.SelectMany(f => f.Defects), d => Assert.False(string.IsNullOrEmpty(d.CheckCode)));
        Assert.Contains(again.Forms, f => f.Defects.Any(d => d.Kind == DefectKind.DuplicateIndicator && d.Indicator is not null));
        Assert.Throws<FormatException>(() => GroundTruth.Parse("{\"forms\": [{\"file\": \"a\", \"index\": 0, \"defects\": [{\"kind\": \"nonsense\"}]}]}"));
    }
}

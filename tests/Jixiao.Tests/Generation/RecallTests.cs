using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Generation;
using Jixiao.Formats.Import;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Generation;

/// <summary>
/// The review engine against the generator's ground truth: every injected defect found (recall 100% per kind), and
/// no error or warning of those codes on forms without such a defect. The forms go through the text layouts and the
/// importer first, as a user's files would.
/// </summary>
public class RecallTests
{
    static RecallTable Measure(GenerationLayout layout, int seed, int forms)
    {
        var options = new GeneratorOptions(forms, seed, layout, DefectShare: 0.5);
        var files = new FormGenerator(TestProfiles.Shanghai).Generate(options);
        var imported = files.SelectMany(f => FormImporter.ImportText(f.Render(), f.Name).Forms);
        var checkedForms = imported.Select(f => (f, Reviewer.Review(f, TestProfiles.Shanghai))).ToList();
        return RecallTable.Compute(GroundTruth.From(files, options), RecallTable.Key(checkedForms));
    }

    [Theory]
    [InlineData(GenerationLayout.Mixed, 101)]
    [InlineData(GenerationLayout.Tab, 102)]
    [InlineData(GenerationLayout.PdfText, 103)]
    public void Every_injected_defect_is_found_and_no_form_without_it_is_flagged(GenerationLayout layout, int seed)
    {
        var table = Measure(layout, seed, 300);

        Assert.Equal(0, table.FormsNotRead);
        Assert.All(table.Rows, r =>
        {
            Assert.True(r.Injected > 0, $"{r.Kind} was never injected: the test would prove nothing about it");
            Assert.True(r.Found == r.Injected, $"{r.Kind}: found {r.Found} of {r.Injected}\n{table.RenderMarkdown()}");
            Assert.True(r.FalseAlarms == 0, $"{r.Code}: {r.FalseAlarms} false alarms\n{table.RenderMarkdown()}");
        });
    }

    [Fact]
    public void A_defect_the_checks_miss_lowers_recall_and_a_finding_on_a_clean_form_is_a_false_alarm()
    {
        var truth = new GroundTruth
        {
            Seed = 1, Layout = "tab", DefectShare = 0.5,
            Forms =
            [
                new GroundTruthForm("a.txt", 0, FormKind.SelfEvaluation, "甲", [new InjectedDefect(DefectKind.TotalSlip, null)]),
                new GroundTruthForm("a.txt", 1, FormKind.SelfEvaluation, "乙", []),
            ],
        };
        var findings = new Dictionary<(string, int), IReadOnlyList<Finding>>
        {
            [("a.txt", 0)] = [],
            [("a.txt", 1)] = [Checks.ScoreSum.At("总分不符", "乙")],
        };

        var table = RecallTable.Compute(truth, findings);

        var row = table.Rows.Single(r => r.Kind == DefectKind.TotalSlip);
        Assert.Equal((1, 0, 1), (row.Injected, row.Found, row.FalseAlarms));
        Assert.Equal(0.0, row.Recall);
    }
}

using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Import;
using Jixiao.Generation;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Generation;

/// <summary>
/// Generated 运行监控表: clean ones raise nothing at review or the submission gate, and every injected monitoring
/// defect is found at its row or fund line. The files go through the product's JSON format and the importer, as a
/// user's files would (the text layouts have no monitoring form yet).
/// </summary>
public class MonitoringGenerationTests
{
    static List<GeneratedFile> Generate(int forms, int seed, double share, GenerationKinds kinds = GenerationKinds.Monitoring) =>
        new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(forms, seed, DefectShare: share, Kinds: kinds));

    static List<MonitoringForm> Clean(int forms, int seed) =>
        Generate(forms, seed, 0).SelectMany(f => f.Forms).Select(g => (MonitoringForm)g.Form).ToList();

    /// <summary>What a monitoring form is checked against: the review and the submission gate (monitoring-not-filled).</summary>
    static IReadOnlyList<Finding> Findings(PerformanceForm form) =>
        form is MonitoringForm ? Gate.Findings(form, TestProfiles.Shanghai) : Reviewer.Review(form, TestProfiles.Shanghai);

    static RecallTable Measure(int forms, int seed, GenerationKinds kinds)
    {
        var options = new GeneratorOptions(forms, seed, DefectShare: 0.5, Kinds: kinds);
        var files = new FormGenerator(TestProfiles.Shanghai).Generate(options);
        var imported = files.SelectMany(f => FormImporter.ImportText(f.Render(), f.Name).Forms);
        var checkedForms = imported.Select(f => (f, Findings(f))).ToList();
        return RecallTable.Compute(GroundTruth.From(files, options), RecallTable.Key(checkedForms));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void A_clean_generated_monitoring_form_raises_no_error_or_warning_at_review_or_the_gate(int seed)
    {
        var forms = Clean(300, seed);

        Assert.Equal(300, forms.Count);
        var flagged = forms.Select(f => (f, Gate.Findings(f, TestProfiles.Shanghai).Where(x => x.Severity != Severity.Info).ToList()))
            .Where(p => p.Item2.Count > 0).ToList();
        Assert.True(flagged.Count == 0,
            $"{flagged.Count} clean forms flagged; first: {flagged.FirstOrDefault().f?.ProjectName}: "
            + string.Join(" | ", flagged.FirstOrDefault().Item2?.Select(x => $"{x.Code} {x.Row} {x.Message}") ?? []));

        // Not clean by being empty: the forms carry every light, honest misses and explained lags.
        var sheets = forms.Select(f => MonitoringAssessor.Assess(f, TestProfiles.Shanghai)).ToList();
        Assert.Contains(sheets, s => s.FundsLight == Light.Red);
        Assert.Contains(sheets, s => s.FundsLight == Light.Yellow);
        Assert.Contains(sheets, s => s.Overall == Light.Green);
        Assert.Contains(sheets, s => s.Indicators.Any(i => i.Light.Light == Light.Red && i.Light.Rules.Contains(MonitoringAssessor.ForecastMissesTargetId)));
        Assert.Contains(sheets, s => s.Indicators.Any(i => i.Light.Light == Light.Yellow));
        Assert.Contains(forms, f => f.Indicators.Any(i => i.Likelihood == Likelihood.Impossible));
        Assert.Equal([6, 7, 9], forms.Select(f => f.Period.EndMonth).Distinct().Order());
        Assert.Contains(forms, f => f.Funds.Rows.Any(r => r.AdjustedBudget is { } a && a != r.InitialBudget));
    }

    [Fact]
    public void Monitoring_forms_follow_their_declaration_and_their_figures_agree()
    {
        var forms = Clean(200, 24);

        Assert.All(forms, f =>
        {
            Assert.NotEmpty(f.Indicators);
            Assert.False(string.IsNullOrWhiteSpace(f.GoalProgress));
            var total = f.Funds.Total!;
            Assert.Equal(BoundMonitoringLabels, f.Funds.Rows.Select(r => r.Label));
            var parts = f.Funds.Rows.Skip(1).ToList();
            Assert.Equal(total.InitialBudget, parts.Sum(r => r.InitialBudget));
            Assert.Equal(total.AdjustedBudget, total.AdjustedBudget is null ? null : parts.Sum(r => r.AdjustedBudget));
            Assert.Equal(total.ExecutedToDate, parts.Sum(r => r.ExecutedToDate));
            Assert.Equal(total.ForecastExecuted, parts.Sum(r => r.ForecastExecuted));
            Assert.All(f.Funds.Rows, r =>
            {
                Assert.InRange(r.ExecutedToDate!.Value, 0m, r.Budget!.Value);
                Assert.True(r.ForecastExecuted >= r.ExecutedToDate);
                Assert.Equal(MonitoringAssessor.ExecutionRate(r, TestProfiles.Shanghai), r.ExecutionRate);
            });
            var sheet = MonitoringAssessor.Assess(f, TestProfiles.Shanghai);
            Assert.All(f.Indicators.Zip(sheet.Indicators), p =>
            {
                var (row, light) = p;
                var t = row.Target!;
                if (t.IsQuantitative) Assert.Equal(t.Unit, row.Forecast!.Unit);
                else Assert.NotNull(row.Forecast!.Achievement);
                var verdict = MonitoringAssessor.ForecastMeetsTarget(row);
                Assert.NotNull(verdict);
                // 确定能 only where the forecast reaches the target; 完全不可能 only where it does not.
                if (row.Likelihood == Likelihood.Certain) Assert.True(verdict.Value.Meets, $"{row.Name}: {verdict.Value.Working}");
                if (row.Likelihood == Likelihood.Impossible) Assert.False(verdict.Value.Meets);
                if (light.Light.NeedsExplanation)
                {
                    Assert.NotEmpty(row.Deviation!.Causes);
                    Assert.False(string.IsNullOrWhiteSpace(row.Deviation.Reason));
                    Assert.False(string.IsNullOrWhiteSpace(row.Deviation.CorrectiveAction));
                }
            });
        });
    }

    static readonly string[] BoundMonitoringLabels = ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"];

    [Fact]
    public void The_same_seed_gives_the_same_monitoring_files_and_they_read_back_as_built()
    {
        var a = Generate(80, 25, 0.5);
        var b = Generate(80, 25, 0.5);
        var c = Generate(80, 26, 0.5);

        Assert.Equal(a.Select(f => f.Name + f.Render()), b.Select(f => f.Name + f.Render()));
        Assert.NotEqual(a.Select(f => f.Render()), c.Select(f => f.Render()));
        Assert.All(a, f =>
        {
            Assert.True(f.FormJson);
            Assert.EndsWith(".json", f.Name);
            var imported = FormImporter.ImportText(f.Render(), f.Name);
            Assert.Empty(imported.Problems);
            var expected = GeneratorRoundTripTests.Model(f.Forms.Select(g => g.Form));
            var actual = GeneratorRoundTripTests.Model(imported.Forms);
            Assert.True(expected == actual, GeneratorRoundTripTests.FirstDifference(expected, actual));
        });
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Every_injected_monitoring_defect_is_found_at_its_row_and_no_form_without_it_is_flagged(int seed)
    {
        var table = Measure(300, seed, GenerationKinds.Monitoring);

        Assert.Equal(0, table.FormsNotRead);
        Assert.Equal(DefectKinds.Monitoring.Order(), table.Rows.Select(r => r.Kind).Order());
        Assert.All(table.Rows, r =>
        {
            Assert.True(r.Injected >= 10, $"{r.Kind} injected {r.Injected} times: too few to prove anything\n{table.RenderMarkdown()}");
            Assert.True(r.Found == r.Injected, $"{r.Kind}: found {r.Found} of {r.Injected}\n{table.RenderMarkdown()}");
            Assert.True(r.FalseAlarms == 0, $"{r.Code}: {r.FalseAlarms} false alarms\n{table.RenderMarkdown()}");
        });
    }

    [Fact]
    public void In_a_mix_of_all_three_kinds_every_defect_is_found_and_the_table_has_every_kind()
    {
        var table = Measure(400, 33, GenerationKinds.All);

        Assert.Equal(0, table.FormsNotRead);
        Assert.Equal(DefectKinds.All.Order(), table.Rows.Select(r => r.Kind).Order());
        Assert.All(table.Rows, r =>
        {
            Assert.True(r.Injected > 0, $"{r.Kind} was never injected\n{table.RenderMarkdown()}");
            Assert.True(r.Found == r.Injected && r.FalseAlarms == 0, $"{r.Kind}\n{table.RenderMarkdown()}");
        });
    }

    [Fact]
    public void A_defect_is_found_only_at_its_own_row_or_fund_line()
    {
        var onRow = new InjectedDefect(DefectKind.MonitoringCertainButMisses, "活动开展场次", 3);
        var onLine = new InjectedDefect(DefectKind.MonitoringRateMiscalculated, null, FundLine: "上年结转资金");

        Assert.True(onRow.FoundBy(Checks.MonitoringLikelihoodContradicts.At("…", "甲", "活动开展场次", null, 3)));
        Assert.False(onRow.FoundBy(Checks.MonitoringLikelihoodContradicts.At("…", "甲", "活动开展场次", null, 4)));
        Assert.False(onRow.FoundBy(Checks.MonitoringDeviationUnexplained.At("…", "甲", "活动开展场次", null, 3)));
        Assert.True(onLine.FoundBy(Checks.ExecutionRateMismatch.At("上年结转资金：1-7月执行率印为 50.00%", "甲")));
        Assert.False(onLine.FoundBy(Checks.ExecutionRateMismatch.At("年度资金总额：1-7月执行率印为 50.00%", "甲")));
    }

    [Fact]
    public void The_ground_truth_keeps_each_monitoring_defect_s_row_and_fund_line()
    {
        var options = new GeneratorOptions(150, 34, DefectShare: 0.6, Kinds: GenerationKinds.Monitoring);
        var truth = GroundTruth.From(new FormGenerator(TestProfiles.Shanghai).Generate(options), options);

        var again = GroundTruth.Parse(truth.ToJson());

        Assert.Equal(truth.ToJson(), again.ToJson());
        Assert.All(again.Forms, f => Assert.Equal(FormKind.Monitoring, f.Kind));
        var defects = again.Forms.SelectMany(f => f.Defects).ToList();
        Assert.All(defects, d => Assert.True(d.Kind.AppliesTo(FormKind.Monitoring)));
        Assert.All(defects, d => Assert.True((d.Row is not null && d.Indicator is not null) ^ (d.FundLine is not null), d.ToString()));
        Assert.Contains(defects, d => d.Kind == DefectKind.MonitoringSourcesNotSumming && d.FundLine == "年度资金总额");
        Assert.Contains(defects, d => d.Kind == DefectKind.MonitoringForecastMissing && d.Row > 0);
    }
}

using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Scoring;

namespace Jixiao.Cli;

/// <summary>The 1-X月执行率 of a monitoring form read from a file, where the file left it out.</summary>
internal static class MonitoringRates
{
    /// <summary>Each fund line without a printed rate gets the one the profile computes (a printed rate is kept).</summary>
    public static void FillMissing(MonitoringForm form, ScoringProfile profile)
    {
        foreach (var row in form.Funds.Rows) row.ExecutionRate ??= MonitoringAssessor.ExecutionRate(row, profile);
    }
}

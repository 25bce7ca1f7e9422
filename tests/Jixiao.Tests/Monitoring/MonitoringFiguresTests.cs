using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Monitoring;

public class MonitoringFiguresTests
{
    static MonitoringFundRow Line(string label, decimal budget, decimal? adjusted, decimal done, decimal forecast)
    {
        var row = new MonitoringFundRow { Label = label, InitialBudget = budget, AdjustedBudget = adjusted, ExecutedToDate = done, ForecastExecuted = forecast };
        row.ExecutionRate = MonitoringAssessor.ExecutionRate(row, TestProfiles.Shanghai);
        return row;
    }

    static MonitoringForm Form(decimal currentAdjusted)
    {
        var form = new MonitoringForm { ProjectName = "甲", Period = new MonitoringPeriod(7, null) };
        form.Funds.Rows.Add(Line("年度资金总额", 30.00m, 33.00m, 20.00m, 32.00m));
        form.Funds.Rows.Add(Line("其中：当年财政拨款", 25.00m, currentAdjusted, 16.00m, 27.00m));
        form.Funds.Rows.Add(Line("上年结转资金", 5.00m, 5.00m, 4.00m, 5.00m));
        form.Funds.Rows.Add(Line("其他资金", 0.00m, 0.00m, 0.00m, 0.00m));
        return form;
    }

    [Fact]
    public void Source_lines_whose_adjusted_budgets_do_not_add_up_to_the_total_s_are_inconsistent()
    {
        static List<Finding> Figures(MonitoringForm f) =>
            Reviewer.Review(f, TestProfiles.Shanghai).Where(x => x.Code == Checks.MonitoringFiguresInconsistent.Code).ToList();

        Assert.Empty(Figures(Form(28.00m)));
        var finding = Assert.Single(Figures(Form(29.00m)));
        Assert.StartsWith("调整后预算数：", finding.Message);
        Assert.Contains("相差 1.00", finding.Message);
    }
}

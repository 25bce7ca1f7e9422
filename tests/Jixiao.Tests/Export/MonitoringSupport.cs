using Jixiao.Core.Model;
using Jixiao.Core.Text;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Export;

/// <summary>The hand-written 监控表 case (tests/data/monitoring/shenghuoyizhan-1-7) and what a round trip keeps of it.</summary>
internal static class MonitoringSupport
{
    public static string CaseFile => Path.Combine(TestData.Root, "monitoring", "shenghuoyizhan-1-7", "input.json");

    public static MonitoringForm Case() => (MonitoringForm)FormImporter.ImportFile(CaseFile).Forms.Single();

    /// <summary>
    /// The case as a printed copy gives it back: every text after the text rule of docs/json-format.md (a space beside a
    /// Chinese character goes: `人员 5 月` → `人员5月`), the ticked causes in the order of their columns, since a
    /// tick cannot say which cause was named first, and no achievement on a forecast whose words do not name one: the
    /// form has no column for it (the case's `控制在预算内` and `建立健全` → achieved, `部分及时` → partially-achieved are not
    /// printed).
    /// </summary>
    public static MonitoringForm Printed()
    {
        var f = Case();
        string? N(string? s) => s is null ? null : ChineseText.Normalize(s);
        ActualValue? A(ActualValue? a) => a is null ? null : a with { Text = N(a.Text)!, Achievement = a.Text is "控制在预算内" or "部分及时" or "建立健全" ? null : a.Achievement };
        Deviation? D(Deviation? d) => d is null ? null
            : new Deviation(d.Causes.Order().ToList(), N(d.Reason), N(d.CorrectiveAction));
        f.ProjectName = N(f.ProjectName);
        f.AnnualGoal = N(f.AnnualGoal);
        f.GoalProgress = N(f.GoalProgress);
        foreach (var r in f.Funds.Rows) r.Deviation = D(r.Deviation);
        foreach (var x in f.Indicators)
        {
            x.Progress = A(x.Progress);
            x.Forecast = A(x.Forecast);
            x.Deviation = D(x.Deviation);
            x.Remark = N(x.Remark);
        }
        return f;
    }

    /// <summary>One form read back without an error or a warning, the same model as <see cref="Printed"/>.</summary>
    public static MonitoringForm AssertReadsBackAsTheCase(ImportResult back)
    {
        Assert.DoesNotContain(back.Problems, p => p.IsError);
        var read = Assert.IsType<MonitoringForm>(Assert.Single(back.Forms));
        Assert.Empty(read.Warnings);
        Assert.Equal(Model(Printed()), Model(read));
        return read;
    }

    /// <summary>The model as JSON without positions and with every cause list in column order.</summary>
    public static string Model(PerformanceForm form)
    {
        foreach (var x in form.Indicators)
            if (x.Deviation is { } d) x.Deviation = d with { Causes = d.Causes.Order().ToList() };
        if (form is MonitoringForm m)
            foreach (var r in m.Funds.Rows)
                if (r.Deviation is { } d) r.Deviation = d with { Causes = d.Causes.Order().ToList() };
        return ExportSupport.Model(form);
    }
}

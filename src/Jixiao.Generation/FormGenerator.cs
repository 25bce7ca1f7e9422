using System.Globalization;
using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Import;
using Jixiao.Formats.Rendering;
using static Jixiao.Generation.GeneratorVocabulary;

namespace Jixiao.Generation;

/// <summary>Which layouts the generated files use: one for all, or a mix in the proportions seen in the seeds.</summary>
public enum GenerationLayout
{
    Tab,
    PdfText,
    JsonRows,
    Mixed,
}

/// <summary>
/// Which kinds of form are generated: <see cref="Mixed"/> as the seeds have them (mostly 自评表, about 15% 申报表),
/// one kind alone, or <see cref="All"/>: the mix with 运行监控表 besides (about 20%).
/// </summary>
public enum GenerationKinds
{
    Mixed,
    SelfEvaluation,
    Declaration,
    Monitoring,
    All,
}

public sealed record GeneratorOptions(
    int Forms, int Seed, GenerationLayout Layout = GenerationLayout.Mixed, double DefectShare = 0.3, int Year = 2024,
    GenerationKinds Kinds = GenerationKinds.Mixed);

/// <summary>A generated form and the defects injected into it.</summary>
public sealed record GeneratedForm(PerformanceForm Form, IReadOnlyList<InjectedDefect> Defects);

/// <summary>
/// A generated file: one unit's forms of one kind, in one layout, as the seeds are published. A file of 监控表 is
/// written in the product's JSON format (<see cref="FormJson"/> true, docs/json-format.md): the text layouts have
/// no monitoring form yet.
/// </summary>
public sealed record GeneratedFile(string Name, LayoutKind Layout, RenderStyle Style, IReadOnlyList<GeneratedForm> Forms, bool FormJson = false)
{
    public string Render() => FormJson
        ? Jixiao.Core.Interchange.FormJson.Serialize(Forms.Select(f => f.Form)) + "\n"
        : FormRenderer.Render(Forms.Select(f => f.Form).ToList(), Layout, Style);
}

/// <summary>
/// Synthetic performance forms for tests and benchmarks: realistic Shanghai 自评表 and 申报表 whose figures agree with
/// the rules of a scoring profile (weights sum to 90, scores follow the formulas, totals and grades add up), and
/// 运行监控表 drafted from a generated 申报表 (FormGenerator.Monitoring.cs), with a known share of injected defects.
/// The same options always give the same forms (System.Random with the seed).
/// </summary>
public sealed partial class FormGenerator
{
    readonly ScoringProfile _profile;
    Random _rng = new(0);

    public FormGenerator(ScoringProfile profile) => _profile = profile;

    public List<GeneratedFile> Generate(GeneratorOptions options)
    {
        if (options.Forms < 0) throw new ArgumentOutOfRangeException(nameof(options), "表的数量不能为负数");
        _rng = new Random(options.Seed);
        var departments = Departments(Math.Clamp(options.Forms / 40 + 3, 3, 40));
        var files = new List<GeneratedFile>();
        int made = 0;
        while (made < options.Forms)
        {
            var chosen = Pick(departments);
            var (department, unit) = (chosen.Name, Pick(chosen.Units));
            // Mixed draws once, as it always has, so that the files of a seed stay what they were.
            var kind = options.Kinds switch
            {
                GenerationKinds.SelfEvaluation => FormKind.SelfEvaluation,
                GenerationKinds.Declaration => FormKind.TargetDeclaration,
                GenerationKinds.Monitoring => FormKind.Monitoring,
                GenerationKinds.All => _rng.NextDouble() switch { < 0.2 => FormKind.Monitoring, < 0.32 => FormKind.TargetDeclaration, _ => FormKind.SelfEvaluation },
                _ => _rng.NextDouble() < 0.15 ? FormKind.TargetDeclaration : FormKind.SelfEvaluation,
            };
            int count = Math.Min(options.Forms - made, 1 + _rng.Next(5));
            var projects = Projects.OrderBy(_ => _rng.Next()).Take(count).ToList();
            var forms = projects.Select(p => kind switch
                {
                    FormKind.TargetDeclaration => Declaration(p, department, unit, options),
                    FormKind.Monitoring => Monitoring(p, department, unit, options),
                    _ => SelfEvaluation(p, department, unit, options),
                })
                .ToList();
            var layout = options.Layout switch
            {
                GenerationLayout.Tab => LayoutKind.TabRows,
                GenerationLayout.PdfText => LayoutKind.Text,
                GenerationLayout.JsonRows => LayoutKind.JsonRows,
                _ => _rng.NextDouble() switch { < 0.5 => LayoutKind.TabRows, < 0.8 => LayoutKind.Text, _ => LayoutKind.JsonRows },
            };
            var style = new RenderStyle(MarkdownHeadings: _rng.NextDouble() < 0.6, ParagraphTags: _rng.NextDouble() < 0.3, SpacedYear: _rng.NextDouble() < 0.2);
            bool formJson = kind == FormKind.Monitoring;
            var name = $"gen-{files.Count + 1:D5}{(formJson || layout == LayoutKind.JsonRows ? ".json" : ".txt")}";
            foreach (var f in forms) f.Form.Source = new SourceRef(name, null);
            files.Add(new GeneratedFile(name, layout, style, forms, formJson));
            made += count;
        }
        return files;
    }

    // ---- departments and units -------------------------------------------------------------------------------

    sealed record Department(string Name, List<string> Units);

    List<Department> Departments(int count)
    {
        var list = new List<Department>();
        var used = new HashSet<string>();
        while (list.Count < count)
        {
            var district = Pick(Districts);
            Department d;
            switch (_rng.Next(3))
            {
                case 0:
                    var street = Pick(Streets);
                    d = new Department($"上海市{district}人民政府{street}街道办事处",
                        StreetUnitSuffixes.OrderBy(_ => _rng.Next()).Take(3 + _rng.Next(4)).Select(s => $"上海市{district}{street}街道{s}").ToList());
                    break;
                case 1:
                    var town = Pick(Towns);
                    d = new Department($"上海市{district}{town}镇人民政府",
                        TownUnitSuffixes.OrderBy(_ => _rng.Next()).Take(3 + _rng.Next(4)).Select(s => $"上海市{district}{town}镇{s}").ToList());
                    break;
                default:
                    var (bureau, units) = Pick(Bureaus);
                    d = new Department($"上海市{district}{bureau}",
                        units.OrderBy(_ => _rng.Next()).Take(3 + _rng.Next(Math.Max(1, units.Length - 2))).Select(s => $"上海市{district}{s}").ToList());
                    break;
            }
            if (used.Add(d.Name)) list.Add(d);
        }
        return list;
    }

    // ---- indicators ------------------------------------------------------------------------------------------

    /// <summary>A row under construction: the model row and the template it came from.</summary>
    sealed class Draft(Indicator row, Measure measure)
    {
        public Indicator Row { get; } = row;
        public Measure Measure { get; } = measure;
        public bool Touched { get; set; }
    }

    static readonly string[] Level1Order = [Framework.Cost, Framework.Output, Framework.Benefit, Framework.Satisfaction];

    static readonly string[] Level2Order =
        ["经济成本指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"];

    int RowCount()
    {
        // Real forms carry 3 to 60 rows, most of them 6 to 16.
        var x = _rng.NextDouble();
        return x switch
        {
            < 0.08 => 3 + _rng.Next(3),
            < 0.80 => 6 + _rng.Next(11),
            < 0.95 => 17 + _rng.Next(14),
            _ => 31 + _rng.Next(30),
        };
    }

    List<Draft> Indicators(bool withCost, bool twoDecimals)
    {
        int n = RowCount();
        withCost &= n >= 5;
        int sat = Math.Max(1, (int)Math.Round(n * 0.12));
        int effect = Math.Max(1, (int)Math.Round(n * 0.25));
        int cost = withCost ? Math.Max(1, (int)Math.Round(n * 0.12)) : 0;
        int output = n - sat - effect - cost;
        var counts = new Dictionary<string, int>
        {
            [Framework.Cost] = cost, [Framework.Output] = output, [Framework.Benefit] = effect, [Framework.Satisfaction] = sat,
        };
        var names = new HashSet<string>();
        var drafts = new List<Draft>();
        foreach (var level1 in Level1Order)
        {
            var measures = MeasuresOf(level1).ToList();
            for (int k = 0; k < counts[level1]; k++)
            {
                Measure m;
                string name;
                do
                {
                    m = Pick(measures);
                    name = Pick(Objects) + m.Suffix;
                } while (!names.Add(name));
                drafts.Add(new Draft(new Indicator { Level1 = level1, Level2 = m.Level2, Name = name, Target = Target(m, twoDecimals) }, m));
            }
        }
        // Merged 二级 cells: rows of one 二级 stand together, in the framework's order.
        return drafts.OrderBy(d => Array.IndexOf(Level2Order, d.Measure.Level2)).ToList();
    }

    TargetValue Target(Measure m, bool twoDecimals)
    {
        switch (m.Shape)
        {
            case Shape.Word:
                return new TargetValue(m.Word!, null, null, null);
            case Shape.ZeroFailures:
                return Quantity(Comparator.Equal, 0m, m.Unit!, false);
            case Shape.Cost:
                var cost = Math.Round(Between(m.Min, m.Max) / 100m) * 100m;
                return Quantity(Comparator.LessOrEqual, cost, m.Unit!, true);
            case Shape.Percent:
                var p = m.Min == m.Max ? m.Min : Math.Round(Between(m.Min, m.Max) / 5m) * 5m;
                return Quantity(p == 100m ? Comparator.Equal : Comparator.GreaterOrEqual, p, "%", twoDecimals);
            default:
                var a = Math.Round(Between(m.Min, m.Max));
                return Quantity(_rng.NextDouble() < 0.85 ? Comparator.GreaterOrEqual : Comparator.Equal, a, m.Unit!, twoDecimals);
        }
    }

    /// <summary>A quantitative target as printed (<c>≥4.00(次)</c>, <c>=100(%)</c>), its value parsed from that text.</summary>
    static TargetValue Quantity(Comparator c, decimal value, string unit, bool twoDecimals)
    {
        var number = Fmt(value, twoDecimals);
        return new TargetValue($"{c.ToSymbol()}{number}({unit})", c, Dec(number), unit);
    }

    static ActualValue Actual(decimal value, string? unit, bool twoDecimals = true)
    {
        var number = Fmt(value, twoDecimals);
        return new ActualValue($"{number}({unit})", Dec(number), unit, null);
    }

    static ActualValue Label(Achievement a) => new(a.ToChinese(), null, null, a);

    /// <summary>Weights in steps of 0.5 summing to the budget of each 一级; the budgets sum to 100 − 执行率 weight.</summary>
    void Weigh(List<Draft> rows)
    {
        var levels = rows.Select(r => r.Row.Level1!).Distinct().ToList();
        var total = 100m - _profile.ExecutionWeight;
        var budgets = new Dictionary<string, decimal>();
        bool hasCost = levels.Contains(Framework.Cost);
        (decimal Cost, decimal Output, decimal Effect, decimal Satisfaction)[] splits = hasCost
            ? [(10, 40, 30, 10), (20, 30, 30, 10), (15, 35, 25, 15), (10, 30, 30, 20)]
            : [(0, 50, 30, 10), (0, 40, 30, 20), (0, 30, 30, 30), (0, 50, 20, 20), (0, 45, 30, 15)];
        var s = Pick(splits);
        var scale = total / (s.Cost + s.Output + s.Effect + s.Satisfaction);
        budgets[Framework.Cost] = s.Cost * scale;
        budgets[Framework.Output] = s.Output * scale;
        budgets[Framework.Benefit] = s.Effect * scale;
        budgets[Framework.Satisfaction] = s.Satisfaction * scale;
        foreach (var level in levels)
        {
            var group = rows.Where(r => r.Row.Level1 == level).ToList();
            int units = (int)(budgets[level] * 2m);
            int each = units / group.Count, rest = units % group.Count;
            var extra = Enumerable.Range(0, group.Count).OrderBy(_ => _rng.Next()).Take(rest).ToHashSet();
            for (int k = 0; k < group.Count; k++)
                group[k].Row.Weight = Dec(Fmt((each + (extra.Contains(k) ? 1 : 0)) * 0.5m, true));
        }
    }

    /// <summary>Actual values and scores that agree with the rules: mostly met and full marks, a few honest misses.</summary>
    void ScoreClean(Draft d)
    {
        var row = d.Row;
        var w = row.Weight!.Value;
        var t = row.Target!;
        if (d.Measure.Shape == Shape.Word)
        {
            if (_rng.NextDouble() < 0.05)
            {
                row.Actual = Label(Achievement.PartiallyAchieved);
                row.Score = M(_profile.RoundScore(w * 0.7m));
                row.DeviationReason = Pick(DeviationReasons);
            }
            else
            {
                row.Actual = Label(Achievement.Achieved);
                row.Score = w;
            }
            return;
        }
        var a = t.Value!.Value;
        decimal b;
        switch (d.Measure.Shape)
        {
            case Shape.ZeroFailures:
                row.Actual = new ActualValue($"0({t.Unit})", 0m, t.Unit, null);
                row.Score = w;
                return;
            case Shape.Cost:
                b = Math.Round(a * Between(0.8m, 1m), 2);
                break;
            case Shape.Percent:
                b = a == 100m ? 100m : Math.Round(Between(a, 100m));
                break;
            default:
                // Met, but never by 1.5 times or more: that is the far-exceeded defect.
                b = t.Comparator == Comparator.Equal ? a : a + Math.Floor(a * Between(0m, 0.4m));
                break;
        }
        if (d.Measure.Shape is Shape.Count or Shape.Percent && _rng.NextDouble() < 0.06)
        {
            Miss(d, 0.7m, 0.9m);
            row.DeviationReason = Pick(DeviationReasons);
            return;
        }
        row.Actual = Actual(b, t.Unit);
        row.Score = w;
    }

    /// <summary>Sets an actual below a ≥ / = target by a share in [lo, hi] and the score the rules give for it.</summary>
    void Miss(Draft d, decimal lo, decimal hi)
    {
        var row = d.Row;
        var t = row.Target!;
        var a = t.Value!.Value;
        var b = d.Measure.Shape == Shape.Percent ? Math.Round(a * Between(lo, hi)) : Math.Floor(a * Between(lo, hi));
        if (b >= a) b = a - 1;
        if (b < 0) b = 0;
        row.Actual = Actual(b, t.Unit);
        row.Score = M(Scorer.ScoreQuantitative(t.Comparator!.Value, a, b, row.Weight!.Value, _profile, t.Unit).Score);
    }

    // ---- forms -----------------------------------------------------------------------------------------------

    GeneratedForm SelfEvaluation(string project, string department, string unit, GeneratorOptions options)
    {
        var form = new SelfEvaluation
        {
            Year = options.Year, ProjectName = project, Department = department, ImplementingUnit = unit,
            TotalWeight = Dec("100.00"),
        };
        bool twoDecimals = _rng.NextDouble() < 0.8;
        var drafts = Indicators(withCost: _rng.NextDouble() < 0.25, twoDecimals);
        Weigh(drafts);
        foreach (var d in drafts) ScoreClean(d);

        var topic = Pick(Objects);
        form.ExpectedGoal = string.Format(CultureInfo.InvariantCulture, Pick(GoalOpenings), project) + string.Format(CultureInfo.InvariantCulture, Pick(GoalBodies), project, topic);
        var shortUnit = unit.Replace("上海市", "");
        form.ActualOutcome = string.Format(CultureInfo.InvariantCulture, Pick(OutcomeBodies), shortUnit, topic, 4 + _rng.Next(80), 100 + _rng.Next(5000));

        var defects = new List<InjectedDefect>();
        var wanted = _rng.NextDouble() < options.DefectShare ? 1 + (_rng.NextDouble() < 0.3 ? 1 : 0) : 0;
        var kinds = DefectKinds.All.OrderBy(_ => _rng.Next()).ToList();

        // Funds first: a low execution rate is itself a defect when left unexplained.
        bool lowUnexplained = wanted > 0 && kinds.Take(wanted).Contains(DefectKind.LowExecutionUnexplained);
        Funds(form, lowUnexplained);
        if (lowUnexplained) defects.Add(new InjectedDefect(DefectKind.LowExecutionUnexplained, null));

        foreach (var kind in kinds.Take(wanted))
        {
            if (kind == DefectKind.LowExecutionUnexplained) continue;
            if (Inject(kind, form, drafts) is { } defect) defects.Add(defect);
        }

        form.Indicators.AddRange(drafts.Select(d => d.Row));
        var exec = form.Funds.Total!;
        if (defects.Any(d => d.Kind == DefectKind.ExecutionScoreSlip))
        {
            // The unit miscalculated the 执行率 score and carried its own figure into the total.
            exec.Score = exec.Score!.Value >= 1m ? exec.Score.Value - Dec(Pick(new[] { "0.50", "1.00", "0.30" })) : exec.Score.Value + Dec("0.50");
        }
        var total = exec.Score!.Value + form.Indicators.Sum(i => i.Score!.Value);
        if (defects.Any(d => d.Kind == DefectKind.TotalSlip))
        {
            var slip = Dec(Pick(new[] { "1.00", "0.10", "2.00", "0.50" }));
            total = total + slip > 100m ? total - slip : total + (_rng.Next(2) == 0 ? slip : -slip);
        }
        form.TotalScore = Dec(Fmt(total, true));
        form.Grade = _profile.GradeOf(form.TotalScore);
        return new GeneratedForm(form, defects);
    }

    void Funds(SelfEvaluation form, bool lowUnexplained)
    {
        // Project budgets spread over orders of magnitude: 5 to 800 万元, log-uniform.
        var adjusted = Math.Round((decimal)Math.Exp(Between(Math.Log(5), Math.Log(800))), 2);
        var initial = _rng.NextDouble() < 0.7 ? adjusted : Math.Round(adjusted * Between(0.75m, 1.25m), 2);
        decimal rate;
        bool lowExplained = false;
        if (lowUnexplained) rate = Between(50m, 88m);
        else if (_rng.NextDouble() < 0.08) { rate = Between(55m, 89m); lowExplained = true; }
        else rate = _rng.NextDouble() < 0.35 ? 100m : Between(90.5m, 100m);
        var executed = Math.Round(adjusted * rate / 100m, 2);
        if (lowExplained) form.ActualOutcome += Pick(ExecutionExplanations);

        var weight = _profile.ExecutionWeight;
        var (printedRate, score, _) = Scorer.ScoreExecution(executed, adjusted, weight, _profile);
        form.Funds.Unit = MoneyUnit.WanYuan;
        form.Funds.Rows.Add(new FundRow
        {
            Label = "年度资金总额", InitialBudget = M(initial), AdjustedBudget = M(adjusted), Executed = M(executed),
            Weight = M(weight), ExecutionRate = M(printedRate!.Value), Score = M(score!.Value),
        });
        decimal carry = 0m, carryInitial = 0m, carryExecuted = 0m;
        if (_rng.NextDouble() < 0.2)
        {
            carry = Math.Round(adjusted * Between(0.05m, 0.3m), 2);
            carryInitial = initial == adjusted ? carry : Math.Round(initial * carry / adjusted, 2);
            carryExecuted = Math.Min(carry, Math.Round(executed * carry / adjusted, 2));
        }
        form.Funds.Rows.Add(SubRow("其中：当年财政拨款", initial - carryInitial, adjusted - carry, executed - carryExecuted));
        form.Funds.Rows.Add(SubRow("上年结转资金", carryInitial, carry, carryExecuted));
        form.Funds.Rows.Add(SubRow("其他资金", 0m, 0m, 0m));
    }

    FundRow SubRow(string label, decimal initial, decimal adjusted, decimal executed) => new()
    {
        Label = label, InitialBudget = M(initial), AdjustedBudget = M(adjusted), Executed = M(executed),
        ExecutionRate = M(adjusted > 0 ? _profile.RoundExecutionRate(executed / adjusted * 100m) : 0m),
    };

    GeneratedForm Declaration(string project, string department, string unit, GeneratorOptions options)
    {
        var form = new TargetDeclaration
        {
            Year = options.Year, ProjectName = project, Department = department, ImplementingUnit = unit,
            ProjectNature = _rng.NextDouble() < 0.8 ? "其他经常性项目" : Pick(Enumerations.ProjectNatures.ToArray()),
            ProjectCategory = _rng.NextDouble() < 0.7 ? "特定目标类" : Pick(new[] { "运转类项目", "其他运转类项目", "公用经费项目" }),
            StartDate = new DateOnly(options.Year, 1, 1), EndDate = new DateOnly(options.Year, 12, 31),
        };
        var drafts = Indicators(withCost: _rng.NextDouble() < 0.4, twoDecimals: true);
        var topic = Pick(Objects);
        form.AnnualGoal = string.Format(CultureInfo.InvariantCulture, Pick(GoalOpenings), project) + string.Format(CultureInfo.InvariantCulture, Pick(GoalBodies), project, topic);
        var annual = Math.Round(Between(10000m, 3000000m) / 100m) * 100m;
        decimal carry = _rng.NextDouble() < 0.2 ? Math.Round(annual * Between(0.05m, 0.3m) / 100m) * 100m : 0m;
        decimal other = _rng.NextDouble() < 0.1 ? Math.Round(annual * Between(0.05m, 0.2m) / 100m) * 100m : 0m;
        form.Funds.Unit = MoneyUnit.Yuan;
        form.Funds.AnnualTotal = M(annual);
        form.Funds.CurrentYearAppropriation = M(annual - carry - other);
        form.Funds.CarryOver = M(carry);
        form.Funds.Other = M(other);

        var defects = new List<InjectedDefect>();
        if (_rng.NextDouble() < options.DefectShare)
        {
            var kind = _rng.Next(2) == 0 ? DefectKind.ReversedComparator : DefectKind.DuplicateIndicator;
            if (Inject(kind, null, drafts) is { } defect) defects.Add(defect);
        }
        form.Indicators.AddRange(drafts.Select(d => d.Row));
        return new GeneratedForm(form, defects);
    }

    // ---- defects ---------------------------------------------------------------------------------------------

    /// <summary>Puts one defect into the rows (or the form); null when the form has no row it could sit on.</summary>
    InjectedDefect? Inject(DefectKind kind, SelfEvaluation? form, List<Draft> drafts)
    {
        bool evaluation = form is not null;
        Draft? Row(Func<Draft, bool> fits) => drafts.Where(d => !d.Touched && fits(d)).OrderBy(_ => _rng.Next()).FirstOrDefault();
        bool Counting(Draft d) => d.Measure.Shape == Shape.Count && _profile.CountUnits.Contains(d.Measure.Unit!);
        bool AtLeast(Draft d) => d.Measure.Shape is Shape.Count or Shape.Percent && d.Row.Target!.Comparator is Comparator.GreaterOrEqual or Comparator.Equal;

        switch (kind)
        {
            case DefectKind.TotalSlip:
            case DefectKind.ExecutionScoreSlip:
                return evaluation ? new InjectedDefect(kind, null) : null;

            case DefectKind.CopiedGoal:
                // A low rate explained in the outcome text would lose its explanation: that form stays as it is.
                if (!evaluation || form!.Funds.Total?.ExecutionRate < _profile.LowExecutionThreshold) return null;
                form!.ActualOutcome = form.ExpectedGoal;
                return new InjectedDefect(kind, null);

            case DefectKind.ReversedComparator:
            {
                // A count of delivered outputs written with ≤: met as written although fewer were delivered.
                var d = Row(Counting);
                if (d is null) return null;
                var t = d.Row.Target!;
                var a = t.Value!.Value;
                var c = _rng.Next(4) == 0 ? Comparator.Less : Comparator.LessOrEqual;
                d.Row.Target = Quantity(c, a, t.Unit!, t.Text.Contains('.'));
                if (evaluation)
                {
                    var b = Math.Max(0m, Math.Min(a - 1, Math.Floor(a * Between(0.4m, 0.9m))));
                    d.Row.Actual = Actual(b, t.Unit);
                    d.Row.Score = d.Row.Weight;
                    d.Row.DeviationReason = null;
                }
                d.Touched = true;
                return new InjectedDefect(kind, d.Row.Name);
            }

            case DefectKind.FarExceeded:
            {
                var d = Row(x => Counting(x) && x.Row.Target!.Comparator == Comparator.GreaterOrEqual);
                if (d is null || !evaluation) return null;
                var a = d.Row.Target!.Value!.Value;
                d.Row.Actual = Actual(Math.Ceiling(a * Between(1.6m, 9m)), d.Row.Target.Unit);
                d.Row.Score = d.Row.Weight;
                d.Row.DeviationReason = null;
                d.Touched = true;
                return new InjectedDefect(kind, d.Row.Name);
            }

            case DefectKind.MetTargetUnderscored:
            {
                var d = Row(x => AtLeast(x) && x.Row.Actual?.Value >= x.Row.Target!.Value);
                if (d is null || !evaluation) return null;
                var w = d.Row.Weight!.Value;
                d.Row.Score = M(_profile.RoundScore(w * Between(0.8m, 0.95m)));
                d.Row.DeviationReason = Pick(DeviationReasons);
                d.Touched = true;
                return new InjectedDefect(kind, d.Row.Name);
            }

            case DefectKind.MissedTargetFullScore:
            case DefectKind.MissingDeviationReason:
            {
                var d = Row(x => AtLeast(x) && x.Row.Target!.Value > 0);
                if (d is null || !evaluation) return null;
                Miss(d, 0.6m, 0.85m);
                if (kind == DefectKind.MissedTargetFullScore) d.Row.Score = d.Row.Weight;
                d.Row.DeviationReason = null;
                d.Touched = true;
                return new InjectedDefect(kind, d.Row.Name);
            }

            case DefectKind.DuplicateIndicator:
            {
                // The same 三级 name under another 二级, as seed 003 has 课题调研完成率 under 数量 and 时效.
                // Same 一级 and shape, so the copied name still fits the row's unit and dimension.
                bool Twin(Draft x, Draft y) => y != x && y.Measure.Shape == x.Measure.Shape && y.Row.Level1 == x.Row.Level1;
                var first = Row(x => drafts.Any(y => !y.Touched && Twin(x, y)));
                if (first is null) return null;
                var second = drafts.Where(y => !y.Touched && Twin(first, y))
                    .OrderBy(y => y.Row.Level2 == first.Row.Level2 ? 1 : 0).ThenBy(_ => _rng.Next()).First();
                second.Row.Name = first.Row.Name;
                first.Touched = second.Touched = true;
                return new InjectedDefect(kind, first.Row.Name);
            }
        }
        return null;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    decimal Between(decimal lo, decimal hi) => lo + (hi - lo) * (decimal)_rng.NextDouble();

    double Between(double lo, double hi) => lo + (hi - lo) * _rng.NextDouble();

    static string Fmt(decimal value, bool twoDecimals) =>
        value.ToString(twoDecimals ? "0.00" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>Money and scores carry two decimals, as printed, so that they serialise as the importer reads them.</summary>
    static decimal M(decimal value) => Dec(Fmt(value, true));

    static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Results;

namespace Jixiao.Core.Scoring;

/// <summary>
/// Reads a profile field by field so that an error can name the exact field (executionRate.rounding …) in
/// Chinese: profiles are edited by hand by people who add a region, and a deserialiser's messages would not help.
/// </summary>
internal static class ProfileParser
{
    static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="findBase">The text of another profile by its id, for `basedOn`; null where there is no catalog.</param>
    public static ScoringProfile Parse(string json, Func<string, string?>? findBase = null)
    {
        var resolved = Resolve(Root(json), findBase, []);
        using var doc = JsonDocument.Parse(resolved.ToJsonString());
        {
            var root = doc.RootElement;

            var exec = Obj(root, "executionRate");
            var rounding = Obj(root, "rounding");
            var lists = Obj(root, "lists");

            var profile = new ScoringProfile
            {
                Id = Str(root, "id"),
                Region = Region(root),
                Year = (int)Dec(root, "year", 1990, 2100),
                Basis = OptStr(root, "basis"),
                Notes = Notes(root),
                ExecutionWeight = Dec(exec, "executionRate.weight", 0, 100, "weight"),
                ExecutionRateRounding = Mode(exec, "executionRate.rounding", "rounding"),
                ExecutionRateDecimals = exec.TryGetProperty("decimals", out var rd) && rd.ValueKind != JsonValueKind.Null
                    ? Whole(exec, "executionRate.decimals", 0, 6, "decimals")
                    : Whole(rounding, "rounding.decimals", 0, 6, "decimals"),
                LowExecutionThreshold = Dec(exec, "executionRate.lowThreshold", 0, 100, "lowThreshold"),
                SharpAdjustmentPercent = Dec(exec, "executionRate.sharpAdjustmentPercent", 0, 1000, "sharpAdjustmentPercent"),
                ExecutionExplanationWords = Strings(exec, "executionRate.explanationWords", "explanationWords"),
                Level1Weights = Level1Weights(root),
                MissedTargetFormulas = Formulas(root),
                QualitativeBands = QualitativeBands(root),
                GradeBands = GradeBands(root),
                Decimals = Whole(rounding, "rounding.decimals", 0, 6, "decimals"),
                ScoreRounding = Mode(rounding, "rounding.mode", "mode"),
                Tolerance = Dec(root, "tolerance", 0, 1),
                FarExceededRatio = Dec(root, "farExceededRatio", 1, 1000),
                MinIndicators = (int)Dec(root, "minIndicators", 0, 100),
                GoalNameOverlap = Dec(root, "goalNameOverlap", 0, 1),
                CountUnits = Strings(lists, "lists.countUnits", "countUnits"),
                VagueWords = Strings(lists, "lists.vagueWords", "vagueWords"),
                UndesirableOutcomeWords = Strings(lists, "lists.undesirableOutcomeWords", "undesirableOutcomeWords"),
                SatisfactionNameWords = Strings(lists, "lists.satisfactionNameWords", "satisfactionNameWords"),
                OutputMeasuresNotEffects = Strings(lists, "lists.outputMeasuresNotEffects", "outputMeasuresNotEffects"),
                UnitRules = UnitRules(lists),
                FinanceStage = FinanceStage(root),
                ProjectNatures = Choices(root, "projectNatures", Enumerations.ProjectNatures),
                ProjectCategories = Choices(root, "projectCategories", Enumerations.ProjectCategories),
                Monitoring = MonitoringSection(root),
                Credibility = CredibilitySection(root),
                ResultsApplication = ResultsApplicationSection(root),
                Ambition = AmbitionSection(root),
                Sources = SourcesSection(root),
                BasedOn = OptStr(root, "basedOn"),
            };

            if (profile.ExecutionWeight <= 0 || profile.ExecutionWeight >= 100)
                throw Bad("executionRate.weight", "必须大于 0 且小于 100");
            return profile;
        }
    }

    static ProfileException Bad(string field, string what) => new($"字段 {field} {what}。", field);

    static JsonObject Root(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw new ProfileException($"不是合法的 JSON（第 {e.LineNumber + 1} 行）：{e.Message}", null, e);
        }
        return node as JsonObject ?? throw new ProfileException("评分方案必须是一个 JSON 对象。");
    }

    // What a profile says about itself is never inherited: its id, region, year, basis, notes and sources.
    static readonly string[] OwnFields = ["id", "region", "year"];
    static readonly string[] NotInherited = ["id", "region", "year", "basis", "notes", "sources", "basedOn"];

    /// <summary>
    /// `basedOn`: the profile is the named one with this file's fields laid over it (objects field by field, lists and
    /// numbers replaced), so that a region's file says only where it differs. Its own id, region and year must be written.
    /// </summary>
    static JsonObject Resolve(JsonObject root, Func<string, string?>? findBase, HashSet<string> seen)
    {
        if (!root.TryGetPropertyValue("basedOn", out var based) || based is null) return root;
        if (based.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(based.GetValue<string>()))
            throw Bad("basedOn", "必须是另一个评分方案的 id");
        var baseId = based.GetValue<string>().Trim();
        if (findBase is null) throw Bad("basedOn", "只能在评分方案目录中使用（要按 id 找到所依据的方案）");
        if (!seen.Add(baseId)) throw Bad("basedOn", $"循环引用：{string.Join(" → ", seen)} → {baseId}");
        foreach (var field in OwnFields)
            if (!root.ContainsKey(field)) throw Bad(field, $"缺失（基于 {baseId} 的方案也须写明自己的 {field}）");
        var text = findBase(baseId) ?? throw Bad("basedOn", $"指向的评分方案“{baseId}”不存在");
        ProfileException Within(ProfileException e) => new($"所依据的方案 {baseId} 有误：{e.Message}", e.Field, e);
        JsonObject baseRoot;
        try { baseRoot = Resolve(Root(text), findBase, seen); }
        catch (ProfileException e) { throw Within(e); }
        foreach (var field in NotInherited) baseRoot.Remove(field);
        Overlay(baseRoot, root);
        baseRoot.Remove("basedOn");
        baseRoot["basedOn"] = baseId;
        return baseRoot;
    }

    static void Overlay(JsonObject target, JsonObject over)
    {
        foreach (var (name, value) in over.ToList())
        {
            if (value is JsonObject o && target[name] is JsonObject t) Overlay(t, o);
            else target[name] = value?.DeepClone();
        }
    }

    /// <summary>`region`: a province's full name (云南省, as <see cref="Regions.PlaceNames"/> spells it) or 全国… for a national profile.</summary>
    static string Region(JsonElement root)
    {
        var region = Str(root, "region");
        if (Regions.PlaceNames.IsProvince(region) || region.StartsWith("全国", StringComparison.Ordinal)) return region;
        throw Bad("region", $"必须是省级行政区的全称（如 云南省、上海市、广西壮族自治区）或以“全国”开头，不是 \"{region}\"");
    }

    static int Whole(JsonElement obj, string field, int min, int max, string name)
    {
        var d = Dec(obj, field, min, max, name);
        if (d != decimal.Truncate(d)) throw Bad(field, "必须是整数");
        return (int)d;
    }

    /// <summary>
    /// `sources`: where each figure comes from, a list of { figure, source, firmness }. The figure is a field path of this
    /// file (`executionRate.weight`), so that a source cannot silently name a field that is not there.
    /// </summary>
    static IReadOnlyList<FigureSource> SourcesSection(JsonElement root)
    {
        if (!root.TryGetProperty("sources", out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw Bad("sources", "必须是数组 [ { \"figure\": …, \"source\": …, \"firmness\": … } ]");
        var list = new List<FigureSource>();
        var i = 0;
        foreach (var e in v.EnumerateArray())
        {
            var f = $"sources[{i++}]";
            if (e.ValueKind != JsonValueKind.Object) throw Bad(f, "必须是对象 { \"figure\": …, \"source\": …, \"firmness\": … }");
            var figure = Str(e, $"{f}.figure", "figure");
            var node = root;
            foreach (var part in figure.Split('.'))
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
                    throw Bad($"{f}.figure", $"“{figure}”不是本文件中的字段");
            list.Add(new FigureSource(figure, Source(e, f)));
        }
        return list;
    }

    static JsonElement Prop(JsonElement obj, string name, string field)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            throw Bad(field, "缺失");
        return v;
    }

    static JsonElement Obj(JsonElement obj, string field)
    {
        var v = Prop(obj, field, field);
        if (v.ValueKind != JsonValueKind.Object) throw Bad(field, "必须是对象 { … }");
        return v;
    }

    static string Str(JsonElement obj, string field, string? name = null)
    {
        var v = Prop(obj, name ?? field, field);
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
            throw Bad(field, "必须是非空字符串");
        return v.GetString()!.Trim();
    }

    /// <summary>`approval.financeStage`: whether finance approves after the 主管部门 (default: yes, two stages).</summary>
    static bool FinanceStage(JsonElement root)
    {
        if (!root.TryGetProperty("approval", out var approval) || approval.ValueKind == JsonValueKind.Null) return true;
        if (approval.ValueKind != JsonValueKind.Object) throw Bad("approval", "必须是对象 { \"financeStage\": true }");
        if (!approval.TryGetProperty("financeStage", out var v) || v.ValueKind == JsonValueKind.Null) return true;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad("approval.financeStage", "必须是 true（主管部门审核后再由财政审核）或 false（主管部门审核即为终审）"),
        };
    }

    /// <summary>
    /// `enumerations.projectNatures` / `.projectCategories`: the choices of a declaration's header, optional (the
    /// default lists when absent), else a non-empty list of distinct non-empty strings.
    /// </summary>
    static IReadOnlyList<string> Choices(JsonElement root, string name, IReadOnlyList<string> defaults)
    {
        if (!root.TryGetProperty("enumerations", out var e) || e.ValueKind == JsonValueKind.Null) return defaults;
        if (e.ValueKind != JsonValueKind.Object) throw Bad("enumerations", "必须是对象 { \"projectNatures\": [ … ], \"projectCategories\": [ … ] }");
        foreach (var p in e.EnumerateObject())
            if (p.Name is not ("projectNatures" or "projectCategories"))
                throw Bad($"enumerations.{p.Name}", "不是可用的字段（只有 projectNatures 项目性质、projectCategories 项目类别）");
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return defaults;
        var field = $"enumerations.{name}";
        var list = Strings(e, field, name);
        if (list.Count == 0) throw Bad(field, "至少要有一项（不写此字段则用默认的列表）");
        if (list.Distinct().Count() != list.Count) throw Bad(field, $"有重复的项：{string.Join("、", list.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key))}");
        return list;
    }

    /// <summary>
    /// `monitoring`: the warning rules of 运行监控, each an object with its figures, `source` and `firmness`. Absent:
    /// the defaults. Present: only the rules it names are applied (a region without a rule leaves it out).
    /// </summary>
    static MonitoringRules MonitoringSection(JsonElement root)
    {
        if (!root.TryGetProperty("monitoring", out var m) || m.ValueKind == JsonValueKind.Null) return MonitoringRules.Default;
        if (m.ValueKind != JsonValueKind.Object) throw Bad("monitoring", "必须是对象 { \"executionAgainstTime\": { … }, … }");
        string[] known = ["executionAgainstTime", "forecastMissesTarget", "likelihood", "forecastExecutionShortfall", "forecastActualGap"];
        foreach (var p in m.EnumerateObject())
            if (!known.Contains(p.Name))
                throw Bad($"monitoring.{p.Name}", $"不是可用的规则（可用：{string.Join("、", known)}）");
        JsonElement? Rule(string name)
        {
            if (!m.TryGetProperty(name, out var r) || r.ValueKind == JsonValueKind.Null) return null;
            if (r.ValueKind != JsonValueKind.Object) throw Bad($"monitoring.{name}", "必须是对象 { …, \"source\": …, \"firmness\": … }");
            return r;
        }
        RuleSource Basis(JsonElement r, string name) => Source(r, $"monitoring.{name}");
        Light Colour(JsonElement r, string field, string name) =>
            Lights.FromCode(Str(r, field, name)) is { } l && l != Light.Green ? l
                : throw Bad(field, "必须是 \"yellow\" 或 \"red\"");

        ExecutionAgainstTimeRule? time = null;
        if (Rule("executionAgainstTime") is { } t)
        {
            const string f = "monitoring.executionAgainstTime";
            var red = Dec(t, $"{f}.red", 0, 1000, "red");
            var yellow = Dec(t, $"{f}.yellow", 0, 1000, "yellow");
            if (red > yellow) throw Bad(f, $"的 red（{Num.Plain(red)}）不能大于 yellow（{Num.Plain(yellow)}）");
            time = new ExecutionAgainstTimeRule(red, yellow, Basis(t, "executionAgainstTime"));
        }
        ForecastMissesTargetRule? miss = Rule("forecastMissesTarget") is { } fm
            ? new ForecastMissesTargetRule(Colour(fm, "monitoring.forecastMissesTarget.light", "light"), Basis(fm, "forecastMissesTarget"))
            : null;
        LikelihoodRule? likely = Rule("likelihood") is { } l
            ? new LikelihoodRule(Colour(l, "monitoring.likelihood.possible", "possible"), Colour(l, "monitoring.likelihood.impossible", "impossible"), Basis(l, "likelihood"))
            : null;
        ForecastExecutionShortfallRule? shortfall = Rule("forecastExecutionShortfall") is { } fs
            ? new ForecastExecutionShortfallRule(Dec(fs, "monitoring.forecastExecutionShortfall.percent", 0, 100, "percent"),
                Colour(fs, "monitoring.forecastExecutionShortfall.light", "light"), Basis(fs, "forecastExecutionShortfall"))
            : null;
        ForecastActualGapRule? gap = Rule("forecastActualGap") is { } g
            ? new ForecastActualGapRule(Dec(g, "monitoring.forecastActualGap.percent", 0, 1000, "percent"), Basis(g, "forecastActualGap"))
            : null;
        return new MonitoringRules(time, miss, likely, shortfall, gap);
    }

    /// <summary>
    /// `credibility`: the points each sign costs a self-evaluation's credibility (and the two thresholds). Absent: the
    /// defaults; present: the fields it gives replace the defaults, an unknown field is refused.
    /// </summary>
    static Credibility.CredibilityRules CredibilitySection(JsonElement root)
    {
        var d = Credibility.CredibilityRules.Default;
        if (!root.TryGetProperty("credibility", out var c) || c.ValueKind == JsonValueKind.Null) return d;
        if (c.ValueKind != JsonValueKind.Object) throw Bad("credibility", "必须是对象 { \"scoreAheadOfExecutionPercent\": 5, … }");
        string[] known =
        [
            "scoreAheadOfExecutionPercent", "scoreAheadOfExecutionPoints", "actualsEqualTargetsShare", "actualsEqualTargetsPoints",
            "qualitativeFullMarksPoints", "copiedGoalPoints", "budgetCutPercent", "budgetCutPoints", "forecastGapPoints",
            "errorPoints", "warningPoints", "findingsCap", "source", "firmness", "notes",
        ];
        foreach (var p in c.EnumerateObject())
            if (!known.Contains(p.Name)) throw Bad($"credibility.{p.Name}", $"不是可用的字段（可用：{string.Join("、", known)}）");
        decimal Or(string name, decimal fallback) =>
            c.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Dec(c, $"credibility.{name}", 0, 100, name) : fallback;
        return new Credibility.CredibilityRules(
            Or("scoreAheadOfExecutionPercent", d.ScoreAheadOfExecutionPercent), Or("scoreAheadOfExecutionPoints", d.ScoreAheadOfExecutionPoints),
            Or("actualsEqualTargetsShare", d.ActualsEqualTargetsShare), Or("actualsEqualTargetsPoints", d.ActualsEqualTargetsPoints),
            Or("qualitativeFullMarksPoints", d.QualitativeFullMarksPoints), Or("copiedGoalPoints", d.CopiedGoalPoints),
            Or("budgetCutPercent", d.BudgetCutPercent), Or("budgetCutPoints", d.BudgetCutPoints), Or("forecastGapPoints", d.ForecastGapPoints),
            Or("errorPoints", d.ErrorPoints), Or("warningPoints", d.WarningPoints), Or("findingsCap", d.FindingsCap));
    }

    /// <summary>
    /// `resultsApplication`: 结果应用, one object per grade of `gradeBands` with its `action` (the suggested action for next
    /// year's budget), `source` and `firmness`. Absent: the default (rules.md §8). Present: every grade must be mapped
    /// and nothing else, so that no graded project is left without a suggestion.
    /// </summary>
    static ResultsApplicationRules ResultsApplicationSection(JsonElement root)
    {
        if (!root.TryGetProperty("resultsApplication", out var m) || m.ValueKind == JsonValueKind.Null) return ResultsApplicationRules.Default;
        if (m.ValueKind != JsonValueKind.Object) throw Bad("resultsApplication", "必须是对象 { \"优\": { \"action\": …, \"source\": …, \"firmness\": … }, … }");
        var grades = GradeBands(root).Select(b => b.Grade).ToList();
        foreach (var p in m.EnumerateObject())
            if (!grades.Contains(p.Name))
                throw Bad($"resultsApplication.{p.Name}", $"不是评分方案 gradeBands 中的等级（等级有：{string.Join("、", grades)}）");
        var rules = new List<ResultActionRule>();
        foreach (var grade in grades)
        {
            var field = $"resultsApplication.{grade}";
            if (!m.TryGetProperty(grade, out var r) || r.ValueKind == JsonValueKind.Null) throw Bad(field, "缺失（每个等级都要有建议的结果应用）");
            if (r.ValueKind != JsonValueKind.Object) throw Bad(field, "必须是对象 { \"action\": …, \"source\": …, \"firmness\": … }");
            var action = Str(r, $"{field}.action", "action");
            if (action == ResultsApplicationRules.Other) throw Bad($"{field}.action", $"不能是“{ResultsApplicationRules.Other}”（它留给财政部门不按建议处理时选用）");
            rules.Add(new ResultActionRule(grade, action, Source(r, field)));
        }
        return new ResultsApplicationRules(rules);
    }

    /// <summary>
    /// `ambition`: `peerShortfallPercent` (0–100) and `minPeers` (3 or more), each optional (the defaults, 50 and 5);
    /// `note` is free text. Any other field is refused, named.
    /// </summary>
    static AmbitionRules AmbitionSection(JsonElement root)
    {
        if (!root.TryGetProperty("ambition", out var a) || a.ValueKind == JsonValueKind.Null) return AmbitionRules.Default;
        if (a.ValueKind != JsonValueKind.Object) throw Bad("ambition", "必须是对象 { \"peerShortfallPercent\": 50, \"minPeers\": 5 }");
        foreach (var p in a.EnumerateObject())
            if (p.Name is not ("peerShortfallPercent" or "minPeers" or "note"))
                throw Bad($"ambition.{p.Name}", "不是可用的字段（只有 peerShortfallPercent、minPeers、note）");
        if (a.TryGetProperty("note", out var note) && note.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            throw Bad("ambition.note", "必须是字符串");
        var d = AmbitionRules.Default;
        var percent = a.TryGetProperty("peerShortfallPercent", out var ps) && ps.ValueKind != JsonValueKind.Null
            ? Dec(a, "ambition.peerShortfallPercent", 0, 100, "peerShortfallPercent") : d.PeerShortfallPercent;
        var min = d.MinPeers;
        if (a.TryGetProperty("minPeers", out var mp) && mp.ValueKind != JsonValueKind.Null)
        {
            var n = Dec(a, "ambition.minPeers", 3, 10_000, "minPeers");
            if (n != decimal.Truncate(n)) throw Bad("ambition.minPeers", "必须是整数");
            min = (int)n;
        }
        return new AmbitionRules(percent, min);
    }

    /// <summary>A rule's `source` and `firmness` (rules.md's tags S, K, V, P, I, U), each refused by its field when missing or wrong.</summary>
    static RuleSource Source(JsonElement rule, string field)
    {
        var firmness = Str(rule, $"{field}.firmness", "firmness");
        if (firmness is not ("S" or "K" or "V" or "P" or "I" or "U"))
            throw Bad($"{field}.firmness", $"必须是 S、K、V、P、I、U 之一（rules.md 的可靠程度标记），不是 \"{firmness}\"");
        return new RuleSource(Str(rule, $"{field}.source", "source"), firmness);
    }

    static string? OptStr(JsonElement obj, string field) =>
        obj.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string? Notes(JsonElement root)
    {
        if (!root.TryGetProperty("notes", out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array => string.Join("\n", v.EnumerateArray().Select(e => e.ToString())),
            JsonValueKind.Null => null,
            _ => throw Bad("notes", "必须是字符串或字符串数组"),
        };
    }

    static decimal Dec(JsonElement obj, string field, decimal min, decimal max, string? name = null)
    {
        var v = Prop(obj, name ?? field, field);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
            throw Bad(field, "必须是数字");
        if (d < min || d > max) throw Bad(field, $"必须在 {Num.Plain(min)} 到 {Num.Plain(max)} 之间（现为 {Num.Plain(d)}）");
        return d;
    }

    static RoundingMode Mode(JsonElement obj, string field, string name) => Str(obj, field, name) switch
    {
        "half-up" => RoundingMode.HalfUp,
        "truncate" => RoundingMode.Truncate,
        var s => throw Bad(field, $"必须是 \"half-up\"（四舍五入）或 \"truncate\"（截尾），不是 \"{s}\""),
    };

    static IReadOnlyList<string> Strings(JsonElement obj, string field, string name)
    {
        var v = Prop(obj, name, field);
        if (v.ValueKind != JsonValueKind.Array) throw Bad(field, "必须是字符串数组 [ … ]");
        var list = new List<string>();
        foreach (var e in v.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
                throw Bad(field, "只能包含非空字符串");
            list.Add(e.GetString()!.Trim());
        }
        return list;
    }

    static IReadOnlyDictionary<string, decimal> Level1Weights(JsonElement root)
    {
        var v = Obj(root, "level1Weights");
        var map = new Dictionary<string, decimal>();
        foreach (var p in v.EnumerateObject())
            map[p.Name] = Dec(v, $"level1Weights.{p.Name}", 0, 100, p.Name);
        if (map.Count == 0) throw Bad("level1Weights", "至少要有一个一级指标权重");
        return map;
    }

    static Comparator? ComparatorKey(string key) => key switch
    {
        ">=" => Comparator.GreaterOrEqual,
        "<=" => Comparator.LessOrEqual,
        _ => Comparators.FromSymbol(key),
    };

    static IReadOnlyDictionary<Comparator, MissedTargetFormula> Formulas(JsonElement root)
    {
        const string field = "missedTargetFormulas";
        var v = Obj(root, field);
        var map = new Dictionary<Comparator, MissedTargetFormula>();
        foreach (var p in v.EnumerateObject())
        {
            var c = ComparatorKey(p.Name) ?? throw Bad($"{field}.{p.Name}", "不是比较符；只能用 ≥ > = ≤ <");
            var name = Str(v, $"{field}.{p.Name}", p.Name);
            MissedTargetFormula f = name switch
            {
                "proportional" => MissedTargetFormula.Proportional,
                "ratio" => MissedTargetFormula.Ratio,
                "linear" => MissedTargetFormula.Linear,
                "all-or-nothing" => MissedTargetFormula.AllOrNothing,
                _ => throw Bad($"{field}.{p.Name}", $"必须是 proportional / ratio / linear / all-or-nothing 之一，不是 \"{name}\""),
            };
            var allowed = c.IsUpperBound()
                ? f is MissedTargetFormula.Ratio or MissedTargetFormula.Linear or MissedTargetFormula.AllOrNothing
                : f is MissedTargetFormula.Proportional or MissedTargetFormula.AllOrNothing;
            if (!allowed)
                throw Bad($"{field}.{p.Name}", c.IsUpperBound()
                    ? "对 ≤ / < 只能用 ratio、linear 或 all-or-nothing"
                    : "对 ≥ / > / = 只能用 proportional 或 all-or-nothing");
            map[c] = f;
        }
        foreach (var c in Enum.GetValues<Comparator>())
            if (!map.ContainsKey(c)) throw Bad($"{field}.{c.ToSymbol()}", "缺失（五个比较符 ≥ > = ≤ < 都要给出公式）");
        return map;
    }

    static ScoreBand Band(JsonElement obj, string field)
    {
        var min = Dec(obj, $"{field}.min", 0, 100, "min");
        var max = Dec(obj, $"{field}.max", 0, 100, "max");
        var included = obj.TryGetProperty("maxIncluded", out var inc) && inc.ValueKind == JsonValueKind.True;
        if (min >= max) throw Bad(field, $"的 min（{Num.Plain(min)}）必须小于 max（{Num.Plain(max)}）");
        return new ScoreBand(min, max, included);
    }

    static IReadOnlyDictionary<Achievement, ScoreBand> QualitativeBands(JsonElement root)
    {
        const string field = "qualitativeBands";
        var v = Obj(root, field);
        var map = new Dictionary<Achievement, ScoreBand>();
        foreach (var a in Enum.GetValues<Achievement>())
        {
            var key = a switch
            {
                Achievement.Achieved => "achieved",
                Achievement.PartiallyAchieved => "partiallyAchieved",
                _ => "notAchieved",
            };
            var band = Prop(v, key, $"{field}.{key}");
            if (band.ValueKind != JsonValueKind.Object) throw Bad($"{field}.{key}", "必须是对象 { \"min\": …, \"max\": … }");
            map[a] = Band(band, $"{field}.{key}");
        }
        return map;
    }

    static IReadOnlyList<GradeBand> GradeBands(JsonElement root)
    {
        const string field = "gradeBands";
        var v = Prop(root, field, field);
        if (v.ValueKind != JsonValueKind.Array) throw Bad(field, "必须是数组 [ { \"grade\": …, \"min\": … } ]");
        var list = new List<GradeBand>();
        var i = 0;
        foreach (var e in v.EnumerateArray())
        {
            var f = $"{field}[{i++}]";
            if (e.ValueKind != JsonValueKind.Object) throw Bad(f, "必须是对象 { \"grade\": …, \"min\": … }");
            list.Add(new GradeBand(Str(e, $"{f}.grade", "grade"), Dec(e, $"{f}.min", 0, 100, "min")));
        }
        if (list.Count == 0) throw Bad(field, "至少要有一个等级");
        for (var k = 1; k < list.Count; k++)
            if (list[k].Min >= list[k - 1].Min) throw Bad(field, "必须按 min 从高到低排列");
        if (list[^1].Min != 0) throw Bad(field, "最后一个等级的 min 必须是 0，使任何总分都有等级");
        return list;
    }

    static IReadOnlyList<UnitRule> UnitRules(JsonElement lists)
    {
        const string field = "lists.unitRules";
        var v = Prop(lists, "unitRules", field);
        if (v.ValueKind != JsonValueKind.Array) throw Bad(field, "必须是数组");
        var list = new List<UnitRule>();
        var i = 0;
        foreach (var e in v.EnumerateArray())
        {
            var f = $"{field}[{i++}]";
            if (e.ValueKind != JsonValueKind.Object) throw Bad(f, "必须是对象");
            var ends = OptStr(e, "nameEndsWith");
            var contains = OptStr(e, "nameContains");
            if (string.IsNullOrWhiteSpace(ends) == string.IsNullOrWhiteSpace(contains))
                throw Bad(f, "必须恰好给出 nameEndsWith 或 nameContains 之一");
            list.Add(new UnitRule(ends, contains, Strings(e, $"{f}.units", "units")));
        }
        return list;
    }
}

using System.ComponentModel;
using Jixiao.Core.Library;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Library;

[Description("导入的工作簿中的一条指标")]
public sealed record ImportedLibraryEntry(
    [property: Description("行号（同一编号有多行时为第一行）")] int Row,
    [property: Description("编号（已有的指标，或确认导入后新增的）")] long? Id,
    [property: Description("一级指标")] string Level1,
    [property: Description("二级指标")] string Level2,
    [property: Description("三级指标")] string Name,
    [property: Description("new 新增 / update 修改 / same 没有变化 / problem 这一行有问题")] string Outcome,
    [property: Description("修改的内容（已有的指标）；新增的指标：其状态、共享范围、所属单位和标签")] IReadOnlyList<string> Changes);

[Description("指标库导入的预览（或确认导入的结果）")]
public sealed record LibraryImportResult(
    [property: Description("是否已导入")] bool Confirmed,
    [property: Description("指标（工作表“指标库”，每条一次）")] IReadOnlyList<ImportedLibraryEntry> Entries,
    [property: Description("问题：有一处即不导入任何内容")] IReadOnlyList<ImportRowProblem> Problems);

/// <summary>
/// Finance's 指标库 from a workbook: the one the library exports (sheet 指标库, a row per entry and year), edited, or a
/// new one with the same headers. A row with a 编号 sets that entry's 所属单位 and curated fields (指标解释, 计算方法,
/// 指标值依据, 标签, 共性/个性, 共享范围, 状态 by the one-step moves); a row without adds an entry (its names, 指标性质 and
/// 度量单位 too). The figures (使用表数 … 实际值) are the seed's and are not read. A column left out of the header keeps
/// what is stored; an empty cell of a text column clears it. Without `confirm=true` the answer is a preview naming
/// every bad cell by sheet, row and column; with it, everything is written in one transaction, or, with a single
/// problem, nothing: what is stored is never half changed.
/// </summary>
public static class LibraryImport
{
    public const string Sheet = "指标库";
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    public const int MaxEntries = 10_000;

    const string Id = "编号", Level1 = "一级指标", Level2 = "二级指标", Name = "三级指标", Comparator = "指标性质", Unit = "度量单位",
        Explanation = "指标解释", Method = "计算方法", Basis = "指标值依据", Tags = "标签", Nature = "共性/个性", Owner = "所属单位",
        Scope = "共享范围", Status = "状态";

    /// <summary>The columns read, in the export's order; the export's other columns (the figures) are not.</summary>
    public static readonly string[] Columns = [Id, Level1, Level2, Name, Comparator, Unit, Explanation, Method, Basis, Tags, Nature, Owner, Scope, Status];

    /// <summary>Where finance's own entries belong (no 所属单位).</summary>
    public const string Finance = "财政部门";

    public static readonly IReadOnlyList<string> Instructions =
    [
        "1. 工作表“指标库”每行一条指标（导出时一条指标有几个年度的数值就有几行，编号相同）。可在导出的工作簿上修改，也可新建同样标题的工作簿；列的顺序可以调整，标题请勿修改。",
        "2. 有编号的行修改该指标：所属单位、指标解释、计算方法、指标值依据、标签、共性/个性、共享范围、状态。一级、二级、三级指标、指标性质和度量单位由已存的表汇集得出，不能在此修改。同一编号的各行须一致。",
        "3. 编号留空的行新增一条指标：须填一级指标（产出指标、效益指标、满意度指标或成本指标）、二级指标和三级指标；规范化后与已有指标相同的，请填写已有的编号。新增的指标在下次“由已存的表汇集”时补上使用情况和分布。",
        "4. 指标值依据：计划标准、历史标准、行业标准或其他标准（可留空）；共性/个性：共性指标或个性指标；共享范围：本单位、本部门或全部（本单位、本部门须填写所属单位，写实施单位的名称；财政部门的指标写“财政部门”或留空）；状态：待审定、已审定或已停用，只能 待审定 → 已审定 → 已停用，新增的只能是待审定或已审定。标签以“、”分隔。",
        "5. 使用表数、年度和目标值、实际值的各列是汇集的结果，导入时不读取。缺少某一列（标题行中没有）时，该项保持不变；有这一列而单元格为空时，指标解释、计算方法、指标值依据、标签被清空。",
        $"6. 先“预览”：每一处问题都写明工作表、行号和列。改正后再“确认导入”：全部导入，或有一处问题即什么都不导入。一次最多 {MaxEntries} 条指标。",
    ];

    public static IReadOnlyList<ColumnChoice> Choices =>
    [
        new(1, Framework.Level1Names, "新增的指标须填一级指标"),
        new(4, ["≥", ">", "=", "≤", "<"], "由已存的表汇集得出；新增的指标可填"),
        new(8, Enum.GetValues<ValueBasis>().Select(b => b.ToChinese()).ToList(), "可留空"),
        new(10, Enum.GetValues<IndicatorNature>().Select(n => n.ToChinese()).ToList(), "共性指标或个性指标"),
        new(12, Enum.GetValues<SharingScope>().Select(s => s.ToChinese()).ToList(), "本单位、本部门须填写所属单位"),
        new(13, Enum.GetValues<EntryStatus>().Select(s => s.ToChinese()).ToList(), "只能 待审定 → 已审定 → 已停用"),
    ];

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/indicator-library/import", (HttpContext http, LibraryStore library, OrganisationStore organisations) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            LibraryWork.Require(user);
            var sheets = await WorkbookUpload.ReadAsync(http, MaxUploadBytes);
            var sheet = sheets.FirstOrDefault(s => s.Name.Trim() == Sheet)
                ?? throw Api.Fail(400, $"工作簿中没有名为“{Sheet}”的工作表（可先导出指标库，在导出的工作簿上修改）", "file");
            var plan = Plan.Read(sheet, await library.SearchAsync(), await organisations.AllAsync());
            if (http.Request.Query["confirm"] != "true") return Api.Json(plan.Result(false));
            if (plan.Problems.Count > 0) return WorkbookUpload.Refused(plan.Problems);
            var written = plan.Entries.Where(e => e.Outcome is "new" or "update").ToList();
            var ids = await library.ImportAsync(written.Select(e => e.Write!).ToList(), user.Username!)
                ?? throw Api.Fail(409, "导入期间指标库已被他人修改（或刚汇集了新的指标），没有导入任何内容；请重新预览后再确认", "file");
            return Api.Json(plan.Result(true, written.Zip(ids).ToDictionary(p => p.First.Row, p => p.Second)));
        })).DisableAntiforgery()
            .WithSummary("财政部门由 Excel 导入指标库（multipart/form-data，字段 file 为 xlsx，须带请求头 X-Requested-With）：工作表“指标库”，即导出的格式；有编号的行修改该指标（所属单位、指标解释、计算方法、指标值依据、标签、共性/个性、共享范围、状态），编号留空的行新增指标；先预览，?confirm=true 一次全部导入；有一处问题即不导入任何内容")
            .Produces<LibraryImportResult>().Produces<ApiError>(400).Produces<ApiError>(403).Produces<ApiError>(409).Produces<ApiError>(422);
    }

    sealed record Planned(int Row, long? Id, string Level1, string Level2, string Name, string Outcome, IReadOnlyList<string> Changes, LibraryImportEntry? Write);

    /// <summary>What the sheet asks for, checked against the library and the organisations: an entry per id or new row, and every problem.</summary>
    sealed class Plan
    {
        public readonly List<Planned> Entries = [];
        public readonly List<ImportRowProblem> Problems = [];

        public LibraryImportResult Result(bool confirmed, IReadOnlyDictionary<int, long>? ids = null) => new(confirmed,
            Entries.Select(e => new ImportedLibraryEntry(e.Row, e.Id ?? ids?.GetValueOrDefault(e.Row), e.Level1, e.Level2, e.Name, e.Outcome, e.Changes)).ToList(),
            Problems);

        public static Plan Read(XlsxReader.GridSheet sheet, IReadOnlyList<LibraryRow> stored, IReadOnlyList<Organisation> organisations)
        {
            var plan = new Plan();
            var problems = plan.Problems;
            var t = new SheetTable(sheet, problems);
            if (!t.ReadHeader(Columns, Columns.Except([Level1, Level2, Name]).ToList())) return plan;
            var byId = stored.ToDictionary(r => r.Id);
            var byKey = stored.ToDictionary(r => r.Key, StringComparer.Ordinal);
            var units = organisations.Where(o => o.Kind == "unit").GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First());
            var orgNames = organisations.ToDictionary(o => o.Id, o => o.Name);
            var firstOfId = new Dictionary<long, (int Row, string[] Cells)>();
            var newKeys = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (row, cells) in t.Rows())
            {
                var before = problems.Count;
                // Excel may show a number grouped (1,234) once someone reformats the column.
                var idText = t.Cell(cells, Id).Replace(",", "");
                LibraryRow? existing = null;
                if (idText.Length > 0)
                {
                    if (!long.TryParse(idText, out var id)) t.Problem(row, Id, $"编号应为指标库中的数字编号，不是“{idText}”（新增的指标请留空）");
                    else if (firstOfId.TryGetValue(id, out var first))
                    {
                        // A later year's row of the same entry: it must say the same, or the entry is not written.
                        foreach (var c in Columns.Where(t.Has).Where(c => t.Cell(cells, c) != t.Cell(first.Cells, c)))
                            t.Problem(row, c, $"与第 {first.Row} 行（同一编号 {id}）不同：同一指标的各行须一致");
                        if (problems.Count > before && plan.Entries.FindIndex(e => e.Row == first.Row) is var at and >= 0)
                            plan.Entries[at] = plan.Entries[at] with { Outcome = "problem", Write = null };
                        continue;
                    }
                    else if (!byId.TryGetValue(id, out existing)) t.Problem(row, Id, $"指标库中没有编号为 {id} 的指标（新增的指标请留空编号）");
                    else firstOfId[id] = (row, cells);
                }
                if (plan.Entries.Count >= MaxEntries)
                {
                    t.Problem(row, Name, $"一次最多导入 {MaxEntries} 条指标，请分批导入");
                    break;
                }
                var entry = Entry(t, row, cells, existing, idText.Length > 0, byKey, newKeys, units, orgNames);
                plan.Entries.Add(problems.Count > before ? entry with { Outcome = "problem", Write = null } : entry);
            }
            return plan;
        }

        /// <summary>One entry's row checked: the existing entry it changes (with what changes) or the new one.</summary>
        static Planned Entry(SheetTable t, int row, string[] cells, LibraryRow? existing, bool hasId, Dictionary<string, LibraryRow> byKey,
            Dictionary<string, int> newKeys, Dictionary<string, Organisation> units, Dictionary<long, string> orgNames)
        {
            var (l1, l2, name) = (t.Cell(cells, Level1), t.Cell(cells, Level2), t.Cell(cells, Name));
            var key = IndicatorKey.Of(l1, l2, name);
            string? comparator = existing?.Comparator, unit = existing?.Unit;
            if (existing is not null)
            {
                if (key != existing.Key)
                    t.Problem(row, Name, $"一级、二级、三级指标与编号 {existing.Id} 的“{existing.Level1}/{existing.Level2}/{existing.Name}”不同：已有的指标不能改名；新的指标请另起一行，编号留空");
                if (t.Has(Comparator) && Symbol(t.Cell(cells, Comparator)) is var c && c != existing.Comparator)
                    t.Problem(row, Comparator, $"指标性质由已存的表汇集得出，不能在此修改（现为“{existing.Comparator ?? "空"}”）");
                if (t.Has(Unit) && Units.Normalize(t.Cell(cells, Unit)) != existing.Unit)
                    t.Problem(row, Unit, $"度量单位由已存的表汇集得出，不能在此修改（现为“{existing.Unit ?? "空"}”）");
            }
            else if (!hasId)
            {
                var level1 = Framework.Level1Of(IndicatorKey.Text(l1), IndicatorKey.Text(l2));
                if (l1.Length == 0 || level1 is null) t.Problem(row, Level1, l1.Length == 0 ? "新增的指标须填一级指标" : $"一级指标应为{string.Join("、", Framework.Level1Names)}之一，不是“{l1}”");
                else l1 = level1;
                if (l2.Length == 0) t.Problem(row, Level2, "新增的指标须填二级指标");
                if (name.Length == 0) t.Problem(row, Name, "新增的指标须填三级指标");
                else if (name.Length > 200) t.Problem(row, Name, $"三级指标不能超过 200 个字（现为 {name.Length} 个）");
                key = IndicatorKey.Of(l1, l2, name);
                if (byKey.TryGetValue(key, out var same))
                    t.Problem(row, Name, $"与指标库中编号 {same.Id} 的“{same.Level1}/{same.Level2}/{same.Name}”相同（规范化后）：要修改它，请填写编号 {same.Id}");
                else if (newKeys.TryGetValue(key, out var firstRow)) t.Problem(row, Name, $"与第 {firstRow} 行新增的指标相同（规范化后）");
                else newKeys[key] = row;
                var cell = t.Cell(cells, Comparator);
                comparator = Symbol(cell);
                if (cell.Length > 0 && comparator is null) t.Problem(row, Comparator, $"指标性质应为 ≥、>、=、≤、< 之一或留空，不是“{cell}”");
                unit = Units.Normalize(t.Cell(cells, Unit));
                if (unit is { Length: > 20 }) t.Problem(row, Unit, "度量单位不能超过 20 个字");
            }

            string? Text(string column, string? kept)
            {
                if (!t.Has(column)) return kept;
                var v = t.Cell(cells, column);
                if (LibraryCuration.RefuseText(column, v) is { } refusal) t.Problem(row, column, refusal);
                return v.Length == 0 ? null : v;
            }
            // A choice: its code, or the kept one when the column is left out or (for those that cannot be empty) the cell is.
            string? Choice<T>(string column, string? kept, bool mayBeEmpty, Func<T, string> chinese, Func<T, string> code) where T : struct, Enum
            {
                if (!t.Has(column)) return kept;
                var v = t.Cell(cells, column);
                if (v.Length == 0) return mayBeEmpty ? null : kept;
                if (LibraryCuration.FromWord(v, chinese, code) is { } parsed) return code(parsed);
                t.Problem(row, column, $"应为{string.Join("、", Enum.GetValues<T>().Select(chinese))}之一，不是“{v}”");
                return kept;
            }

            var explanation = Text(Explanation, existing?.Explanation);
            var method = Text(Method, existing?.Method);
            var basis = Choice<ValueBasis>(Basis, existing?.ValueBasis, true, b => b.ToChinese(), b => b.ToCode());
            var tags = existing?.Tags ?? "";
            if (t.Has(Tags))
            {
                (tags, var wrong) = LibraryCuration.Tags(t.Cell(cells, Tags).Split('、', '，', ','));
                if (wrong is not null) t.Problem(row, Tags, wrong);
            }
            var nature = Choice<IndicatorNature>(Nature, existing?.Nature ?? IndicatorNature.Specific.ToCode(), false, n => n.ToChinese(), n => n.ToCode())!;
            var owner = existing?.OwnerId;
            var ownerWrong = false;
            if (t.Has(Owner))
            {
                var v = t.Cell(cells, Owner);
                owner = null;
                if (v.Length > 0 && v != Finance)
                {
                    if (units.TryGetValue(v, out var o)) owner = o.Id;
                    else { t.Problem(row, Owner, $"没有名为“{v}”的实施单位（财政部门的指标写“{Finance}”或留空）"); ownerWrong = true; }
                }
            }
            var scope = Choice<SharingScope>(Scope, existing?.Scope ?? SharingScope.All.ToCode(), false, s => s.ToChinese(), s => s.ToCode())!;
            // Shared with 本单位 or 本部门 of no unit, nobody would see it; said once, on 共享范围, when the owner's cell is not already wrong.
            if (owner is null && !ownerWrong && LibraryCuration.ScopeFrom(scope) is SharingScope.Unit or SharingScope.Department)
                t.Problem(row, Scope, $"共享范围为“{LibraryCuration.ScopeFrom(scope)!.Value.ToChinese()}”时须填写所属单位");
            var status = Choice<EntryStatus>(Status, existing?.Status ?? EntryStatus.Proposed.ToCode(), false, s => s.ToChinese(), s => s.ToCode())!;
            var to = LibraryCuration.StatusFrom(status)!.Value;
            if (existing is not null && LibraryCuration.RefuseMove(LibraryCuration.StatusFrom(existing.Status)!.Value, to) is { } refused)
                t.Problem(row, Status, refused);
            if (existing is null && to == EntryStatus.Retired) t.Problem(row, Status, "新增的指标只能是待审定或已审定");

            var curated = new LibraryCurated(explanation, method, basis, tags, nature, scope, status);
            var write = new LibraryImportEntry(existing?.Id, existing?.UpdatedAt, existing?.Key ?? key,
                existing?.Level1 ?? l1, existing?.Level2 ?? l2, existing?.Name ?? name, comparator, unit, owner, curated);
            if (existing is null)
                return new Planned(row, null, l1, l2, name, "new", [$"新增：{to.ToChinese()}，共享范围{LibraryCuration.ScopeFrom(scope)!.Value.ToChinese()}"
                    + (owner is { } o ? $"，所属{orgNames.GetValueOrDefault(o)}" : "") + (tags.Length > 0 ? $"，标签{tags}" : "")], write);
            var changes = Changes(existing, owner, curated, orgNames);
            return new Planned(row, existing.Id, existing.Level1, existing.Level2, existing.Name, changes.Count > 0 ? "update" : "same", changes, write);
        }

        static string? Symbol(string cell) => cell.Length == 0 ? null : Comparators.FromSymbol(cell) is { } c ? c.ToSymbol() : null;

        /// <summary>What changes on an existing entry, field by field, in Chinese.</summary>
        static List<string> Changes(LibraryRow r, long? owner, LibraryCurated v, Dictionary<long, string> orgNames)
        {
            var changes = new List<string>();
            string OwnerName(long? id) => id is { } o ? orgNames.GetValueOrDefault(o) ?? $"编号 {o}" : Finance;
            string Shown(string? s) => string.IsNullOrEmpty(s) ? "（空）" : s;
            void Note(string label, string? was, string? now) { if ((was ?? "") != (now ?? "")) changes.Add($"{label}：{Shown(was)} → {Shown(now)}"); }
            void Edited(string label, string? was, string? now) { if ((was ?? "") != (now ?? "")) changes.Add(string.IsNullOrEmpty(now) ? $"{label}：清空" : $"{label}：{(string.IsNullOrEmpty(was) ? "填写" : "修改")}"); }
            Note("所属单位", OwnerName(r.OwnerId), OwnerName(owner));
            Edited("指标解释", r.Explanation, v.Explanation);
            Edited("计算方法", r.Method, v.Method);
            Note("指标值依据", LibraryWork.BasisName(r.ValueBasis), LibraryWork.BasisName(v.ValueBasis));
            Note("标签", r.Tags, v.Tags);
            Note("共性/个性", LibraryCuration.NatureFrom(r.Nature)?.ToChinese(), LibraryCuration.NatureFrom(v.Nature)?.ToChinese());
            Note("共享范围", LibraryCuration.ScopeFrom(r.Scope)?.ToChinese(), LibraryCuration.ScopeFrom(v.Scope)?.ToChinese());
            Note("状态", LibraryCuration.StatusFrom(r.Status)?.ToChinese(), LibraryCuration.StatusFrom(v.Status)?.ToChinese());
            return changes;
        }
    }
}

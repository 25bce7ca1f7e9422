using Jixiao.Core.Review;
using Jixiao.Core.Model;
using Jixiao.Core.Access;
using Jixiao.Core.Library;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Library;

/// <summary>
/// The 指标库 for the API and the pages: what each person sees (finance and the administrator all; others the approved
/// entries shared with one of their units and the proposed ones their units own), the seed from the stored forms and
/// finance's curation, checked once here.
/// </summary>
public sealed class LibraryWork(LibraryStore library, OrganisationStore organisations)
{
    public static bool MayCurate(CurrentUser user) => Permissions.Decide(user.Role, FormAction.CurateLibrary, null).Allowed;

    public static void Require(CurrentUser user)
    {
        var d = Permissions.Decide(user.Role, FormAction.CurateLibrary, null);
        if (!d.Allowed) throw user.IsPublic ? Api.Fail(401, "请先登录") : Api.Fail(403, d.Refusal ?? "无权维护指标库");
    }

    public async Task<LibraryListDocument> SearchAsync(CurrentUser user, string? q, string? level1, string? status)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        if (status is { Length: > 0 } && LibraryCuration.StatusFrom(status) is null)
            throw Api.Fail(400, $"状态“{status}”不对，应为 proposed（待审定）、approved（已审定）或 retired（已停用）", "status");
        var rows = await library.SearchAsync(q?.Trim(), level1?.Trim(), status);
        var orgs = (await organisations.AllAsync()).ToDictionary(o => o.Id);
        var mine = MayCurate(user) ? null : user.OrganisationId is { } org ? (await organisations.UnitsUnderAsync(org)).ToHashSet() : [];
        return new LibraryListDocument(MayCurate(user), rows.Where(r => mine is null || Visible(r, mine, orgs)).Select(r => Document(r, orgs)).ToList());
    }

    /// <summary>
    /// 推荐指标 from the library for a declaration: the approved entries the person may see, ranked by
    /// <see cref="LibrarySuggestions.Rank"/> (words shared with the project's name and 项目类别, forms of the same 项目类别
    /// and of the unit's 主管部门 using them), each with why.
    /// </summary>
    /// <param name="unitId">The declaring unit (its 主管部门 ranks the entries its units use), when known.</param>
    public async Task<IReadOnlyList<RowSuggestion>> SuggestAsync(CurrentUser user, TargetDeclaration form, long? unitId)
    {
        var orgs = (await organisations.AllAsync()).ToDictionary(o => o.Id);
        var mine = MayCurate(user) ? null : user.OrganisationId is { } org ? (await organisations.UnitsUnderAsync(org)).ToHashSet() : [];
        var candidates = (await library.SearchAsync(status: "approved"))
            .Where(r => mine is null || Visible(r, mine, orgs))
            .Select(r =>
            {
                var uses = r.UseCounts;
                return new SuggestionCandidate(r.Key, r.Level1, r.Level2, r.Name, TagList(r.Tags), r.Explanation, Comparators.FromSymbol(r.Comparator), r.Unit,
                    r.Years, r.FormCount, uses.Categories ?? new Dictionary<string, int>(), uses.Departments ?? new Dictionary<long, int>());
            });
        var department = unitId is { } u ? orgs.GetValueOrDefault(u)?.ParentId : null;
        return LibrarySuggestions.Rank(form, department, candidates).Select(s => s.ToRow()).ToList();
    }

    static string[] TagList(string tags) => tags.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A proposed entry to the units that own it; an approved one to the units it is shared with; a retired one to finance only.</summary>
    static bool Visible(LibraryRow r, HashSet<long> mine, IReadOnlyDictionary<long, Organisation> orgs) => LibraryCuration.StatusFrom(r.Status) switch
    {
        EntryStatus.Proposed => r.OwnerId is { } o && mine.Contains(o),
        EntryStatus.Approved => LibraryCuration.ScopeFrom(r.Scope) switch
        {
            SharingScope.All => true,
            SharingScope.Unit => r.OwnerId is { } o && mine.Contains(o),
            _ => r.OwnerId is { } owner && orgs.GetValueOrDefault(owner)?.ParentId is { } department
                 && mine.Any(u => orgs.GetValueOrDefault(u)?.ParentId == department),
        },
        _ => false,
    };

    static QuartilesDocument? Q(Quartiles? q) => q is null ? null : new(q.Count, q.Lower, q.Median, q.Upper);

    static LibraryEntryDocument Document(LibraryRow r, IReadOnlyDictionary<long, Organisation> orgs) => new(
        r.Id, r.Key, r.Level1, r.Level2, r.Name, r.Comparator, r.Unit, r.Explanation, r.Method, r.ValueBasis,
        TagList(r.Tags), r.Nature,
        r.OwnerId is { } o ? orgs.GetValueOrDefault(o)?.Name : null, r.Scope, r.Status, r.FormCount, r.DeclarationCount, r.SelfEvaluationCount,
        r.UnitCount, r.Years.Select(y => new YearDistributionDocument(y.Year, Q(y.Targets), Q(y.Actuals))).ToList(), r.UpdatedBy, r.UpdatedAt);

    public async Task<LibrarySeedDocument> SeedAsync(CurrentUser user)
    {
        Require(user);
        var s = await library.SeedAsync(user.Username!);
        return new LibrarySeedDocument(s.Added, s.Refreshed, s.Forms);
    }

    public async Task<LibraryEntryDocument> CurateAsync(CurrentUser user, string id, LibraryCurateRequest body)
    {
        Require(user);
        if (!long.TryParse(id, out var n) || await library.GetAsync(n) is not { } row) throw Api.Fail(404, $"指标库中没有编号为 {id} 的指标", "id");
        string? Text(string? given, string? kept, string field, string label)
        {
            if (given is null) return kept;
            var t = given.Trim();
            if (LibraryCuration.RefuseText(label, t) is { } refusal) throw Api.Fail(400, refusal, field);
            return t.Length == 0 ? null : t;
        }
        string Code<T>(string? given, string kept, Func<string?, T?> parse, string field, string message) where T : struct =>
            given is null ? kept : parse(given) is not null ? given : throw Api.Fail(400, message, field);

        var status = Code(body.Status, row.Status, LibraryCuration.StatusFrom, "status", $"状态“{body.Status}”不对，应为 proposed（待审定）、approved（已审定）或 retired（已停用）");
        if (LibraryCuration.RefuseMove(LibraryCuration.StatusFrom(row.Status)!.Value, LibraryCuration.StatusFrom(status)!.Value) is { } refusal)
            throw Api.Fail(400, refusal, "status");
        var basis = body.ValueBasis is { Length: 0 } ? null : body.ValueBasis is null ? row.ValueBasis
            : LibraryCuration.BasisFrom(body.ValueBasis) is not null ? body.ValueBasis
            : throw Api.Fail(400, $"指标值依据“{body.ValueBasis}”不对，应为 plan（计划标准）、history（历史标准）、industry（行业标准）或 other（其他标准）", "valueBasis");
        var tags = row.Tags;
        if (body.Tags is { } given)
        {
            (tags, var wrong) = LibraryCuration.Tags(given);
            if (wrong is not null) throw Api.Fail(400, wrong, "tags");
        }
        var curated = new LibraryCurated(
            Text(body.Explanation, row.Explanation, "explanation", "指标解释"), Text(body.Method, row.Method, "method", "计算方法"), basis, tags,
            Code(body.Nature, row.Nature, LibraryCuration.NatureFrom, "nature", $"“{body.Nature}”不对，应为 common（共性指标）或 specific（个性指标）"),
            Code(body.Scope, row.Scope, LibraryCuration.ScopeFrom, "scope", $"共享范围“{body.Scope}”不对，应为 unit（本单位）、department（本部门）或 all（全部）"),
            status);
        var saved = await library.CurateAsync(n, curated, user.Username!);
        return Document(saved!, (await organisations.AllAsync()).ToDictionary(o => o.Id));
    }

    /// <summary>The columns the import reads (<see cref="LibraryImport.Columns"/>), then the figures, which it does not.</summary>
    public static readonly string[] ExportHeaders =
    [
        .. LibraryImport.Columns,
        "使用表数", "申报表", "自评表", "单位数", "年度", "目标值个数", "目标值下四分位数", "目标值中位数", "目标值上四分位数",
        "实际值个数", "实际值下四分位数", "实际值中位数", "实际值上四分位数",
    ];

    /// <summary>
    /// The entries the person sees as an xlsx sheet: one row per entry and year (an entry without figures, one row), with
    /// drop-down lists on the columns finance edits and the instructions for importing it back (<see cref="LibraryImport"/>).
    /// </summary>
    public async Task<(byte[] Bytes, string FileName)> ExportAsync(CurrentUser user, string? q, string? level1, string? status)
    {
        var list = await SearchAsync(user, q, level1, status);
        var rows = new List<IReadOnlyList<XlsxCell>>();
        foreach (var e in list.Entries)
            foreach (var y in e.Years.Count == 0 ? [null] : e.Years.Cast<YearDistributionDocument?>())
                rows.Add(
                [
                    XlsxCell.Id(e.Id), XlsxCell.Text(e.Level1), XlsxCell.Text(e.Level2), XlsxCell.Text(e.Name), XlsxCell.Text(e.Comparator), XlsxCell.Text(e.Unit),
                    XlsxCell.Text(e.Explanation), XlsxCell.Text(e.Method), XlsxCell.Text(BasisName(e.ValueBasis)), XlsxCell.Text(string.Join('、', e.Tags)),
                    XlsxCell.Text(LibraryCuration.NatureFrom(e.Nature)?.ToChinese()), XlsxCell.Text(e.Owner ?? LibraryImport.Finance),
                    XlsxCell.Text(LibraryCuration.ScopeFrom(e.Scope)?.ToChinese()), XlsxCell.Text(LibraryCuration.StatusFrom(e.Status)?.ToChinese()),
                    XlsxCell.Count(e.Forms), XlsxCell.Count(e.Declarations), XlsxCell.Count(e.SelfEvaluations), XlsxCell.Count(e.Units),
                    y is null ? XlsxCell.Text("") : XlsxCell.Count(y.Year),
                    y?.Targets is { } t ? XlsxCell.Count(t.Count) : XlsxCell.Text(""), XlsxCell.Fixed2(y?.Targets?.Lower), XlsxCell.Fixed2(y?.Targets?.Median), XlsxCell.Fixed2(y?.Targets?.Upper),
                    y?.Actuals is { } a ? XlsxCell.Count(a.Count) : XlsxCell.Text(""), XlsxCell.Fixed2(y?.Actuals?.Lower), XlsxCell.Fixed2(y?.Actuals?.Median), XlsxCell.Fixed2(y?.Actuals?.Upper),
                ]);
        return (TableWorkbook.Render(LibraryImport.Sheet, ExportHeaders, rows, LibraryImport.Choices, "指标库导入说明", LibraryImport.Instructions), "指标库.xlsx");
    }

    public static string? BasisName(string? code) => LibraryCuration.BasisFrom(code)?.ToChinese();
}

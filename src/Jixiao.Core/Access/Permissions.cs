using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using static Jixiao.Core.Access.FormAction;
using static Jixiao.Core.Access.Role;
using static Jixiao.Core.Workflow.FormStatus;

namespace Jixiao.Core.Access;

/// <summary>Which forms a grant reaches: the person's own units (a unit itself, or the units under a 主管部门), or all.</summary>
public enum Reach
{
    OwnUnits,
    AllUnits,
}

/// <summary>One line of the table: this role may take this action on forms it reaches, in these states, of this kind.</summary>
public sealed record Grant(FormAction Action, Role Role, Reach Reach, IReadOnlyList<FormStatus>? States = null, FormKind? Kind = null);

/// <summary>
/// What the decision needs to know about the form: its kind, its status, whether its unit is one of the person's
/// units, and whether that unit is still active (the administrator deactivates a unit that is merged or dissolved).
/// For actions that make a new form (create, import) it describes the form to be made.
/// </summary>
public sealed record FormFacts(FormKind Kind, FormStatus Status, bool InScope, bool UnitActive = true);

/// <summary>
/// The answer: allowed, or the Chinese reason it is not. <see cref="Hidden"/> means the person may not even see
/// the form, so the answer must not reveal that it exists (404, not 403).
/// </summary>
public sealed record Decision(bool Allowed, string? Refusal, bool Hidden = false)
{
    public static readonly Decision Yes = new(true, null);
}

/// <summary>
/// Who may do what: every action × role × form state × reach, stated once in <see cref="Table"/>. Endpoints, pages
/// (their buttons) and the authorisation tests all ask <see cref="Decide"/>; nothing else decides. Pure.
/// What the public may do, every logged-in person may do too.
/// </summary>
public static class Permissions
{
    static readonly FormStatus[] AnyState = [Draft, Submitted, Returned, DepartmentApproved, Approved, Published];
    static readonly FormStatus[] NotDraft = [Submitted, Returned, DepartmentApproved, Approved, Published];
    static readonly FormStatus[] Editable = [Draft, Returned];
    static readonly FormStatus[] Final = [Approved, Published];
    static readonly FormStatus[] Reviewed = [Submitted, DepartmentApproved, Approved, Published];

    /// <summary>
    /// The actions that make a new form for the unit. A deactivated unit gets none, whoever asks; everything else
    /// (reading, downloading, the review of what it already submitted) goes on as the grants say.
    /// </summary>
    public static readonly IReadOnlyList<FormAction> MakeNewForms = [Create, Import, Adjust, SelfEvaluate];

    public static readonly IReadOnlyList<Grant> Table =
    [
        // Reading and downloading.
        new(View, Public, Reach.AllUnits, [Published]),
        new(View, Unit, Reach.OwnUnits, AnyState),
        new(View, DepartmentReviewer, Reach.OwnUnits, NotDraft),
        new(View, FinanceReviewer, Reach.AllUnits, NotDraft),
        new(View, Admin, Reach.AllUnits, AnyState),
        new(Export, Public, Reach.AllUnits, [Published]),
        new(Export, Unit, Reach.OwnUnits, AnyState),
        new(Export, DepartmentReviewer, Reach.OwnUnits, NotDraft),
        new(Export, FinanceReviewer, Reach.AllUnits, NotDraft),
        new(Export, Admin, Reach.AllUnits, AnyState),

        // The unit's work: its own forms only.
        new(Create, Unit, Reach.OwnUnits, Kind: FormKind.TargetDeclaration),
        new(Create, Admin, Reach.AllUnits, Kind: FormKind.TargetDeclaration),
        new(Import, Unit, Reach.OwnUnits),
        new(Import, Admin, Reach.AllUnits),
        new(Edit, Unit, Reach.OwnUnits, Editable),
        new(Edit, Admin, Reach.AllUnits, Editable),
        new(Submit, Unit, Reach.OwnUnits, Editable),
        new(Submit, Admin, Reach.AllUnits, Editable),
        new(Adjust, Unit, Reach.OwnUnits, Final, FormKind.TargetDeclaration),
        new(Adjust, Admin, Reach.AllUnits, Final, FormKind.TargetDeclaration),
        new(SelfEvaluate, Unit, Reach.OwnUnits, Final, FormKind.TargetDeclaration),
        new(SelfEvaluate, Admin, Reach.AllUnits, Final, FormKind.TargetDeclaration),
        // The unit answers the reviewer's row comments while the form is back with it; once resubmitted, the marks
        // are what the reviewer reads.
        new(AddressComment, Unit, Reach.OwnUnits, [Returned]),
        new(AddressComment, Admin, Reach.AllUnits, [Returned]),

        // Review: the 主管部门 first, for its units; then finance, for all (when the region has that stage).
        new(Return, DepartmentReviewer, Reach.OwnUnits, [Submitted]),
        new(Return, FinanceReviewer, Reach.AllUnits, [DepartmentApproved, Approved]),
        new(Return, Admin, Reach.AllUnits, [Submitted, DepartmentApproved, Approved]),
        new(Approve, DepartmentReviewer, Reach.OwnUnits, [Submitted]),
        new(Approve, FinanceReviewer, Reach.AllUnits, [DepartmentApproved]),
        new(Approve, Admin, Reach.AllUnits, [Submitted, DepartmentApproved]),
        new(Publish, FinanceReviewer, Reach.AllUnits, [Approved]),
        new(Publish, Admin, Reach.AllUnits, [Approved]),
        new(ReviewScore, DepartmentReviewer, Reach.OwnUnits, [Submitted], FormKind.SelfEvaluation),
        // Finance re-checks (抽查) after approval too, published forms included.
        new(ReviewScore, FinanceReviewer, Reach.AllUnits, [Submitted, DepartmentApproved, Approved, Published], FormKind.SelfEvaluation),
        new(ReviewScore, Admin, Reach.AllUnits, [Submitted, DepartmentApproved, Approved, Published], FormKind.SelfEvaluation),

        new(Administer, Admin, Reach.AllUnits),
        new(Schedule, FinanceReviewer, Reach.AllUnits),
        new(Schedule, Admin, Reach.AllUnits),
        // 统计分析: a 主管部门 over its units, finance and the administrator over all; a unit has its lists instead.
        new(Analyse, DepartmentReviewer, Reach.OwnUnits),
        new(Analyse, FinanceReviewer, Reach.AllUnits),
        new(Analyse, Admin, Reach.AllUnits),
        new(DrawSpotCheck, FinanceReviewer, Reach.AllUnits),
        new(DrawSpotCheck, Admin, Reach.AllUnits),

        // 运行监控: finance opens the rounds; whoever reviews a monitoring form or a self-evaluation may require 整改 of
        // its unit (the 主管部门 while it reviews, finance after), and the unit records what it did; finance holds a
        // project's funds (暂缓拨款) on its approved declaration.
        new(OpenRound, FinanceReviewer, Reach.AllUnits),
        new(OpenRound, Admin, Reach.AllUnits),
        new(RequireRectification, DepartmentReviewer, Reach.OwnUnits, Reviewed, FormKind.Monitoring),
        new(RequireRectification, DepartmentReviewer, Reach.OwnUnits, Reviewed, FormKind.SelfEvaluation),
        new(RequireRectification, FinanceReviewer, Reach.AllUnits, Reviewed, FormKind.Monitoring),
        new(RequireRectification, FinanceReviewer, Reach.AllUnits, Reviewed, FormKind.SelfEvaluation),
        new(RequireRectification, Admin, Reach.AllUnits, Reviewed, FormKind.Monitoring),
        new(RequireRectification, Admin, Reach.AllUnits, Reviewed, FormKind.SelfEvaluation),
        new(RecordRectification, Unit, Reach.OwnUnits, NotDraft),
        new(RecordRectification, Admin, Reach.AllUnits, NotDraft),
        new(HoldFunding, FinanceReviewer, Reach.AllUnits, Final, FormKind.TargetDeclaration),
        new(HoldFunding, Admin, Reach.AllUnits, Final, FormKind.TargetDeclaration),

        // 结果应用: finance decides what an approved self-evaluation means for the project's budget next year; the
        // register is read in each person's scope (a unit its own, a 主管部门 its units), never written by them.
        new(DecideResult, FinanceReviewer, Reach.AllUnits, Final, FormKind.SelfEvaluation),
        new(DecideResult, Admin, Reach.AllUnits, Final, FormKind.SelfEvaluation),

        // 指标库: finance seeds it from the stored forms and curates it; everyone logged in reads what is shared with them.
        new(CurateLibrary, FinanceReviewer, Reach.AllUnits),
        new(CurateLibrary, Admin, Reach.AllUnits),
    ];

    static IEnumerable<Grant> GrantsOf(Role role, FormAction action) =>
        Table.Where(g => g.Action == action && (g.Role == role || g.Role == Public));

    /// <summary>Whether the role may take the action on some form (for links and menus, before a form is chosen).</summary>
    public static bool MayEver(Role role, FormAction action) => GrantsOf(role, action).Any();

    /// <summary>
    /// The decision for one person, one action and one form (or, for <see cref="Administer"/>, none). A form the
    /// person may not view is hidden whatever the action, so that refusals do not reveal it. A deactivated unit gets
    /// no new form (<see cref="MakeNewForms"/>) even where the table would allow it.
    /// </summary>
    public static Decision Decide(Role role, FormAction action, FormFacts? form)
    {
        var decision = ByTable(role, action, form);
        // Asked last, so that someone the table refuses learns the table's reason, not the state of another unit.
        if (decision.Allowed && form is { UnitActive: false } && MakeNewForms.Contains(action))
            return new Decision(false, $"该单位已停用，不能再{action.ToChinese()}（已有的表仍可查看）");
        return decision;
    }

    static Decision ByTable(Role role, FormAction action, FormFacts? form)
    {
        if (form is not null && action is not (View or Create or Import) && !action.IsFormless() && !Decide(role, View, form).Allowed)
            return new Decision(false, "没有这张绩效表，或您无权查看", Hidden: true);

        var grants = GrantsOf(role, action).ToList();
        if (grants.Count == 0)
            return new Decision(false, role == Public ? "请先登录" : $"{role.ToChinese()}不能{action.ToChinese()}");
        if (form is null)
            return grants.Any(g => g.States is null && g.Kind is null) ? Decision.Yes : new Decision(false, $"{action.ToChinese()}须针对一张表");

        var ofKind = grants.Where(g => g.Kind is null || g.Kind == form.Kind).ToList();
        if (ofKind.Count == 0)
            return new Decision(false, $"{form.Kind.ToChinese()}不能{action.ToChinese()}（只有{grants.First(g => g.Kind is not null).Kind!.Value.ToChinese()}可以）");
        var reached = ofKind.Where(g => g.Reach == Reach.AllUnits || form.InScope).ToList();
        if (reached.Count == 0)
            return new Decision(false, role == DepartmentReviewer ? "这张表不属于您审核的单位" : "这张表不属于您的单位");
        if (reached.Any(g => g.States is null || g.States.Contains(form.Status)))
            return Decision.Yes;
        var from = string.Join("或", reached.SelectMany(g => g.States!).Distinct().Select(s => $"“{s.ToChinese()}”"));
        return new Decision(false, action == Edit
            ? $"表的状态是“{form.Status.ToChinese()}”，已锁定，不能修改（只能在{from}时修改）"
            : $"表的状态是“{form.Status.ToChinese()}”，{role.ToChinese()}不能“{action.ToChinese()}”（只能在{from}时）");
    }

    /// <summary>Every action the person may take on the form now, in the table's order (the buttons of a form page).</summary>
    public static IReadOnlyList<FormAction> Allowed(Role role, FormFacts form) =>
        FormActions.All.Where(a => !a.IsFormless() && Decide(role, a, form).Allowed).ToList();
}

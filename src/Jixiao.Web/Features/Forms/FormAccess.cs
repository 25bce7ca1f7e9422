using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The one helper through which every page and endpoint asks <see cref="Permissions"/> (the table in the core):
/// it supplies the facts the table needs (is the form's unit one of the person's units?) and turns the decision
/// into an answer. Lists are filtered by the same rules (<see cref="ScopeAsync"/>).
/// </summary>
public sealed class FormAccess(OrganisationStore organisations)
{
    /// <summary>What every form endpoint answers for a form that is missing or not the asker's to see: the same words,
    /// so the answer does not reveal that the form exists.</summary>
    public static string NotFoundMessage(string id) => $"没有编号为 {id} 的绩效表，或您无权查看";

    /// <summary>
    /// The list filter of a person's working scope (<see cref="Permissions"/>' View rows as a query): a unit its own
    /// forms, a 主管部门 reviewer the non-drafts of its units, finance every non-draft, the administrator all, the public
    /// the published ones. Another unit's published forms are read on the public pages, or asked for with
    /// `status=published`; keeping them out of the working list lets each scope be served by one index.
    /// </summary>
    public async Task<FormFilter> ScopeAsync(CurrentUser user, FormFilter requested)
    {
        bool OnlyPublished(FormFilter f) => f.Status == FormStatus.Published || f.Statuses is { Count: 1 } s && s.Contains(FormStatus.Published);
        switch (user.Role)
        {
            case Role.Public:
                return (requested.Status ?? FormStatus.Published) != FormStatus.Published || requested.Statuses is { } st && st.Any(x => x != FormStatus.Published)
                    ? requested with { UnitIds = [] } : requested with { Status = FormStatus.Published, Statuses = null };
            case Role.Admin:
                return requested;
            case Role.FinanceReviewer:
                return requested with { ExcludeDrafts = true };
            default:
                // Published forms are everyone's to read, another unit's too.
                if (OnlyPublished(requested)) return requested;
                var units = await UnitsAsync(user);
                var scope = requested.UnitId is { } u ? units.Where(x => x == u).ToList() : units.ToList();
                return requested with { UnitIds = scope, UnitId = null, ExcludeDrafts = user.Role == Role.DepartmentReviewer };
        }
    }

    public async Task<IReadOnlyList<long>> UnitsAsync(CurrentUser user) =>
        user.OrganisationId is { } org ? await organisations.UnitsUnderAsync(org) : [];

    /// <summary>Whether a unit is one of the person's units (their own, or the units of their 主管部门).</summary>
    public async Task<bool> InScopeAsync(CurrentUser user, long? unitId) =>
        unitId is { } unit && (await UnitsAsync(user)).Contains(unit);

    public async Task<FormFacts> FactsAsync(CurrentUser user, StoredForm form) =>
        new(form.Form.Kind, form.Status, await InScopeAsync(user, form.UnitId), await organisations.IsActiveAsync(form.UnitId));

    public async Task<Decision> DecideAsync(CurrentUser user, FormAction action, StoredForm form) =>
        Permissions.Decide(user.Role, action, await FactsAsync(user, form));

    /// <summary>The form with this id when the person may see it; null when there is none, the id is not a number,
    /// or it is not theirs to see.</summary>
    public async Task<StoredForm?> VisibleAsync(CurrentUser user, string id, FormStore store)
    {
        if (!long.TryParse(id, out var n) || n <= 0) return null;
        var form = await store.GetAsync(n);
        return form is not null && (await DecideAsync(user, FormAction.View, form)).Allowed ? form : null;
    }

    /// <summary>
    /// The form for an action, or the answer refusing it: 404 when the person may not see it (or it does not exist),
    /// 401 for the public, 403 with the table's reason otherwise.
    /// </summary>
    public async Task<StoredForm> RequireAsync(CurrentUser user, string id, FormAction action, FormStore store)
    {
        // The public may only read: anything else asks for a login first, whether or not the form exists.
        if (user.IsPublic && !Permissions.MayEver(Role.Public, action)) throw Api.Fail(401, "请先登录");
        if (!long.TryParse(id, out var n) || n <= 0 || await store.GetAsync(n) is not { } form) throw Api.NotFound(id);
        var decision = await DecideAsync(user, action, form);
        if (!decision.Allowed) throw Api.Refused(decision, user, id);
        return form;
    }

    /// <summary>A new form for a unit (created or imported): allowed only for the person's own units.</summary>
    public async Task<Decision> DecideNewAsync(CurrentUser user, FormAction action, FormKind kind, long? unitId) =>
        Permissions.Decide(user.Role, action, new FormFacts(kind, FormStatus.Draft, await InScopeAsync(user, unitId), await organisations.IsActiveAsync(unitId)));
}

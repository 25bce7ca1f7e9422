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

    /// <summary>The list filter of what the person may view: <see cref="Permissions"/>' View rows as a query.</summary>
    public async Task<FormFilter> ScopeAsync(CurrentUser user, FormFilter requested)
    {
        switch (user.Role)
        {
            case Role.Public:
                return requested.Status is { } s && s != FormStatus.Published ? requested with { UnitIds = [] } : requested with { Status = FormStatus.Published };
            case Role.Admin:
                return requested;
            case Role.FinanceReviewer:
                return requested with { ExcludeDrafts = true };
            default:
                var units = await UnitsAsync(user);
                // Another unit's forms: only what the public reads of it.
                if (requested.UnitId is { } u && !units.Contains(u))
                    return requested.Status is { } st && st != FormStatus.Published ? requested with { UnitIds = [] } : requested with { Status = FormStatus.Published };
                return requested with
                {
                    UnitIds = requested.UnitId is { } own ? [own] : units.ToList(), UnitId = null,
                    ExcludeDrafts = user.Role == Role.DepartmentReviewer, OrPublished = requested.UnitId is null,
                };
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

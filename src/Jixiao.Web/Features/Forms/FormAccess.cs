using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// Who may see which form, decided on the server for every page and API: everyone sees published forms; a unit
/// its own forms; a 主管部门 reviewer the submitted forms of the units under it; finance every submitted form;
/// the administrator everything.
/// </summary>
public sealed class FormAccess(OrganisationStore organisations)
{
    public async Task<FormFilter> ScopeAsync(CurrentUser user, FormFilter requested)
    {
        switch (user.Role)
        {
            case null:
                return requested with { Status = FormStatus.Published };
            case Roles.Admin:
                return requested;
            case Roles.FinanceReviewer:
                return requested with { ExcludeDrafts = true };
            default:
                var units = user.OrganisationId is { } org ? await organisations.UnitsUnderAsync(org) : [];
                var allowed = requested.UnitId is { } u ? units.Where(x => x == u).ToList() : units.ToList();
                return requested with
                {
                    UnitIds = allowed, UnitId = null, ExcludeDrafts = user.Role == Roles.DepartmentReviewer,
                    OrPublished = requested.UnitId is null,
                };
        }
    }

    /// <summary>What every form endpoint answers for a form that is missing or not the asker's to see: the same words,
    /// so the answer does not reveal that the form exists.</summary>
    public static string NotFoundMessage(string id) => $"没有编号为 {id} 的绩效表，或您无权查看";

    /// <summary>The form with this id when the person may see it; null when there is none, the id is not a number,
    /// or it is not theirs to see.</summary>
    public async Task<StoredForm?> VisibleAsync(CurrentUser user, string id, FormStore store)
    {
        if (!long.TryParse(id, out var n) || n <= 0) return null;
        var form = await store.GetAsync(n);
        return form is not null && await CanSeeAsync(user, form) ? form : null;
    }

    public async Task<bool> CanSeeAsync(CurrentUser user, StoredForm form)
    {
        if (form.Status == FormStatus.Published) return true;
        switch (user.Role)
        {
            case null:
                return form.Status == FormStatus.Published;
            case Roles.Admin:
                return true;
            case Roles.FinanceReviewer:
                return form.Status != FormStatus.Draft;
            case Roles.DepartmentReviewer:
                return form.Status != FormStatus.Draft && await InScope(user, form);
            default:
                return await InScope(user, form);
        }
    }

    /// <summary>Whether the form belongs to one of the person's units (their own unit, or the units of their 主管部门).</summary>
    public async Task<bool> InScope(CurrentUser user, StoredForm form) =>
        user.OrganisationId is { } org && form.UnitId is { } unit && (await organisations.UnitsUnderAsync(org)).Contains(unit);
}

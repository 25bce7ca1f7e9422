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

using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The history and peers a declaration is reviewed beside (the ambition checks), built from the store for the gate of
/// a transition, the form page and the editor's live check: the unit's forms of the years before (one query) and the
/// year's declarations (one query, kept until the data changes). Only declarations are held to them; for any other
/// form, or one without a unit or a year, there is none and those checks stay silent.
/// </summary>
public static class AmbitionSnapshots
{
    public static async Task<AmbitionSnapshot?> ForAsync(PerformanceForm form, long? unitId, FormStore store)
    {
        if (form is not TargetDeclaration || form.Year is not { } year || unitId is not { } unit) return null;
        var history = AmbitionIndex.Of(await store.UnitHistoryAsync(unit, year, AmbitionIndex.Years)).For(form);
        var peers = (await store.DeclarationsOfYearAsync(year)).For(form);
        return new AmbitionSnapshot(history.History, peers.Peers);
    }
}

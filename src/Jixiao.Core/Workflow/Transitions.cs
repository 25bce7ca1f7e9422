using Jixiao.Core.Access;

namespace Jixiao.Core.Workflow;

/// <summary>
/// Where a transition leads. Who may make it, and from which states, is <see cref="Permissions"/>' business; this
/// says only what the new status is. Approval has one or two stages: the 主管部门, then finance where the region's
/// profile says finance approves too (<c>approval.financeStage</c>).
/// </summary>
public static class Transitions
{
    public static FormStatus Next(FormAction action, FormStatus from, bool financeStage) => action switch
    {
        FormAction.Submit => FormStatus.Submitted,
        FormAction.Return => FormStatus.Returned,
        FormAction.Approve when from == FormStatus.Submitted && financeStage => FormStatus.DepartmentApproved,
        FormAction.Approve => FormStatus.Approved,
        FormAction.Publish => FormStatus.Published,
        _ => throw new ArgumentOutOfRangeException(nameof(action), $"{action} 不是流程操作"),
    };

    /// <summary>A return must say why; the other transitions may carry a note.</summary>
    public static bool NeedsReason(FormAction action) => action == FormAction.Return;

    /// <summary>The transitions whose form must be free of error findings.</summary>
    public static bool IsGated(FormAction action) => action is FormAction.Submit or FormAction.Approve or FormAction.Publish;
}

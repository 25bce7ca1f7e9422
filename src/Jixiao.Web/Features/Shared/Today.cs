namespace Jixiao.Web.Features.Shared;

/// <summary>The day as the bureaus count it (China Standard Time, UTC+8): deadlines close at the end of that day.</summary>
public static class Today
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly In(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}

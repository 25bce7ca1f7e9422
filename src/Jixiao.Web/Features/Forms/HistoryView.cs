using System.Text;
using Jixiao.Core.History;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Forms;

/// <summary>A row comment of a return, where its row is, and whether the unit marked it addressed.</summary>
public sealed record ReturnComment(AuditEntry Entry, RowIdentity? Identity, bool Addressed, AuditEntry? Mark)
{
    public long Id => Entry.Id;
    public int? Row => HistoryText.RowOf(Entry.Field);

    /// <summary>The row as the comment names it: 第 16 行“课题调研完成率”.</summary>
    public string RowName => Identity?.Name is { Length: > 0 } name ? $"第 {Row} 行“{name}”" : $"第 {Row} 行";

    public ReturnCommentDocument ToDocument() =>
        new(Id, Row, Entry.Label ?? RowName, Entry.NewValue ?? "", Entry.Actor, Entry.At, Addressed, Mark?.Actor, Mark?.At);
}

/// <summary>A return: who sent the form back, why, and the row comments with it.</summary>
public sealed record ReturnRound(AuditEntry Status, IReadOnlyList<ReturnComment> Comments);

/// <summary>
/// A form's history as people read it: each stored row described (<see cref="HistoryText.Describe"/>), grouped by
/// save — one block per version: who, when, what changed, why — with status changes, return comments and their
/// marks in the same timeline. For the page and the API alike.
/// </summary>
public sealed class HistoryView
{
    // Rows a self-evaluation's history stored before it became readable for the figures beside the fund rows
    // (funds.executed …): the same change as the 年度资金总额 row's, shown once.
    static readonly HashSet<string> Mirrors = ["funds.initialBudget", "funds.adjustedBudget", "funds.executed", "funds.weight", "funds.executionRate", "funds.score"];

    readonly StoredForm _form;
    readonly IReadOnlyList<AuditEntry> _history;
    readonly Dictionary<long, AuditEntry?> _marks;

    public HistoryView(StoredForm form, IReadOnlyList<AuditEntry> history)
    {
        _form = form;
        _history = history;
        // The latest mark of each comment is its state.
        _marks = history.Where(h => h.Action == "addressed" && h.RefersTo is not null)
            .GroupBy(h => h.RefersTo!.Value).ToDictionary(g => g.Key, g => (AuditEntry?)g.Last());
        LastReturn = ReturnAt(history.LastOrDefault(h => h.Action == "status" && h.NewValue == FormStatus.Returned.ToCode()));
    }

    /// <summary>The last time the form was sent back, with its comments; null if it never was.</summary>
    public ReturnRound? LastReturn { get; }

    bool Bound => _form.DeclarationId is not null;

    /// <summary>A row's score is the unit's when the row is qualitative or overridden (the rows of a bound self-evaluation are its declaration's, in order).</summary>
    bool RowScoreIsUnits(int index) =>
        index < _form.Form.Indicators.Count && _form.Form.Indicators[index] is var row && (row.Override is not null || row.Actual?.Achievement is not null);

    public ReadableEntry Describe(AuditEntry a, int? maxValue = null) => HistoryText.Describe(a.Record, _form.Form.Kind, Bound, RowScoreIsUnits, maxValue);

    bool? AddressedOf(AuditEntry a) => a.Action == "comment" ? _marks.GetValueOrDefault(a.Id)?.NewValue == "true" : null;

    /// <summary>The API's entries: every stored row, each with its label and sentence.</summary>
    public IReadOnlyList<Shared.HistoryEntry> Entries => _history.Select(a => Shared.HistoryEntry.Of(a, Describe(a), AddressedOf(a))).ToList();

    ReturnRound? ReturnAt(AuditEntry? status) => status is null ? null : new ReturnRound(status,
        _history.Where(h => h.Action == "comment" && h.Version == status.Version)
            .Select(c => new ReturnComment(c, RowIdentity.Parse(c.OldValue), _marks.GetValueOrDefault(c.Id)?.NewValue == "true", _marks.GetValueOrDefault(c.Id)))
            .ToList());

    public ReturnComment? Comment(long id) => LastReturn?.Comments.FirstOrDefault(c => c.Id == id);

    // The timeline's own look, kept with it (the page frame is shared).
    const string Css = """
        section.history ol.timeline { list-style: none; padding: 0; margin: 0; }
        section.history li.block { border-left: 3px solid #c9b99a; padding: .2rem .8rem; margin: 0 0 .7rem; }
        section.history li.block-status { border-left-color: #8b1a1a; }
        section.history li.block-addressed { border-left-color: #176b2c; }
        section.history .meta { margin: 0 0 .2rem; font-size: 13px; color: #555; }
        section.history .meta strong { color: #1d1d1d; margin-left: .4rem; font-size: 14px; }
        section.history ul { margin: .2rem 0; padding-left: 1.2rem; font-size: 14px; }
        section.history li, section.history p { overflow-wrap: anywhere; }
        section.history li.computed { color: #555; }
        section.history p.reason { margin: .2rem 0; font-size: 14px; }
        section.history details summary { cursor: pointer; }
        .addressed { color: #176b2c; font-weight: bold; } .open { color: #a35a00; font-weight: bold; }
        """;

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");

    /// <summary>
    /// The timeline, newest first: a block per save (one version), holding its changes — what was typed, then in one
    /// line what the system computed — or its status change with the reason, the row comments and the acknowledgement.
    /// Long values are cut on the line and shown whole on request.
    /// </summary>
    public string Section()
    {
        if (_history.Count == 0) return "";
        var sb = new StringBuilder("<section class=\"history\"><style>").Append(Css)
            .Append("</style><h2>修改记录</h2><p class=\"note\">按保存分组，最新的在前；行号从 1 起。</p><ol class=\"timeline\">");
        var blocks = new List<List<AuditEntry>>();
        foreach (var h in _history)
        {
            if (blocks.Count > 0 && blocks[^1][0] is var first && first.Version == h.Version && first.Actor == h.Actor && first.At == h.At && h.Action != "addressed" && first.Action != "addressed")
                blocks[^1].Add(h);
            else blocks.Add([h]);
        }
        foreach (var block in Enumerable.Reverse(blocks)) sb.Append(Block(block));
        return sb.Append("</ol></section>").ToString();
    }

    string Block(List<AuditEntry> block)
    {
        var first = block[0];
        var status = block.FirstOrDefault(h => h.Action == "status");
        var title = status is not null ? Describe(status).Summary
            : first.Action == "import" ? "建立"
            : first.Action == "addressed" ? "处理退回意见"
            : $"保存，第 {first.Version} 版";
        var sb = new StringBuilder($"<li class=\"block block-{(status is not null ? "status" : first.Action)}\" data-version=\"{first.Version}\">")
            .Append($"<p class=\"meta\"><time>{Time(first.At)}</time> <span class=\"who\">{E(first.Actor)}</span> <strong>{E(title)}</strong></p>");
        var typed = new List<AuditEntry>();
        var computed = new List<ReadableEntry>();
        foreach (var h in block.Where(h => h.Action == "edit"))
        {
            if (h.Change is null && _form.Form.Kind == FormKind.SelfEvaluation && Mirrors.Contains(h.Field ?? "")) continue;
            var r = Describe(h);
            if (r.Computed) computed.Add(r); else typed.Add(h);
        }
        if (typed.Count > 0 || computed.Count > 0 || block.Any(h => h.Action is "import" or "addressed"))
        {
            sb.Append("<ul class=\"changes\">");
            foreach (var h in block.Where(h => h.Action is "import" or "addressed")) sb.Append($"<li>{E(Describe(h).Summary)}</li>");
            foreach (var h in typed) sb.Append(Change(h));
            if (computed.Count > 0)
                sb.Append($"<li class=\"computed\">{E(HistoryText.ComputedPrefix)}")
                  .Append(E(string.Join("；", computed.Select(c => $"{c.Label} {Cut(c.Old)} → {Cut(c.New)}"))))
                  .Append("</li>");
            sb.Append("</ul>");
        }
        if (status is not null && !string.IsNullOrWhiteSpace(status.Reason))
            sb.Append($"<p class=\"reason\">{(status.NewValue == FormStatus.Returned.ToCode() ? "退回意见" : "理由")}：{E(status.Reason)}</p>");
        var comments = block.Where(h => h.Action == "comment").ToList();
        if (comments.Count > 0)
        {
            var round = ReturnAt(status);
            var isLast = LastReturn is not null && status is not null && status.Id == LastReturn.Status.Id;
            sb.Append("<ul class=\"comments\">");
            foreach (var c in round?.Comments ?? [])
                sb.Append($"<li>{E(c.RowName)}：{E(c.Entry.NewValue)}")
                  .Append(isLast ? $" <span class=\"{(c.Addressed ? "addressed" : "open")}\">{(c.Addressed ? "已处理" : "未处理")}</span>" : "")
                  .Append("</li>");
            sb.Append("</ul>");
        }
        if (block.FirstOrDefault(h => h.Action == "acknowledge") is { } ack)
            sb.Append($"<p class=\"reason\">{E(Describe(ack).Summary)}</p>");
        var editReason = block.FirstOrDefault(h => h.Action == "edit" && !string.IsNullOrWhiteSpace(h.Reason))?.Reason;
        if (editReason is not null) sb.Append($"<p class=\"reason\">理由：{E(editReason)}</p>");
        return sb.Append("</li>").ToString();
    }

    /// <summary>A typed change as a line; a long one cut, with the whole of it a click away.</summary>
    string Change(AuditEntry h)
    {
        const int max = 80;
        var r = Describe(h, max);
        var whole = Describe(h).Summary;
        return r.Summary == whole
            ? $"<li>{E(r.Summary)}</li>"
            : $"<li><details><summary>{E(r.Summary)}</summary><p>{E(whole)}</p></details></li>";
    }

    static string Cut(string? v) => v is null ? "—" : v.Length <= 40 ? v : v[..40] + "…";
}

using System.ComponentModel;
using System.Text;
using System.Text.Json.Serialization;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.History;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Reports;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// One history entry: who, when, which field, old and new value, and why; with the field's name and the sentence a
/// person reads (<see cref="Summary"/>: 第 3 行三级指标“新增监控点位”的指标值由 ≥4 改为 ≥6). Field paths stay for
/// machines.
/// </summary>
[Description("修改记录")]
public sealed record HistoryEntry(
    [property: Description("时间")] DateTimeOffset At,
    [property: Description("人员")] string Actor,
    [property: Description("操作（import / edit / status / comment / acknowledge / addressed）")] string Action,
    [property: Description("版本")] int Version,
    [property: Description("字段（JSON 路径）")] string? Field,
    [property: Description("原值")] string? OldValue,
    [property: Description("新值")] string? NewValue,
    [property: Description("理由")] string? Reason,
    [property: Description("编号（退回意见的编号用于标记已处理）")] long Id = 0,
    [property: Description("所涉内容的名称")] string? Label = null,
    [property: Description("这条记录的中文说明")] string? Summary = null,
    [property: Description("修改的种类（changed 修改 / computed 系统计算 / added 新增行 / removed 删除行 / moved 移动行）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Change = null,
    [property: Description("指标行（从 1 起）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row = null,
    [property: Description("是否由系统按评分方案计算")] bool Computed = false,
    [property: Description("所标记的退回意见的编号（addressed）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RefersTo = null,
    [property: Description("退回意见是否已由单位标记为已处理（comment）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Addressed = null,
    [property: Description("人员姓名（账号的姓名；没有则为空）")] string? ActorName = null)
{
    /// <summary>An entry read on its own (a stale save's changes): its stored label, else its field path translated.</summary>
    public static HistoryEntry Of(AuditEntry a) => Of(a, HistoryText.Describe(a.Record, null, bound: false), null);

    public static HistoryEntry Of(AuditEntry a, ReadableEntry readable, bool? addressed) =>
        new(a.At, a.Actor, a.Action, a.Version, a.Field, a.OldValue, a.NewValue, a.Reason, a.Id, readable.Label, readable.Summary,
            readable.Change, readable.Row, readable.Computed, a.RefersTo, addressed);
}

/// <summary>
/// The one error shape of the whole API: a Chinese message, the field it is about, and where it applies the
/// field problems, the findings that block a transition, or the changes a stale save missed.
/// </summary>
[Description("错误")]
public sealed record ApiError(
    [property: Description("说明")] string Error,
    [property: Description("所涉字段"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null,
    [property: Description("各字段的问题"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldProblem>? Problems = null,
    [property: Description("审核发现"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FindingDocument>? Findings = null,
    [property: Description("当前版本"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CurrentVersion = null,
    [property: Description("他人在此期间的修改"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HistoryEntry>? Changes = null,
    [property: Description("请求编号"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null,
    [property: Description("多少秒后可重试"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RetryAfter = null);

/// <summary>An answer that must be sent instead of going on (a refusal, a bad request): its status and its error.</summary>
public sealed class ApiRefusal(int status, ApiError error) : Exception(error.Error)
{
    public int Status { get; } = status;
    public ApiError Error { get; } = error;
    public IResult Result => Api.Json(Error, Status);
}

/// <summary>
/// How the JSON API reads requests and answers: typed records in and out, strict reading (a wrong type, an
/// unknown field or a missing required one is a 400 naming the field in Chinese), `application/json` only, bodies
/// within a limit, one error shape.
/// </summary>
public static class Api
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static IResult Json<T>(T value, int status = 200) => Results.Json(value, FormJson.Options, statusCode: status);

    public static ApiRefusal Fail(int status, string message, string? field = null) => new(status, new ApiError(message, field));

    public static IResult Error(int status, string message, string? field = null) => Fail(status, message, field).Result;

    public static ApiRefusal Invalid(IReadOnlyList<FieldProblem> problems) =>
        new(400, new ApiError(problems[0].Message, problems[0].Field, problems));

    public static ApiRefusal NotFound(string id) => Fail(404, Forms.FormAccess.NotFoundMessage(id), "id");

    /// <summary>A refusal of the table: 401 for the public, 404 when the form is hidden, 403 with the reason otherwise.</summary>
    public static ApiRefusal Refused(Decision d, CurrentUser user, string id) =>
        d.Hidden ? NotFound(id) : user.IsPublic ? Fail(401, "请先登录") : Fail(403, d.Refusal ?? "无权执行此操作");


    /// <summary>Someone saved first: nothing was written; say so, and show what they changed.</summary>
    public static ApiRefusal Conflict(UpdateResult r) => r.DuplicateOf is { } other
        ? Fail(409, $"已有内容完全相同的另一张表（编号 {other}），没有保存。请修改后再保存。")
        : new(409, new ApiError($"这张表已被他人修改（当前为第 {r.CurrentVersion} 版），您的操作没有保存。请查看下列修改后重试。", "version",
            CurrentVersion: r.CurrentVersion, Changes: r.ChangesSince.Select(HistoryEntry.Of).ToList()));

    public static bool IsJson(HttpRequest r) =>
        r.ContentType is { } ct && ct.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request body as <typeparamref name="T"/>; an empty body reads as <c>{}</c>. Throws <see cref="ApiRefusal"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpContext http, int maxBytes = MaxBodyBytes)
    {
        if (!IsJson(http.Request)) throw UnsupportedType;
        if (http.Request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var text = await ReadTextAsync(http.Request.Body, maxBytes) ?? throw TooLarge(maxBytes);
        try { return StrictJson.Read<T>(text.Length == 0 ? "{}" : text, strict: true); }
        catch (JsonReadException ex) { throw Invalid(ex.Problems); }
    }

    /// <summary>
    /// An upload's multipart form, within <paramref name="maxBytes"/>: not multipart is a 415; without the header
    /// X-Requested-With (which no cross-site form can add) a 400, unless <paramref name="requireHeader"/> is false for
    /// a page's post that carries its anti-forgery token instead; too large a 413; an unreadable body a 400. Throws
    /// <see cref="ApiRefusal"/> naming <paramref name="field"/>.
    /// </summary>
    public static async Task<IFormCollection> ReadUploadAsync(HttpContext http, long maxBytes, string field, string what = "文件", bool requireHeader = true)
    {
        if (!http.Request.HasFormContentType) throw Fail(415, $"请以 multipart/form-data 上传{what}", field);
        if (requireHeader && string.IsNullOrEmpty(http.Request.Headers["X-Requested-With"])) throw Fail(400, "上传请求须带请求头 X-Requested-With（防止跨站提交）", field);
        if (http.Request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 64 * 1024;
        try { return await http.Request.ReadFormAsync(); }
        catch (BadHttpRequestException ex) when (ex.StatusCode == 413) { throw TooLarge(maxBytes); }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw Fail(400, "上传内容无法读取（不是完整的 multipart/form-data）", field);
        }
    }

    public static ApiRefusal UnsupportedType => Fail(415, "请求内容须为 JSON（Content-Type: application/json）");

    public static ApiRefusal TooLarge(long maxBytes) => Fail(413, $"请求内容超过 {Math.Max(1, maxBytes / 1024 / 1024)} MB 的上限");

    /// <summary>The body as UTF-8 text, or null when it is longer than the limit (a chunked body has no length up front).</summary>
    static async Task<string?> ReadTextAsync(Stream body, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int n;
        while ((n = await body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + n > maxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Runs an endpoint body, turning an <see cref="ApiRefusal"/> into its answer.</summary>
    public static async Task<IResult> Run(Func<Task<IResult>> body)
    {
        try { return await body(); }
        catch (ApiRefusal r) { return r.Result; }
    }
}

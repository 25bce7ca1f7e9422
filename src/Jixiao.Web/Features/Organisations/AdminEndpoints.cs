using Jixiao.Core.Access;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Organisations;

/// <summary>
/// The administrator's API: the organisation tree and the accounts of the people in it, the workbook import and its
/// template. Every check is <see cref="Administration"/>'s; these endpoints read the request strictly and answer.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/organisations", (HttpContext http, OrganisationStore organisations) => Api.Run(async () =>
            CurrentUser.From(http).IsPublic ? Api.Error(401, "请先登录") : Api.Json(await organisations.AllAsync())))
            .WithSummary("组织机构：财政部门 → 主管部门 → 实施单位（active：是否启用）").Produces<List<Organisation>>();

        app.MapPost("/api/organisations", (HttpContext http, Administration admin) => Api.Run(async () =>
        {
            Administration.Require(http);
            var body = await Api.ReadAsync<OrganisationRequest>(http);
            return Api.Json(await admin.CreateOrganisationAsync(body), 201);
        })).WithSummary("新增机构（管理员）").Accepts<OrganisationRequest>("application/json").Produces<OrganisationSaved>(201).Produces<ApiError>(400);

        app.MapPut("/api/organisations/{id}", (string id, HttpContext http, Administration admin) => Api.Run(async () =>
        {
            Administration.Require(http);
            var body = await Api.ReadAsync<OrganisationRequest>(http);
            return Api.Json(await admin.UpdateOrganisationAsync(id, body));
        })).WithSummary("机构改名，或给出 parentId 移到另一上级（管理员）；已存的表保留其上原来印的名称")
            .Accepts<OrganisationRequest>("application/json").Produces<Organisation>().Produces<ApiError>(400).Produces<ApiError>(404);

        foreach (var (verb, active) in new[] { ("deactivate", false), ("activate", true) })
            app.MapPost($"/api/organisations/{{id}}/{verb}", (string id, HttpContext http, Administration admin) => Api.Run(async () =>
            {
                Administration.Require(http);
                await Api.ReadAsync<EmptyRequest>(http);
                return Api.Json(await admin.SetOrganisationActiveAsync(id, active));
            })).WithSummary(active ? "启用机构（管理员）；请求体为 {}" : "停用机构（管理员）：不再新建绩效表，已有的表和账号照常查看，不删除任何内容；请求体为 {}")
                .Accepts<EmptyRequest>("application/json").Produces<Organisation>().Produces<ApiError>(400).Produces<ApiError>(404);

        app.MapGet("/api/users", (HttpContext http, Administration admin) => Api.Run(async () =>
        {
            Administration.Require(http);
            var (users, total) = await admin.ListUsersAsync(Filter(http.Request.Query));
            http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Api.Json(users);
        })).WithSummary("账号列表（管理员）：q 按用户名或姓名查找，role、organisation 筛选，limit、offset 分页；总数在响应头 X-Total-Count")
            .Produces<List<UserSummary>>().Produces<ApiError>(403);

        app.MapPost("/api/users", (HttpContext http, Administration admin) => Api.Run(async () =>
        {
            Administration.Require(http);
            var body = await Api.ReadAsync<NewUserRequest>(http);
            return Api.Json(await admin.CreateUserAsync(body), 201);
        })).WithSummary("新增账号（管理员）：首次登录须修改密码；不给 password 则自动生成并在答复中给出一次")
            .Accepts<NewUserRequest>("application/json").Produces<UserCreated>(201).Produces<ApiError>(400);

        app.MapPut("/api/users/{id}", (string id, HttpContext http, Administration admin) => Api.Run(async () =>
        {
            var user = Administration.Require(http);
            var body = await Api.ReadAsync<UserUpdateRequest>(http);
            return Api.Json(await admin.UpdateUserAsync(user, id, body));
        })).WithSummary("修改账号的姓名、角色、所属机构（管理员）；下一次请求起生效")
            .Accepts<UserUpdateRequest>("application/json").Produces<UserSummary>().Produces<ApiError>(400).Produces<ApiError>(404);

        foreach (var (verb, disabled) in new[] { ("disable", true), ("enable", false) })
            app.MapPost($"/api/users/{{id}}/{verb}", (string id, HttpContext http, Administration admin) => Api.Run(async () =>
            {
                var user = Administration.Require(http);
                await Api.ReadAsync<EmptyRequest>(http);
                return Api.Json(await admin.SetUserDisabledAsync(user, id, disabled));
            })).WithSummary(disabled ? "停用账号（管理员）：其会话立即结束，不能再登录（答复与密码错误相同）；请求体为 {}" : "启用账号（管理员）；请求体为 {}")
                .Accepts<EmptyRequest>("application/json").Produces<UserSummary>().Produces<ApiError>(400).Produces<ApiError>(404);

        app.MapPost("/api/users/{id}/one-time-password", (string id, HttpContext http, Administration admin) => Api.Run(async () =>
        {
            var user = Administration.Require(http);
            await Api.ReadAsync<EmptyRequest>(http);
            return Api.Json(await admin.OneTimePasswordAsync(user, id));
        })).WithSummary("一次性密码（管理员）：生成并只在此答复中给出；该账号的会话全部结束，登录后须先修改密码；请求体为 {}")
            .Accepts<EmptyRequest>("application/json").Produces<OneTimePasswordIssued>().Produces<ApiError>(400).Produces<ApiError>(404);

        app.MapPost("/api/users/{id}/unlock", (string id, HttpContext http, Administration admin) => Api.Run(async () =>
        {
            Administration.Require(http);
            await Api.ReadAsync<EmptyRequest>(http);
            return Api.Json(await admin.UnlockAsync(id));
        })).WithSummary("解除登录限制（管理员）：忘掉该用户名输错密码的次数，可立即再试；不结束会话、不改密码；请求体为 {}")
            .Accepts<EmptyRequest>("application/json").Produces<UserSummary>().Produces<ApiError>(404);

        AdminImport.Map(app);
        AdminPages.Map(app);
    }

    /// <summary>The list's query: q, role, organisation, limit (1–1000), offset; a value that does not parse is a 400 naming it.</summary>
    public static AccountFilter Filter(IQueryCollection q)
    {
        var filter = new AccountFilter();
        if (q["q"].FirstOrDefault() is { Length: > 0 } text)
            filter = filter with { Text = text.Length <= 100 ? text : throw Api.Fail(400, "查找的文字不能超过 100 字", "q") };
        if (q["role"].FirstOrDefault() is { Length: > 0 } role)
            filter = filter with { Role = Roles.FromCode(role) ?? throw Api.Fail(400, $"角色“{role}”无效，应为 {Roles.CodeList} 之一", "role") };
        if (q["organisation"].FirstOrDefault() is { Length: > 0 } org)
            filter = filter with { OrganisationId = long.TryParse(org, out var id) && id > 0 ? id : throw Api.Fail(400, $"机构编号“{org}”无效", "organisation") };
        if (q["limit"].FirstOrDefault() is { Length: > 0 } l)
            filter = filter with { Limit = int.TryParse(l, out var limit) && limit is >= 1 and <= 1000 ? limit : throw Api.Fail(400, $"每页条数“{l}”无效（1–1000）", "limit") };
        if (q["offset"].FirstOrDefault() is { Length: > 0 } o)
            filter = filter with { Offset = int.TryParse(o, out var offset) && offset >= 0 ? offset : throw Api.Fail(400, $"偏移“{o}”无效", "offset") };
        return filter;
    }
}

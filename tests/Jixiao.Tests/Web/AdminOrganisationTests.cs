using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 10, item 7, the organisation tree: a unit moved to another 主管部门 (and a 主管部门 to another finance bureau)
/// under the kind rules, and a unit deactivated: no new forms, nothing deleted, its people still read.
/// </summary>
[Collection("databases")]
public class AdminOrganisationTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    static async Task<long> OrgIdAsync(HttpClient admin, string name) =>
        (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray().Single(o => (string?)o!["name"] == name)!["id"]!;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_unit_moves_to_another_department_and_the_reviewers_who_see_its_forms_follow(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var unit = await OrgIdAsync(admin, "上海市党建服务中心");
        var oldDept = await OrgIdAsync(admin, "中共上海市委组织部");
        var newDept = await OrgIdAsync(admin, "上海市松江区人民政府中山街道办事处");
        var otherUnit = await OrgIdAsync(admin, "上海市松江区中山街道社区党群服务中心");
        var finance = await OrgIdAsync(admin, "财政局");
        var (o, op) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var (n, np) = await app.UserAsync(Role.DepartmentReviewer, "上海市松江区人民政府中山街道办事处");
        var oldReviewer = await app.ClientAsync(o, op);
        var newReviewer = await app.ClientAsync(n, np);
        var form = await app.FormIdAsync("电教远教工作经费");
        await app.SetStatusAsync(form, FormStatus.Submitted);

        var before = (await oldReviewer.GetAsync($"/api/forms/{form}")).StatusCode;
        var underUnit = await admin.PutAsJsonAsync($"/api/organisations/{unit}", new { name = "上海市党建服务中心", parentId = otherUnit });
        var underFinance = await admin.PutAsJsonAsync($"/api/organisations/{unit}", new { name = "上海市党建服务中心", parentId = finance });
        var nowhere = await admin.PutAsJsonAsync($"/api/organisations/{unit}", new { name = "上海市党建服务中心", parentId = 999999 });
        var moved = await admin.PutAsJsonAsync($"/api/organisations/{unit}", new { name = "上海市党建服务中心", parentId = newDept });
        var oldAfter = (await oldReviewer.GetAsync($"/api/forms/{form}")).StatusCode;
        var newAfter = (await newReviewer.GetAsync($"/api/forms/{form}")).StatusCode;
        var organisations = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray();

        Assert.Equal(HttpStatusCode.OK, before);
        foreach (var refused in new[] { underUnit, underFinance, nowhere })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("parentId", (string?)(await WebApp.JsonAsync(refused))["field"]);
        }
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(newDept, (long?)(await WebApp.JsonAsync(moved))["parentId"]);
        Assert.Equal(newDept, (long?)organisations.Single(x => (long)x!["id"]! == unit)!["parentId"]);
        Assert.Equal(HttpStatusCode.NotFound, oldAfter);                   // no longer the old 主管部门's to review
        Assert.Equal(HttpStatusCode.OK, newAfter);
        Assert.NotEqual(oldDept, newDept);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_department_moves_to_another_finance_bureau_and_the_finance_bureau_stays_where_it_is(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var finance = await OrgIdAsync(admin, "财政局");
        var dept = await OrgIdAsync(admin, "中共上海市委组织部");
        var unit = await OrgIdAsync(admin, "上海市党建服务中心");
        var second = (long)(await WebApp.JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new { name = "上海市普陀区财政局", kind = "finance" })))["id"]!;

        var financeWithParent = await admin.PostAsJsonAsync("/api/organisations", new { name = "某财政局", kind = "finance", parentId = finance });
        var underUnit = await admin.PutAsJsonAsync($"/api/organisations/{dept}", new { name = "中共上海市委组织部", parentId = unit });
        var financeMoved = await admin.PutAsJsonAsync($"/api/organisations/{finance}", new { name = "财政局", parentId = second });
        var kindChanged = await admin.PutAsJsonAsync($"/api/organisations/{dept}", new { name = "中共上海市委组织部", kind = "unit" });
        var moved = await admin.PutAsJsonAsync($"/api/organisations/{dept}", new { name = "中共上海市委组织部", parentId = second });
        var renamedOnly = await admin.PutAsJsonAsync($"/api/organisations/{unit}", new { name = "上海市党建服务中心（新址）" });
        var all = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray();

        Assert.Equal(HttpStatusCode.BadRequest, financeWithParent.StatusCode);
        Assert.Equal("parentId", (string?)(await WebApp.JsonAsync(financeWithParent))["field"]);
        Assert.Equal("parentId", (string?)(await WebApp.JsonAsync(underUnit))["field"]);
        Assert.Equal(HttpStatusCode.BadRequest, financeMoved.StatusCode);
        Assert.Equal("kind", (string?)(await WebApp.JsonAsync(kindChanged))["field"]);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(second, (long?)all.Single(x => (long)x!["id"]! == dept)!["parentId"]);
        // The unit went with its 主管部门; renaming alone keeps it where it is.
        Assert.Equal(HttpStatusCode.OK, renamedOnly.StatusCode);
        Assert.Equal(dept, (long?)all.Single(x => (long)x!["id"]! == unit)!["parentId"]);
        Assert.Null((long?)all.Single(x => (long)x!["id"]! == finance)!["parentId"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_deactivated_unit_gets_no_new_forms_while_its_people_still_read_and_nothing_is_deleted(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var unitOrg = await OrgIdAsync(admin, "上海市奉贤区西渡街道社区党群服务中心");
        var dept = await OrgIdAsync(admin, "上海市奉贤区人民政府西渡街道办事处");
        var finance = await OrgIdAsync(admin, "财政局");
        var (u, p) = await app.UserAsync(Role.Unit, "上海市奉贤区西渡街道社区党群服务中心");
        var unit = await app.ClientAsync(u, p);
        var declaration = await app.FormIdAsync("生活驿站运行经费");
        await app.SetStatusAsync(declaration, FormStatus.Submitted);
        await app.SetStatusAsync(declaration, FormStatus.Approved);
        var body = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{declaration}"))).AsObject();
        body["projectName"] = "停用后新建的项目";
        var countBefore = (await WebApp.JsonAsync(await unit.GetAsync("/api/forms"))).AsArray().Count;

        var departmentFirst = await admin.PostAsync($"/api/organisations/{dept}/deactivate", Json("{}"));
        var financeOff = await admin.PostAsync($"/api/organisations/{finance}/deactivate", Json("{}"));
        var byUnit = await unit.PostAsync($"/api/organisations/{unitOrg}/deactivate", Json("{}"));
        var off = await admin.PostAsync($"/api/organisations/{unitOrg}/deactivate", Json("{}"));
        var create = await unit.PostAsync("/api/forms", Json(body.ToJsonString()));
        var evaluate = await unit.PostAsJsonAsync($"/api/forms/{declaration}/self-evaluation", new { });
        var adjust = await unit.PostAsJsonAsync($"/api/forms/{declaration}/adjust", new { });
        var adminCreate = await admin.PostAsync("/api/forms", Json(body.ToJsonString()));
        var newAccount = await admin.PostAsJsonAsync("/api/users", new { username = "late", password = "0123456789ab", role = "unit", organisationId = unitOrg, realName = "迟到" });
        var newChild = await admin.PostAsJsonAsync("/api/organisations", new { name = "新单位", kind = "unit", parentId = dept });
        var read = await unit.GetAsync($"/api/forms/{declaration}");
        var countAfter = (await WebApp.JsonAsync(await unit.GetAsync("/api/forms"))).AsArray().Count;
        var page = await (await unit.GetAsync($"/forms/{declaration}")).Content.ReadAsStringAsync();
        var listed = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray().Single(o => (long)o!["id"]! == unitOrg)!;
        var deptNow = await admin.PostAsync($"/api/organisations/{dept}/deactivate", Json("{}"));
        var on = await admin.PostAsync($"/api/organisations/{unitOrg}/activate", Json("{}"));
        var createAgain = await unit.PostAsync("/api/forms", Json(body.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, departmentFirst.StatusCode);  // its units are active
        Assert.Contains("启用的实施单位", (string?)(await WebApp.JsonAsync(departmentFirst))["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, financeOff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((bool)(await WebApp.JsonAsync(off))["active"]!);
        foreach (var refused in new[] { create, evaluate, adjust, adminCreate })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("已停用", (string?)(await WebApp.JsonAsync(refused))["error"]);
        }
        Assert.Equal(HttpStatusCode.BadRequest, newAccount.StatusCode);
        Assert.Equal("organisationId", (string?)(await WebApp.JsonAsync(newAccount))["field"]);
        Assert.Equal(HttpStatusCode.Created, newChild.StatusCode);          // the 主管部门 is still active
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(countBefore, countAfter);
        Assert.DoesNotContain("make-evaluation", page);                     // the button the table no longer allows
        Assert.False((bool)listed["active"]!);
        Assert.Equal(HttpStatusCode.BadRequest, deptNow.StatusCode);         // the new unit under it is active
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.Created, createAgain.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_unit_under_a_deactivated_department_comes_back_only_after_its_department(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var dept = (long)(await WebApp.JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new { name = "撤并的主管部门", kind = "department", parentId = await OrgIdAsync(admin, "财政局") })))["id"]!;
        var unit = (long)(await WebApp.JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new { name = "撤并的单位", kind = "unit", parentId = dept })))["id"]!;

        var unitOff = await admin.PostAsync($"/api/organisations/{unit}/deactivate", Json("{}"));
        var deptOff = await admin.PostAsync($"/api/organisations/{dept}/deactivate", Json("{}"));
        var unitBack = await admin.PostAsync($"/api/organisations/{unit}/activate", Json("{}"));
        var childOfOff = await admin.PostAsJsonAsync("/api/organisations", new { name = "另一个单位", kind = "unit", parentId = dept });
        var moveUnder = await admin.PutAsJsonAsync($"/api/organisations/{await OrgIdAsync(admin, "上海市党建服务中心")}", new { name = "上海市党建服务中心", parentId = dept });
        var deptBack = await admin.PostAsync($"/api/organisations/{dept}/activate", Json("{}"));
        var unitBackNow = await admin.PostAsync($"/api/organisations/{unit}/activate", Json("{}"));
        var unknown = await admin.PostAsync("/api/organisations/999999/deactivate", Json("{}"));

        Assert.Equal(HttpStatusCode.OK, unitOff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deptOff.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unitBack.StatusCode);
        Assert.Equal("parentId", (string?)(await WebApp.JsonAsync(childOfOff))["field"]);
        Assert.Equal("parentId", (string?)(await WebApp.JsonAsync(moveUnder))["field"]);
        Assert.Equal(HttpStatusCode.OK, deptBack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unitBackNow.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

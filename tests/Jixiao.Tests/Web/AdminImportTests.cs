using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 10, item 7: the organisation tree and its accounts from one workbook. A preview names every bad cell by
/// sheet, row and column; a confirmation writes everything in one transaction or nothing; a bureau's hundreds of
/// units go in at once; only the administrator may.
/// </summary>
[Collection("databases")]
public class AdminImportTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static readonly string[] OrgHeader = ["名称", "类型", "上级机构"];
    static readonly string[] AccountHeader = ["用户名", "姓名", "角色", "所属机构", "初始密码"];

    static byte[] Workbook(IEnumerable<string[]> organisations, IEnumerable<string[]> accounts) => XlsxTables.Write(
    [
        new TableSheet("机构", OrgHeader, organisations.ToList()),
        new TableSheet("账号", AccountHeader, accounts.ToList()),
    ]);

    static async Task<HttpResponseMessage> UploadAsync(HttpClient c, byte[] workbook, bool confirm, bool header = true, string name = "机构和账号.xlsx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(workbook);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/import" + (confirm ? "?confirm=true" : "")) { Content = content };
        if (header) request.Headers.Add("X-Requested-With", "test");
        return await c.SendAsync(request);
    }

    static async Task<(int Organisations, int Accounts)> CountsAsync(HttpClient admin) =>
        ((await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray().Count,
         int.Parse((await admin.GetAsync("/api/users?limit=1")).Headers.GetValues("X-Total-Count").Single()));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Three_hundred_units_and_their_accounts_are_previewed_then_imported_in_one_go_and_a_second_time_change_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var departments = Enumerable.Range(1, 10).Select(d => new[] { $"第{d}主管部门", "主管部门", "财政局" }).ToList();
        // Units listed before their departments would be fine too; here they come first, to show the order does not matter.
        var units = Enumerable.Range(1, 300).Select(u => new[] { $"第{u}实施单位", "实施单位", $"第{(u - 1) % 10 + 1}主管部门" }).ToList();
        var accounts = Enumerable.Range(1, 300).Select(u => new[] { $"unit{u:000}", $"填报人{u}", "单位填报", $"第{u}实施单位", u % 2 == 0 ? $"初始密码-{u:000}-2026" : "" })
            .Append(["finance01", "财政审核员", "财政审核", "财政局", ""]).ToList();
        var workbook = Workbook(units.Concat(departments), accounts);
        var before = await CountsAsync(admin);

        var preview = await UploadAsync(admin, workbook, confirm: false);
        var previewBody = await WebApp.JsonAsync(preview);
        var afterPreview = await CountsAsync(admin);
        var confirmed = await UploadAsync(admin, workbook, confirm: true);
        var result = await WebApp.JsonAsync(confirmed);
        var after = await CountsAsync(admin);
        var again = await WebApp.JsonAsync(await UploadAsync(admin, workbook, confirm: true));
        var afterAgain = await CountsAsync(admin);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Empty(previewBody["problems"]!.AsArray());
        Assert.False((bool)previewBody["confirmed"]!);
        Assert.Equal(310, previewBody["organisations"]!.AsArray().Count(o => (string?)o!["outcome"] == "new"));
        Assert.Equal(301, previewBody["accounts"]!.AsArray().Count(a => (string?)a!["outcome"] == "new"));
        Assert.All(previewBody["accounts"]!.AsArray(), a => Assert.Null((string?)a!["password"]));   // nothing generated before the confirmation
        Assert.Equal(before, afterPreview);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((bool)result["confirmed"]!);
        Assert.Equal((before.Organisations + 310, before.Accounts + 301), after);
        var generated = result["accounts"]!.AsArray().Where(a => (string?)a!["password"] is not null).ToList();
        Assert.Equal(151, generated.Count);                                   // the odd rows and the finance reviewer
        Assert.All(result["organisations"]!.AsArray(), o => Assert.NotNull((long?)o!["id"]));
        // The tree as the workbook drew it, and the accounts in it: a generated password and a given one both log in.
        var tree = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray();
        var unit7 = tree.Single(o => (string?)o!["name"] == "第7实施单位")!;
        Assert.Equal("第7主管部门", (string?)tree.Single(o => (long)o!["id"]! == (long)unit7["parentId"]!)!["name"]);
        var first = generated.First(a => (string?)a!["username"] == "unit001")!;
        var login = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "unit001", password = (string?)first["password"] });
        var given = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "unit002", password = "初始密码-002-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((bool)(await WebApp.JsonAsync(login))["mustChangePassword"]!);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var listed = (await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=unit007"))).AsArray().Single()!;
        Assert.Equal("填报人7", (string?)listed["realName"]);
        Assert.Equal("第7实施单位", (string?)listed["organisationName"]);
        // Imported again: everything is there already, nothing is written, no password is given out.
        Assert.Empty(again["problems"]!.AsArray());
        Assert.All(again["organisations"]!.AsArray(), o => Assert.Equal("exists", (string?)o!["outcome"]));
        Assert.All(again["accounts"]!.AsArray(), a => { Assert.Equal("exists", (string?)a!["outcome"]); Assert.Null((string?)a["password"]); });
        Assert.Equal(after, afterAgain);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_bad_row_is_named_by_sheet_row_and_column_and_nothing_is_imported(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var workbook = Workbook(
        [
            ["新的主管部门", "主管部门", "财政局"],                                  // row 2: good
            ["新的实施单位", "实施单位", "新的主管部门"],                            // row 3: good, its parent in the sheet
            ["写错类型的单位", "单位", "新的主管部门"],                              // row 4: 类型
            ["找不到上级的单位", "实施单位", "没有这个部门"],                         // row 5: 上级机构
            ["新的实施单位", "实施单位", "新的主管部门"],                            // row 6: repeats row 3
            ["上海市党建服务中心", "实施单位", "新的主管部门"],                      // row 7: exists under another parent
            ["", "实施单位", "新的主管部门"],                                        // row 8: 名称
        ],
        [
            ["good-one", "好人", "单位填报", "新的实施单位", ""],                     // row 2: good
            ["bad-role", "某人", "处长", "新的实施单位", ""],                          // row 3: 角色
            ["wrong-kind", "某人", "主管部门审核", "新的实施单位", ""],                // row 4: 所属机构 (a unit, not a 主管部门)
            ["short-pw", "某人", "单位填报", "新的实施单位", "123"],                   // row 5: 初始密码
            ["good-one", "又一人", "单位填报", "新的实施单位", ""],                    // row 6: repeats row 2
            ["admin", "管理员", "管理员", "", ""],                                     // row 7: exists (admin), same role: left as it is
            ["no-name", "", "单位填报", "新的实施单位", ""],                           // row 8: 姓名
        ]);
        var before = await CountsAsync(admin);

        var preview = await WebApp.JsonAsync(await UploadAsync(admin, workbook, confirm: false));
        var confirm = await UploadAsync(admin, workbook, confirm: true);
        var refusal = await WebApp.JsonAsync(confirm);
        var after = await CountsAsync(admin);

        var problems = preview["problems"]!.AsArray().Select(p => ((string)p!["sheet"]!, (int)p["row"]!, (string)p["column"]!, (string)p["cell"]!)).ToList();
        Assert.Equal(new (string, int, string, string)[]
        {
            ("机构", 4, "类型", "B4"), ("机构", 5, "上级机构", "C5"), ("机构", 6, "名称", "A6"), ("机构", 7, "上级机构", "C7"), ("机构", 8, "名称", "A8"),
            ("账号", 3, "角色", "C3"), ("账号", 4, "所属机构", "D4"), ("账号", 5, "初始密码", "E5"), ("账号", 6, "用户名", "A6"), ("账号", 8, "姓名", "B8"),
        }, problems.OrderBy(p => p.Item1 == "机构" ? 0 : 1).ThenBy(p => p.Item2).ToList());
        var message = (string)preview["problems"]!.AsArray().Single(p => (string?)p!["cell"] == "B4")!["message"]!;
        Assert.Contains("工作表“机构”第 4 行“类型”列（B4）", message);
        Assert.Contains("“单位”", message);
        Assert.Contains("第 3 行", (string)preview["problems"]!.AsArray().Single(p => (string?)p!["cell"] == "A6" && (string?)p["sheet"] == "机构")!["message"]!);
        // Every row is listed, the wrong ones marked, so the preview reads like the sheet.
        Assert.Equal(Enumerable.Range(2, 7), preview["organisations"]!.AsArray().Select(o => (int)o!["row"]!));
        Assert.Equal("new", (string?)preview["organisations"]![0]!["outcome"]);
        Assert.Equal("problem", (string?)preview["organisations"]![2]!["outcome"]);
        Assert.Null((string?)preview["organisations"]![2]!["kind"]);
        Assert.Equal("exists", (string?)preview["accounts"]![5]!["outcome"]);
        Assert.Equal("problem", (string?)preview["accounts"]![1]!["outcome"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirm.StatusCode);
        Assert.Equal("file", (string?)refusal["field"]);
        Assert.Contains("没有导入任何内容", (string?)refusal["error"]);
        Assert.Equal(10, refusal["problems"]!.AsArray().Count);
        Assert.Contains(refusal["problems"]!.AsArray(), p => (string?)p!["field"] == "机构!B4");
        Assert.Equal(before, after);                                              // the good rows were not written either
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Only_the_administrator_imports_and_only_a_workbook_sent_by_a_script_of_this_site(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, p);
        var good = Workbook([["某主管部门", "主管部门", "财政局"]], []);
        var noSheets = XlsxTables.Write([new TableSheet("Sheet1", ["名称"], [])]);
        var missingColumn = XlsxTables.Write([new TableSheet("机构", ["名称", "类型"], [["某主管部门", "主管部门"]])]);

        var byUnit = await UploadAsync(unit, good, confirm: true);
        var byPublic = await UploadAsync(await app.ClientAsync(), good, confirm: true);
        var noHeader = await UploadAsync(admin, good, confirm: true, header: false);
        var notAWorkbook = await UploadAsync(admin, "名称,类型\n某,主管部门"u8.ToArray(), confirm: false, name: "a.xlsx");
        var wrongSheets = await UploadAsync(admin, noSheets, confirm: false);
        var noColumn = await WebApp.JsonAsync(await UploadAsync(admin, missingColumn, confirm: false));
        var asJson = await admin.PostAsJsonAsync("/api/admin/import", new { });
        var template = await admin.GetAsync("/api/admin/import-template");
        var templateByUnit = await unit.GetAsync("/api/admin/import-template");
        var sheets = XlsxReader.ReadSheets(await template.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byPublic.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Equal("file", (string?)(await WebApp.JsonAsync(noHeader))["field"]);
        Assert.Equal(HttpStatusCode.BadRequest, notAWorkbook.StatusCode);
        Assert.Equal("file", (string?)(await WebApp.JsonAsync(notAWorkbook))["field"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongSheets.StatusCode);
        Assert.Contains("“机构”", (string?)(await WebApp.JsonAsync(wrongSheets))["error"]);
        var missing = Assert.Single(noColumn["problems"]!.AsArray())!;
        Assert.Equal("上级机构", (string?)missing["column"]);
        Assert.Equal(1, (int)missing["row"]!);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, templateByUnit.StatusCode);
        // The template's sheets are what the import reads (the instructions sheet is skipped by the reader).
        Assert.Equal(new[] { "机构", "账号" }, sheets.Select(s => s.Name));
        Assert.Equal(OrgHeader, sheets[0].Rows[0]);
        Assert.Equal(AccountHeader, sheets[1].Rows[0]);
        Assert.Equal(1, sheets[0].FirstRow);
    }

    [Fact]
    public async Task The_template_filled_in_imports_as_it_is()
    {
        using var app = await WebApp.StartAsync(databases, "sqlite");
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var template = XlsxReader.ReadSheets(await (await admin.GetAsync("/api/admin/import-template")).Content.ReadAsByteArrayAsync());
        // What a person adds below the template's headers, in the template's column order.
        var filled = XlsxTables.Write(
        [
            new TableSheet(template[0].Name, template[0].Rows[0], [["模板里的主管部门", "主管部门", "财政局"], ["模板里的单位", "实施单位", "模板里的主管部门"]]),
            new TableSheet(template[1].Name, template[1].Rows[0], [["template-user", "模板用户", "单位填报", "模板里的单位", ""]]),
        ]);

        var result = await WebApp.JsonAsync(await UploadAsync(admin, filled, confirm: true));

        Assert.True((bool)result["confirmed"]!);
        Assert.Equal(2, result["organisations"]!.AsArray().Count);
        Assert.NotNull((string?)result["accounts"]![0]!["password"]);
    }
}

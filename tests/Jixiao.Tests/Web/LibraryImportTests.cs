using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Library;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 13: finance's 指标库 from a workbook, on both databases. What the export writes, the import reads: the
/// exported workbook comes back unchanged, edited cells change their entries, a row without 编号 adds one; a preview
/// names every bad cell by sheet, row and column; a confirmation with a problem writes nothing; only finance may.
/// The seed forms: 长效管理机制健全性 and 有责投诉率 are printed only by 上海市奉贤区西渡街道社区党群服务中心 (seed-003), so each
/// comes in 待审定, owned by it and shared with it alone (本单位); 长效管理机制健全性 has no figures (one row in the
/// export), 有责投诉率 one 2024 target (one row).
/// </summary>
[Collection("databases")]
public class LibraryImportTests(TestDatabases databases)
{
    const string Xidu = "上海市奉贤区西渡街道社区党群服务中心";

    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient c, byte[] workbook, bool confirm = false, bool header = true)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(workbook);
        part.Headers.ContentType = new MediaTypeHeaderValue(LibraryPages.XlsxType);
        content.Add(part, "file", "指标库.xlsx");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/indicator-library/import" + (confirm ? "?confirm=true" : "")) { Content = content };
        if (header) request.Headers.Add("X-Requested-With", "test");
        return await c.SendAsync(request);
    }

    internal static byte[] Workbook(IReadOnlyList<string> header, IEnumerable<string[]> rows, string sheet = LibraryImport.Sheet) =>
        XlsxTables.Write([new TableSheet(sheet, header, rows.ToList())]);

    /// <summary>A row under the export's header: the cells read by name, the figure columns left empty.</summary>
    internal static string[] Row(params (string Column, string Value)[] cells)
    {
        var row = new string[LibraryWork.ExportHeaders.Length];
        Array.Fill(row, "");
        foreach (var (column, value) in cells) row[Array.IndexOf(LibraryWork.ExportHeaders, column)] = value;
        return row;
    }

    static async Task<(HttpClient Finance, long LongTerm, long Complaints, long Satisfaction, long Facilities)> SeededAsync(WebApp app)
    {
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        Assert.True((await finance.PostAsync("/api/indicator-library/seed", JsonContent.Create(new { }))).IsSuccessStatusCode);
        async Task<long> Id(string name) =>
            (long)(await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library?q=" + Uri.EscapeDataString(name))))["entries"]!
                .AsArray().Single(e => (string)e!["name"]! == name)!["id"]!;
        return (finance, await Id("长效管理机制健全性"), await Id("有责投诉率"), await Id("群众满意度"), await Id("设施正常使用率"));
    }

    static async Task<string> LibraryJsonAsync(HttpClient finance) => (await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library")))["entries"]!.ToJsonString();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_exported_workbook_imports_back_unchanged_and_its_edited_cells_and_new_rows_are_previewed_then_saved(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (finance, longTerm, _, _, _) = await SeededAsync(app);
        var count = (await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library")))["entries"]!.AsArray().Count;

        var exported = await (await finance.GetAsync("/api/indicator-library?format=xlsx")).Content.ReadAsByteArrayAsync();
        var sheet = Assert.Single(XlsxReader.ReadSheets(exported));   // the instructions sheet is not read
        Assert.Equal(LibraryImport.Sheet, sheet.Name);
        Assert.Equal(LibraryWork.ExportHeaders, sheet.Rows[0]);

        // Unchanged: every entry once (an entry with several years has several rows), none changed.
        var same = await WebApp.JsonAsync(await UploadAsync(finance, exported));
        Assert.Empty(same["problems"]!.AsArray());
        Assert.Equal(count, same["entries"]!.AsArray().Count);
        Assert.All(same["entries"]!.AsArray(), e => Assert.Equal("same", (string)e!["outcome"]!));
        Assert.False((bool)same["confirmed"]!);

        // Finance edits 长效管理机制健全性's row and adds an entry of its own at the end.
        var header = sheet.Rows[0];
        int Col(string c) => Array.IndexOf(header, c);
        var rows = sheet.Rows.Skip(1).Select(r => r.ToArray()).ToList();
        var edited = rows.Single(r => r[Col("三级指标")] == "长效管理机制健全性");
        Assert.Equal((longTerm.ToString(), "待审定", "本单位", Xidu), (edited[Col("编号")], edited[Col("状态")], edited[Col("共享范围")], edited[Col("所属单位")]));
        foreach (var (c, v) in new[] { ("指标解释", "项目建立的长效管理制度是否健全"), ("计算方法", "查阅制度文件"), ("指标值依据", "计划标准"),
                     ("标签", "党建、基层服务"), ("共性/个性", "共性指标"), ("共享范围", "全部"), ("状态", "已审定") })
            edited[Col(c)] = v;
        rows.Add(Row(("一级指标", "满意度指标"), ("二级指标", "服务对象满意度指标"), ("三级指标", "驿站服务满意度"), ("指标性质", "≥"), ("度量单位", "%"),
            ("指标解释", "驿站服务对象对服务的满意程度"), ("计算方法", "问卷调查"), ("指标值依据", "行业"), ("标签", "生活驿站"), ("共性/个性", "个性指标"),
            ("所属单位", Xidu), ("共享范围", "本单位"), ("状态", "待审定"), ("使用表数", "99")));   // the figures are not read
        var workbook = Workbook(header, rows);

        var preview = await WebApp.JsonAsync(await UploadAsync(finance, workbook));
        Assert.Empty(preview["problems"]!.AsArray());
        var entries = preview["entries"]!.AsArray();
        Assert.Equal(count + 1, entries.Count);
        var update = entries.Single(e => (long?)e!["id"] == longTerm)!;
        Assert.Equal("update", (string)update["outcome"]!);
        Assert.Equal(["指标解释：填写", "计算方法：填写", "指标值依据：（空） → 计划标准", "标签：（空） → 党建、基层服务",
                      "共性/个性：个性指标 → 共性指标", "共享范围：本单位 → 全部", "状态：待审定 → 已审定"],
            update["changes"]!.AsArray().Select(c => (string)c!));
        var added = entries.Single(e => (string)e!["outcome"]! == "new")!;
        Assert.Equal(("驿站服务满意度", rows.Count + 1, null), ((string)added["name"]!, (int)added["row"]!, (long?)added["id"]));
        Assert.Equal($"新增：待审定，共享范围本单位，所属{Xidu}，标签生活驿站", (string)added["changes"]![0]!);
        Assert.Equal(count - 1, entries.Count(e => (string)e!["outcome"]! == "same"));

        var confirmed = await UploadAsync(finance, workbook, confirm: true);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var result = await WebApp.JsonAsync(confirmed);
        Assert.True((bool)result["confirmed"]!);
        var newId = (long)result["entries"]!.AsArray().Single(e => (string)e!["outcome"]! == "new")!["id"]!;

        var stored = (await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library")))["entries"]!.AsArray().ToDictionary(e => (long)e!["id"]!);
        var longTermNow = stored[longTerm]!;
        Assert.Equal(("项目建立的长效管理制度是否健全", "查阅制度文件", "plan", "common", "all", "approved", Xidu),
            ((string)longTermNow["explanation"]!, (string)longTermNow["method"]!, (string)longTermNow["valueBasis"]!, (string)longTermNow["nature"]!,
             (string)longTermNow["scope"]!, (string)longTermNow["status"]!, (string)longTermNow["owner"]!));
        Assert.Equal(["党建", "基层服务"], longTermNow["tags"]!.AsArray().Select(t => (string)t!));
        // The seed's figures are kept: three declarations.
        Assert.Equal(3, (int)longTermNow["forms"]!);
        var mine = stored[newId]!;
        Assert.Equal(("满意度指标", "服务对象满意度指标", "驿站服务满意度", "≥", "%", "industry", "specific", "unit", "proposed", Xidu, 0),
            ((string)mine["level1"]!, (string)mine["level2"]!, (string)mine["name"]!, (string)mine["comparator"]!, (string)mine["unit"]!, (string)mine["valueBasis"]!,
             (string)mine["nature"]!, (string)mine["scope"]!, (string)mine["status"]!, (string)mine["owner"]!, (int)mine["forms"]!));

        // Round trip again: the new export imports back with nothing to change.
        var again = await WebApp.JsonAsync(await UploadAsync(finance, await (await finance.GetAsync("/api/indicator-library?format=xlsx")).Content.ReadAsByteArrayAsync()));
        Assert.Empty(again["problems"]!.AsArray());
        Assert.Equal(count + 1, again["entries"]!.AsArray().Count);
        Assert.All(again["entries"]!.AsArray(), e => Assert.Equal("same", (string)e!["outcome"]!));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_bad_cell_is_named_by_sheet_row_and_column_and_a_confirmed_bad_workbook_changes_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (finance, longTerm, complaints, satisfaction, facilities) = await SeededAsync(app);
        var before = await LibraryJsonAsync(finance);

        string[][] rows =
        [
            /* 2 */ Row(("编号", "abc"), ("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "某指标")),
            /* 3 */ Row(("编号", "999999"), ("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "某指标")),
            /* 4 */ Row(("编号", complaints.ToString()), ("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "有责投诉率"), ("指标性质", "<"), ("度量单位", "%"),
                        ("所属单位", Xidu), ("共享范围", "全省"), ("状态", "已停用")),
            /* 5 */ Row(("一级指标", "其他指标"), ("二级指标", "某某"), ("三级指标", "新指标甲")),
            /* 6 */ Row(("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "有责投诉率")),
            /* 7 */ Row(("编号", longTerm.ToString()), ("一级指标", "效益指标"), ("二级指标", "可持续影响指标"), ("三级指标", "长效管理机制健全性"), ("度量单位", "次"),
                        ("所属单位", Xidu), ("共享范围", "本单位")),
            /* 8 */ Row(("一级指标", "满意度指标"), ("二级指标", "服务对象满意度指标"), ("三级指标", "新指标乙"), ("共享范围", "本单位")),
            /* 9 */ Row(("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "新指标丙"), ("指标性质", "约"), ("所属单位", "不存在的单位"), ("状态", "已停用")),
            // Good by itself, but row 11 (the same entry) says otherwise.
            /* 10 */ Row(("编号", satisfaction.ToString()), ("一级指标", "满意度指标"), ("二级指标", "服务对象满意度指标"), ("三级指标", "群众满意度"), ("指标性质", "≥"),
                        ("度量单位", "%"), ("所属单位", Xidu), ("共享范围", "本单位"), ("状态", "已审定"), ("标签", "生活驿站")),
            /* 11 */ Row(("编号", satisfaction.ToString()), ("一级指标", "满意度指标"), ("二级指标", "服务对象满意度指标"), ("三级指标", "群众满意度"), ("指标性质", "≥"),
                        ("度量单位", "%"), ("所属单位", Xidu), ("共享范围", "本单位"), ("状态", "待审定"), ("标签", "生活驿站")),
            // A good row (seed-003's 设施正常使用率, =100.00(%)): previewed as a change, not saved while the workbook has problems.
            /* 12 */ Row(("编号", facilities.ToString()), ("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "设施正常使用率"), ("指标性质", "="),
                        ("度量单位", "%"), ("所属单位", Xidu), ("共享范围", "全部"), ("状态", "已审定")),
        ];
        var workbook = Workbook(LibraryWork.ExportHeaders, rows);
        var preview = await WebApp.JsonAsync(await UploadAsync(finance, workbook));
        string[] expected =
        [
            "A2：编号应为指标库中的数字编号，不是“abc”（新增的指标请留空）",
            "A3：指标库中没有编号为 999999 的指标（新增的指标请留空编号）",
            "M4：应为本单位、本部门、全部之一，不是“全省”",
            "N4：指标状态不能从“待审定”改为“已停用”（只能 待审定 → 已审定 → 已停用）",
            "B5：一级指标应为产出指标、效益指标、满意度指标、成本指标之一，不是“其他指标”",
            $"D6：与指标库中编号 {complaints} 的“效益指标/社会效益指标/有责投诉率”相同（规范化后）：要修改它，请填写编号 {complaints}",
            "F7：度量单位由已存的表汇集得出，不能在此修改（现为“空”）",
            "M8：共享范围为“本单位”时须填写所属单位",
            "E9：指标性质应为 ≥、>、=、≤、< 之一或留空，不是“约”",
            "L9：没有名为“不存在的单位”的实施单位（财政部门的指标写“财政部门”或留空）",
            "N9：新增的指标只能是待审定或已审定",
            "N11：与第 10 行（同一编号 " + satisfaction + "）不同：同一指标的各行须一致",
        ];
        var problems = preview["problems"]!.AsArray();
        Assert.Equal(expected, problems.Select(p => $"{(string)p!["cell"]!}：{((string)p["message"]!).Split("）：", 2)[1]}"));
        // Each message names the sheet, the row and the column itself.
        Assert.Equal("工作表“指标库”第 4 行“共享范围”列（M4）：应为本单位、本部门、全部之一，不是“全省”", (string)problems[2]!["message"]!);
        Assert.Equal(("指标库", 4, "共享范围"), ((string)problems[2]!["sheet"]!, (int)problems[2]!["row"]!, (string)problems[2]!["column"]!));
        // Row 11 is row 10's entry again, not listed twice; as they differ, that entry is not written either.
        Assert.Equal([.. Enumerable.Repeat("problem", 9), "update"],
            preview["entries"]!.AsArray().Select(e => (string)e!["outcome"]!));

        var refused = await UploadAsync(finance, workbook, confirm: true);
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.StartsWith($"工作簿中有 {expected.Length} 处问题，没有导入任何内容。第一处：工作表“指标库”第 2 行“编号”列（A2）", (string)(await WebApp.JsonAsync(refused))["error"]!);
        Assert.Equal(before, await LibraryJsonAsync(finance));

        // A header without 三级指标, a workbook without the sheet, an upload without the header: said, nothing changed.
        var noName = await WebApp.JsonAsync(await UploadAsync(finance, Workbook(["编号", "一级指标", "二级指标", "状态"], [["", "产出指标", "数量指标", "待审定"]])));
        var headerProblem = Assert.Single(noName["problems"]!.AsArray())!;
        Assert.Equal("工作表“指标库”第 1 行（标题行）缺少“三级指标”列；标题应为 " + string.Join("、", LibraryImport.Columns), (string)headerProblem["message"]!);
        var otherSheet = await UploadAsync(finance, Workbook(LibraryWork.ExportHeaders, [], sheet: "Sheet1"));
        Assert.Equal(HttpStatusCode.BadRequest, otherSheet.StatusCode);
        Assert.Equal("工作簿中没有名为“指标库”的工作表（可先导出指标库，在导出的工作簿上修改）", (string)(await WebApp.JsonAsync(otherSheet))["error"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(finance, workbook, header: false)).StatusCode);
        var notXlsx = await UploadAsync(finance, "不是工作簿"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
        Assert.Equal(before, await LibraryJsonAsync(finance));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Only_finance_imports_a_unit_and_a_department_are_refused_before_the_workbook_is_read(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (finance, longTerm, _, _, _) = await SeededAsync(app);
        var before = await LibraryJsonAsync(finance);
        var workbook = Workbook(LibraryWork.ExportHeaders,
            [Row(("编号", longTerm.ToString()), ("一级指标", "效益指标"), ("二级指标", "可持续影响指标"), ("三级指标", "长效管理机制健全性"),
                ("所属单位", Xidu), ("共享范围", "本单位"), ("状态", "已审定"))]);

        var (uu, up) = await app.UserAsync(Role.Unit, Xidu);
        var unit = await UploadAsync(await app.ClientAsync(uu, up), workbook, confirm: true);
        Assert.Equal(HttpStatusCode.Forbidden, unit.StatusCode);
        Assert.Equal("单位填报不能维护指标库", (string)(await WebApp.JsonAsync(unit))["error"]!);
        var (du, dp) = await app.UserAsync(Role.DepartmentReviewer, "上海市奉贤区人民政府西渡街道办事处");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(await app.ClientAsync(du, dp), workbook, confirm: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(await app.ClientAsync(), workbook, confirm: true)).StatusCode);
        Assert.Equal(before, await LibraryJsonAsync(finance));

        // The same workbook from finance goes in.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(finance, workbook, confirm: true)).StatusCode);
        Assert.NotEqual(before, await LibraryJsonAsync(finance));
    }
}

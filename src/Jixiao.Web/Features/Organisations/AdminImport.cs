using System.ComponentModel;
using System.Data.Common;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Organisations.OrganisationStore;

namespace Jixiao.Web.Features.Organisations;

[Description("工作簿中的一个机构")]
public sealed record ImportedOrganisation(
    [property: Description("行号")] int Row,
    [property: Description("名称")] string Name,
    [property: Description("类型（读不出时为空）")] string? Kind,
    [property: Description("上级机构")] string? Parent,
    [property: Description("new 新建 / exists 已存在（不改动）/ problem 这一行有问题")] string Outcome,
    [property: Description("编号（已存在或已导入时）")] long? Id = null);

[Description("工作簿中的一个账号")]
public sealed record ImportedAccount(
    [property: Description("行号")] int Row,
    [property: Description("用户名")] string Username,
    [property: Description("姓名")] string? RealName,
    [property: Description("角色（读不出时为空）")] string? Role,
    [property: Description("所属机构")] string? Organisation,
    [property: Description("初始密码由系统生成")] bool PasswordGenerated,
    [property: Description("new 新建 / exists 已存在（不改动，密码不变）/ problem 这一行有问题")] string Outcome,
    [property: Description("编号（已存在或已导入时）")] long? Id = null,
    [property: Description("生成的初始密码：只在确认导入的这一次答复中给出")] string? Password = null);

[Description("机构和账号批量导入的预览（或确认导入的结果）")]
public sealed record AdminImportResult(
    [property: Description("是否已导入")] bool Confirmed,
    [property: Description("机构（工作表“机构”）")] IReadOnlyList<ImportedOrganisation> Organisations,
    [property: Description("账号（工作表“账号”）")] IReadOnlyList<ImportedAccount> Accounts,
    [property: Description("问题：有一处即不导入任何内容")] IReadOnlyList<ImportRowProblem> Problems);

/// <summary>
/// The organisation tree and its accounts from one workbook (a finance bureau has hundreds of units): sheet 机构
/// (名称, 类型, 上级机构) and sheet 账号 (用户名, 姓名, 角色, 所属机构, 初始密码). The answer without `confirm=true` is a
/// preview naming every bad cell by sheet, row and column; with it, everything is written in one transaction or, if a
/// single row is wrong, nothing. What exists already, the same, is left as it is, so a workbook can be imported again
/// after rows are added to it. Reading is bounded: <see cref="XlsxReader"/>'s caps, plus row limits here.
/// </summary>
public static class AdminImport
{
    public const string OrganisationSheet = "机构", AccountSheet = "账号";
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    public const int MaxOrganisations = 5000;
    // Each new account costs one PBKDF2 (about 50 ms of a core): a thousand is under a minute on one core.
    public const int MaxAccounts = 1000;

    static readonly string[] OrganisationColumns = ["名称", "类型", "上级机构"];
    static readonly string[] AccountColumns = ["用户名", "姓名", "角色", "所属机构", "初始密码"];

    static readonly Dictionary<string, string> KindByWord = new()
    {
        ["财政部门"] = "finance", ["主管部门"] = "department", ["实施单位"] = "unit",
        ["finance"] = "finance", ["department"] = "department", ["unit"] = "unit",
    };

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/admin/import", (HttpContext http, OrganisationStore organisations, AccountStore accounts, Database db) => Api.Run(async () =>
        {
            Administration.Require(http);
            var sheets = await WorkbookUpload.ReadAsync(http, MaxUploadBytes);
            var plan = await PlanAsync(sheets, organisations, accounts);
            var confirm = http.Request.Query["confirm"] == "true";
            if (!confirm) return Api.Json(plan.Result(false));
            if (plan.Problems.Count > 0) return WorkbookUpload.Refused(plan.Problems);
            return Api.Json(await ApplyAsync(plan, db, accounts));
        })).DisableAntiforgery()
            .WithSummary("批量导入机构和账号（管理员；multipart/form-data，字段 file 为 xlsx，须带请求头 X-Requested-With）：先预览，?confirm=true 一次全部导入；有一处问题即不导入任何内容")
            .Produces<AdminImportResult>().Produces<ApiError>(400).Produces<ApiError>(422);

        app.MapGet("/api/admin/import-template", (HttpContext http) =>
        {
            try { Administration.Require(http); }
            catch (ApiRefusal r) { return r.Result; }
            return Results.File(Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "机构和账号导入模板.xlsx");
        }).WithSummary("机构和账号导入模板（xlsx：工作表“机构”“账号”和填写说明）");
    }

    /// <summary>The workbook a bureau fills in: the two sheets with their headers and drop-down lists, and the instructions.</summary>
    public static byte[] Template() => XlsxTables.Write(
    [
        new TableSheet(OrganisationSheet, OrganisationColumns, [])
        {
            Widths = [40, 14, 40],
            Choices = [new ColumnChoice(1, ["财政部门", "主管部门", "实施单位"], "主管部门的上级是财政部门，实施单位的上级是主管部门")],
        },
        new TableSheet(AccountSheet, AccountColumns, [])
        {
            Widths = [18, 12, 16, 40, 20],
            Choices = [new ColumnChoice(2, Roles.Accounts.Select(r => r.ToChinese()).ToList(), "单位填报属于实施单位，主管部门审核属于主管部门，财政审核属于财政部门，管理员不填所属机构")],
        },
    ], "机构和账号导入说明", Instructions);

    public static readonly IReadOnlyList<string> Instructions =
    [
        "1. 工作表“机构”每行一个机构：名称、类型（财政部门、主管部门或实施单位）、上级机构（写上级机构的名称）。主管部门的上级是财政部门，实施单位的上级是主管部门，财政部门的上级机构留空。例如：财政局｜财政部门｜（空）；上海市某某局｜主管部门｜财政局；上海市某某中心｜实施单位｜上海市某某局。",
        "2. 上级机构可以是系统中已有的机构，也可以是本表中的另一行（顺序不限）。同一类型的机构名称不能重复；系统中已有、上级相同的机构不会重复建立。要把已有的机构移到别处，请在“系统管理”的机构树中操作。",
        "3. 工作表“账号”每行一个账号：用户名（登录用）、姓名、角色（单位填报、主管部门审核、财政审核或管理员）、所属机构（写机构名称，须与角色相符；管理员留空）、初始密码（至少 10 个字符；留空则由系统生成，确认导入后显示一次，可下载）。",
        "4. 每个新账号首次登录时都须先修改密码。系统中已有、角色和所属机构都相同的账号不会改动（密码也不变）。",
        $"5. 先“预览”：每一处问题都会写明工作表、行号和列。改正后再“确认导入”：全部导入，或有一处问题即什么都不导入。一次最多 {MaxOrganisations} 个机构、{MaxAccounts} 个账号。",
        "6. 标题行请勿修改，系统按标题识别各列；列的顺序可以调整。空行会被跳过。本“填写说明”工作表不会被导入。",
    ];

    // ------------------------------------------------------------------ reading and checking

    // Every row with anything in it is kept, a wrong one too (Kind or Role null), so that the preview lists the sheet
    // as it is; nothing is written while any row has a problem.
    sealed record OrgRow(int Row, string Name, string? Kind, string? Parent, Organisation? Existing);

    sealed record AccountRow(int Row, string Username, string RealName, Role? Role, string? Organisation, string? Password, Account? Existing);

    /// <summary>What the workbook asks for, checked against the database: the rows and every problem.</summary>
    sealed class Plan
    {
        public readonly List<OrgRow> Organisations = new();
        public readonly List<AccountRow> Accounts = new();
        public readonly List<ImportRowProblem> Problems = new();
        public IReadOnlyList<Organisation> Known = [];

        public AdminImportResult Result(bool confirmed,
            IReadOnlyDictionary<(string, string), long>? ids = null, IReadOnlyDictionary<string, (long Id, string? Password)>? accounts = null)
        {
            var wrong = Problems.Select(p => (p.Sheet, p.Row)).ToHashSet();
            string Outcome(string sheet, int row, object? existing) => wrong.Contains((sheet, row)) ? "problem" : existing is null ? "new" : "exists";
            return new(confirmed,
                Organisations.Select(o => new ImportedOrganisation(o.Row, o.Name, o.Kind, o.Parent, Outcome(OrganisationSheet, o.Row, o.Existing),
                    o.Existing?.Id ?? (ids is not null && o.Kind is not null && ids.TryGetValue((o.Kind, o.Name), out var id) ? id : null))).ToList(),
                Accounts.Select(a => new ImportedAccount(a.Row, a.Username, a.RealName, a.Role?.ToCode(), a.Organisation, a.Password is null && a.Existing is null,
                    Outcome(AccountSheet, a.Row, a.Existing), a.Existing?.Id ?? (accounts?.GetValueOrDefault(a.Username).Id is { } aid and > 0 ? aid : null),
                    accounts?.GetValueOrDefault(a.Username).Password)).ToList(),
                Problems);
        }
    }

    static async Task<Plan> PlanAsync(List<XlsxReader.GridSheet> sheets, OrganisationStore organisations, AccountStore accounts)
    {
        var plan = new Plan { Known = await organisations.AllAsync() };
        var orgSheet = sheets.FirstOrDefault(s => s.Name.Trim() == OrganisationSheet);
        var accountSheet = sheets.FirstOrDefault(s => s.Name.Trim() == AccountSheet);
        if (orgSheet is null && accountSheet is null)
            throw Api.Fail(400, $"工作簿中没有名为“{OrganisationSheet}”或“{AccountSheet}”的工作表（可下载模板对照）", "file");
        if (orgSheet is not null) ReadOrganisations(new SheetTable(orgSheet, plan.Problems), plan);
        if (accountSheet is not null)
        {
            var table = new SheetTable(accountSheet, plan.Problems);
            if (table.ReadHeader(AccountColumns, ["初始密码"]))
            {
                var usernames = table.Rows().Select(r => table.Cell(r.Cells, "用户名")).Where(u => u.Length > 0).ToList();
                var existing = (await accounts.ByUsernamesAsync(usernames)).ToDictionary(a => a.Username, StringComparer.Ordinal);
                ReadAccounts(table, plan, existing);
            }
        }
        return plan;
    }

    static void ReadOrganisations(SheetTable t, Plan plan)
    {
        if (!t.ReadHeader(OrganisationColumns, [])) return;
        var known = plan.Known;
        // First every row's name and kind, so that a parent may be any row of the sheet, above or below.
        var rows = new List<(int Row, string Name, string? Kind, string Parent)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (row, cells) in t.Rows())
        {
            if (rows.Count >= MaxOrganisations)
            {
                t.Problem(row, "名称", $"一次最多导入 {MaxOrganisations} 个机构，请分批导入");
                break;
            }
            var name = t.Cell(cells, "名称");
            var kindWord = t.Cell(cells, "类型");
            string? kind = KindByWord.GetValueOrDefault(kindWord);
            if (name.Length == 0) t.Problem(row, "名称", "请填写机构名称");
            else if (name.Length > Administration.MaxName) t.Problem(row, "名称", $"名称不能超过 {Administration.MaxName} 字");
            if (kind is null)
                t.Problem(row, "类型", kindWord.Length == 0 ? "请填写类型：财政部门、主管部门或实施单位" : $"类型应为财政部门、主管部门或实施单位，不是“{kindWord}”");
            if (kind is not null && name.Length > 0)
            {
                if (seen.TryGetValue((kind, name), out var first)) t.Problem(row, "名称", $"与第 {first} 行重复：同一类型的机构名称不能重复");
                else seen[(kind, name)] = row;
            }
            rows.Add((row, name, kind, t.Cell(cells, "上级机构")));
        }
        foreach (var (row, name, kind, parent) in rows)
        {
            if (kind is null || name.Length == 0)
            {
                plan.Organisations.Add(new OrgRow(row, name, kind, parent.Length == 0 ? null : parent, null));
                continue;
            }
            var existing = known.FirstOrDefault(o => o.Kind == kind && o.Name == name);
            var parentKind = ParentKind(kind);
            if (parentKind is null)
            {
                if (parent.Length > 0) t.Problem(row, "上级机构", "财政部门没有上级机构，请留空");
            }
            else if (parent.Length == 0) t.Problem(row, "上级机构", $"请填写上级{KindNames[parentKind]}的名称");
            else
            {
                var knownParent = known.FirstOrDefault(o => o.Kind == parentKind && o.Name == parent);
                if (knownParent is null && !seen.ContainsKey((parentKind, parent)))
                    t.Problem(row, "上级机构", $"没有名为“{parent}”的{KindNames[parentKind]}（系统中和本表中都没有）");
                else if (knownParent is { Active: false } && existing is null)
                    t.Problem(row, "上级机构", $"{KindNames[parentKind]}“{parent}”已停用，不能在其下新建机构");
                else if (existing is not null && (knownParent is null || existing.ParentId != knownParent.Id))
                {
                    var now = known.FirstOrDefault(o => o.Id == existing.ParentId)?.Name ?? "（无）";
                    t.Problem(row, "上级机构", $"系统中已有{KindNames[kind]}“{name}”，其上级是“{now}”，不是“{parent}”；要移动请在机构树中操作");
                }
            }
            plan.Organisations.Add(new OrgRow(row, name, kind, parent.Length == 0 ? null : parent, existing));
        }
    }

    static void ReadAccounts(SheetTable t, Plan plan, IReadOnlyDictionary<string, Account> existing)
    {
        var sheetOrgs = plan.Organisations.Where(o => o.Kind is not null && o.Name.Length > 0).Select(o => (o.Kind!, o.Name)).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cells) in t.Rows())
        {
            if (plan.Accounts.Count >= MaxAccounts)
            {
                t.Problem(row, "用户名", $"一次最多导入 {MaxAccounts} 个账号，请分批导入");
                break;
            }
            int before = plan.Problems.Count;
            var username = t.Cell(cells, "用户名");
            var realName = t.Cell(cells, "姓名");
            var roleWord = t.Cell(cells, "角色");
            var orgName = t.Cell(cells, "所属机构");
            var password = t.Cell(cells, "初始密码");
            if (username.Length == 0) t.Problem(row, "用户名", "请填写用户名");
            else if (username.Length > Administration.MaxUsername) t.Problem(row, "用户名", $"用户名不能超过 {Administration.MaxUsername} 字");
            else if (seen.TryGetValue(username, out var first)) t.Problem(row, "用户名", $"与第 {first} 行重复");
            else seen[username] = row;
            if (realName.Length == 0) t.Problem(row, "姓名", "请填写姓名（修改记录中显示）");
            else if (realName.Length > Administration.MaxRealName) t.Problem(row, "姓名", $"姓名不能超过 {Administration.MaxRealName} 字");
            var role = Roles.Accounts.Cast<Role?>().FirstOrDefault(r => r!.Value.ToChinese() == roleWord) ?? Roles.FromCode(roleWord);
            if (role is null)
                t.Problem(row, "角色", roleWord.Length == 0 ? "请填写角色" : $"角色应为单位填报、主管部门审核、财政审核或管理员，不是“{roleWord}”");
            Organisation? org = null;
            if (role is { } r && r.OrganisationKind() is { } kind)
            {
                org = plan.Known.FirstOrDefault(o => o.Kind == kind && o.Name == orgName);
                if (orgName.Length == 0) t.Problem(row, "所属机构", $"{r.ToChinese()}须填写所属的{KindNames[kind]}");
                else if (org is null && !sheetOrgs.Contains((kind, orgName)))
                    t.Problem(row, "所属机构", $"没有名为“{orgName}”的{KindNames[kind]}（系统中和本表中都没有）；{r.ToChinese()}须属于一个{KindNames[kind]}");
                else if (org is { Active: false } && !existing.ContainsKey(username))
                    t.Problem(row, "所属机构", $"“{orgName}”已停用，不能再加入账号");
            }
            else if (role == Role.Admin && orgName.Length > 0) t.Problem(row, "所属机构", "管理员不属于机构，请留空");
            if (password.Length > 0 && (password.Length < AccountEndpoints.MinPasswordLength || password.Length > Administration.MaxPassword))
                t.Problem(row, "初始密码", $"初始密码应为 {AccountEndpoints.MinPasswordLength}–{Administration.MaxPassword} 个字符（留空则由系统生成）");
            var account = existing.GetValueOrDefault(username);
            if (account is not null && role is not null && plan.Problems.Count == before
                && (account.Role != role || account.OrganisationName != (orgName.Length == 0 ? null : orgName)))
                t.Problem(row, "用户名", $"用户名“{username}”已被使用（{account.Role.ToChinese()}，{account.OrganisationName ?? "无所属机构"}）：请换一个用户名，或在账号列表中修改该账号");
            plan.Accounts.Add(new AccountRow(row, username, realName, role, orgName.Length == 0 ? null : orgName, password.Length == 0 ? null : password, account));
        }
    }

    // ------------------------------------------------------------------ writing

    /// <summary>
    /// Everything in one transaction: the new organisations from the top of the tree down, then the new accounts.
    /// Passwords are hashed before it opens (the slow part), so the transaction holds its locks only for the writes;
    /// on half the cores, so that the people using the app meanwhile are not held up by one administrator's import.
    /// </summary>
    static async Task<AdminImportResult> ApplyAsync(Plan plan, Database db, AccountStore accounts)
    {
        // Only a plan without problems gets here: every row has its kind or role, and no name is there twice.
        var fresh = plan.Accounts.Where(a => a.Existing is null).ToList();
        var passwords = fresh.ToDictionary(a => a.Username, a => a.Password ?? Passwords.Generate(), StringComparer.Ordinal);
        var hashes = fresh.AsParallel().WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount / 2))
            .Select(a => (a.Username, Hash: Passwords.Hash(passwords[a.Username]))).ToDictionary(x => x.Username, x => x.Hash, StringComparer.Ordinal);

        var ids = plan.Known.ToDictionary(o => (o.Kind, o.Name), o => o.Id);
        var accountIds = new Dictionary<string, (long Id, string? Password)>(StringComparer.Ordinal);
        await using var c = await db.ConnectAsync();
        await using var tx = await c.BeginTransactionAsync();
        try
        {
            foreach (var kind in new[] { "finance", "department", "unit" })
                foreach (var o in plan.Organisations.Where(o => o.Kind == kind && o.Existing is null))
                {
                    long? parent = ParentKind(kind) is { } pk ? ids[(pk, o.Parent!)] : null;
                    ids[(kind, o.Name)] = await OrganisationStore.InsertAsync(c, tx, o.Name, kind, parent);
                }
            foreach (var a in fresh)
            {
                var role = a.Role!.Value;
                long? org = role.OrganisationKind() is { } kind ? ids[(kind, a.Organisation!)] : null;
                var id = await accounts.InsertAsync(c, tx, new NewAccount(a.Username, hashes[a.Username], role, org, a.RealName, MustChangePassword: true));
                accountIds[a.Username] = (id, a.Password is null ? passwords[a.Username] : null);
            }
            await tx.CommitAsync();
        }
        catch (DbException)
        {
            await tx.RollbackAsync();
            // Someone added the same name between the check and the write: nothing is kept; a new preview shows it.
            throw Api.Fail(409, "导入期间机构或账号已被他人修改，没有导入任何内容；请重新预览后再确认", "file");
        }
        return plan.Result(true, ids, accountIds);
    }
}

using Jixiao.Core.Workflow;
using Jixiao.Formats.Pdf;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;
using Microsoft.Playwright;

namespace Jixiao.Tests.Web;

/// <summary>One Chromium for the whole test run (2 cores: a browser per test would be too slow).</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PdfPrinter.ChromiumPath, Headless = true, Args = PdfPrinter.Args,
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>
    /// A screenshot for docs/images when JIXIAO_SCREENSHOTS=1, otherwise nothing: the whole page 1280 wide, or with
    /// <paramref name="top"/> given, the 1280×800 window with that element at its top.
    /// </summary>
    public static async Task ShotAsync(IPage page, string name, string? top = null)
    {
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") != "1") return;
        var screens = Path.Combine(Support.TestProfiles.RepoRoot, "docs", "images");
        Directory.CreateDirectory(screens);
        if (top is not null) await page.EvaluateAsync("s => document.querySelector(s).scrollIntoView({ block: 'start' })", top);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screens, name + ".png"), FullPage = top is null });
    }

    /// <summary>
    /// A new 1280×800 window (zh-CN, Shanghai time) logged in as this person, on the page the login lands on. The wait
    /// is for the address (polled) and then the page's own content, not for the browser's load or navigation events:
    /// on a busy 2-core machine those were not seen after the redirect and the wait ran out although the page had arrived.
    /// A login that lands elsewhere fails with where it stopped and what that page says.
    /// </summary>
    public async Task<IPage> LoginAsync(string baseAddress, string user, string password, string landing = "/")
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        // A loaded 2-core machine (the browser, the server and the test on the same cores) has taken more than the
        // default 30 s for one page: every wait of this window gets 60 s.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await page.GotoAsync(baseAddress + "/login");
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        // The address is polled, not awaited as a navigation event: on a loaded machine the redirect was twice over
        // before the wait began listening, and the wait ran out with the page already there.
        var expected = baseAddress + landing;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (page.Url != expected && DateTime.UtcNow < until) await page.WaitForTimeoutAsync(100);
        if (page.Url != expected)
            throw new Xunit.Sdk.XunitException($"登录后没有到 {landing}，停在 {page.Url}：{await page.Locator("body").InnerTextAsync()}");
        await page.Locator("main").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        return page;
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<Browser>, ICollectionFixture<TestDatabases>;

/// <summary>The main path through the application in a real browser, as the people whose job it is would take it.</summary>
[Collection("browser")]
public class BrowserTests(Browser browser, TestDatabases databases)
{

    internal static async Task ActAsync(IPage page, string action, string? reason = null)
    {
        if (reason is not null) await page.FillAsync($".action-{action} input[name=reason]", reason);
        // A submission with warnings asks why it goes ahead anyway.
        if (await page.QuerySelectorAsync($".action-{action} input[name=acknowledgement]") is not null)
            await page.FillAsync($".action-{action} input[name=acknowledgement]", "警告已逐条核对，按计划提交。");
        await page.ClickAsync($".action-{action} button");
        await page.WaitForSelectorAsync(".done");
    }

    [Fact]
    public async Task Declare_return_fix_approve_self_evaluate_publish_and_read_it_logged_out()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (unitUser, unitPassword) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (deptUser, deptPassword) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var (financeUser, financePassword) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        // The unit declares its targets.
        var unit = await browser.LoginAsync(baseAddress, unitUser, unitPassword);
        await unit.GotoAsync(baseAddress + "/forms/new");
        await unit.FillAsync("input[name=projectName]", "社区党群阵地提升项目");
        await unit.SelectOptionAsync("select[name=projectNature]", "其他经常性项目");
        await unit.SelectOptionAsync("select[name=projectCategory]", "特定目标类");
        await unit.FillAsync("input[name=startDate]", "2027-01-01");
        await unit.FillAsync("input[name=endDate]", "2027-12-31");
        await unit.FillAsync("input[name=annualTotal]", "200000.00");
        await unit.FillAsync("input[name=currentYearAppropriation]", "200000.00");
        await unit.FillAsync("textarea[name=annualGoal]", "完成4个社区党群阵地提升，服务对象满意度90%以上。");
        var rows = new[]
        {
            ("数量指标", "阵地提升个数", "≥", "4", "个"),
            ("社会效益指标", "服务群众人次", "≥", "2000", "人次"),
            ("服务对象满意度指标", "服务对象满意度", "≥", "90", "%"),
        };
        for (int i = 0; i < rows.Length; i++)
        {
            var (level2, name, cmp, value, unitText) = rows[i];
            await unit.ClickAsync("#add-row");
            var row = $"tr[data-row='{i}']";
            await unit.SelectOptionAsync($"{row} select[aria-label='二级指标']", level2);
            await unit.FillAsync($"{row} input[name=name-{i}]", name);
            await unit.SelectOptionAsync($"{row} select[aria-label='比较符']", cmp);
            await unit.FillAsync($"{row} input[name=target-{i}]", value);
            await unit.FillAsync($"{row} input[name=unit-{i}]", unitText);
        }
        // The findings follow the latest edit: the missing-name problem of the blank form is gone.
        await unit.WaitForFunctionAsync("() => !document.getElementById('findings').textContent.includes('请填写项目名称') && document.getElementById('findings').textContent.length > 0");
        Assert.Equal("产出指标", await unit.InputValueAsync("tr[data-row='0'] select[aria-label='一级指标']"));
        await Browser.ShotAsync(unit, "web-declaration-editor");
        await unit.ClickAsync("#save");
        await unit.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/forms/\d+$"));
        var formUrl = unit.Url;
        var declared = await unit.ContentAsync();
        Assert.Contains("阵地提升个数", declared);
        Assert.Contains("特定目标类", declared);
        Assert.Contains("2027-12-31", declared);
        Assert.Contains("200,000.00", declared);
        await ActAsync(unit, "submit");

        // The 主管部门 returns it with a comment.
        var dept = await browser.LoginAsync(baseAddress, deptUser, deptPassword);
        await dept.GotoAsync(formUrl);
        await ActAsync(dept, "return", "阵地提升个数请与年度目标一致，并补充时效指标");
        Assert.Contains("阵地提升个数请与年度目标一致", await dept.ContentAsync());

        // The unit fixes and resubmits.
        await unit.GotoAsync(formUrl);
        Assert.Contains("阵地提升个数请与年度目标一致", await unit.ContentAsync());
        await unit.ClickAsync("a.button:has-text('编辑')");
        await unit.ClickAsync("#add-row");
        await unit.SelectOptionAsync("tr[data-row='3'] select[aria-label='二级指标']", "时效指标");
        await unit.FillAsync("tr[data-row='3'] input[name=name-3]", "提升工程按期完成率");
        await unit.SelectOptionAsync("tr[data-row='3'] select[aria-label='比较符']", "=");
        await unit.FillAsync("tr[data-row='3'] input[name=target-3]", "100");
        await unit.FillAsync("tr[data-row='3'] input[name=unit-3]", "%");
        await unit.ClickAsync("#save");
        await unit.WaitForSelectorAsync("#save-state:has-text('已保存')");
        await unit.GotoAsync(formUrl);
        await ActAsync(unit, "submit");

        // Approved by the 主管部门, then by finance: two stages.
        await dept.GotoAsync(formUrl);
        await ActAsync(dept, "approve");
        Assert.Contains("主管部门已审核", await dept.TextContentAsync(".form-status"));
        var finance = await browser.LoginAsync(baseAddress, financeUser, financePassword);
        await finance.GotoAsync(formUrl);
        await ActAsync(finance, "approve");
        Assert.Contains("审核通过", await finance.TextContentAsync(".form-status"));

        // The unit self-evaluates: indicators and 年初预算数 come from the declaration, the figures are computed.
        await unit.GotoAsync(formUrl);
        await unit.ClickAsync(".make-evaluation");
        await unit.WaitForURLAsync("**/edit");
        Assert.Equal("20.00", await unit.TextContentAsync("[data-name=initialBudget]"));   // 200,000.00 元 = 20.00 万元
        Assert.Null(await unit.QuerySelectorAsync("input[name=name-0]"));                 // the declaration's rows are not edited here
        Assert.Null(await unit.QuerySelectorAsync("#add-row"));
        await unit.FillAsync("input[name=adjustedBudget]", "20.00");
        await unit.FillAsync("input[name=executed]", "19.00");
        var actuals = new[] { "4(个)", "2400(人次)", "93(%)", "100(%)" };
        for (int i = 0; i < actuals.Length; i++) await unit.FillAsync($"input[name=actual-{i}]", actuals[i]);
        Assert.Null(await unit.QuerySelectorAsync("input[name=score-0]"));               // a quantitative score is computed, not typed
        await unit.WaitForSelectorAsync("td.working:has-text('实际 2400')");
        await unit.WaitForFunctionAsync("() => document.querySelector('[data-computed=totalScore]').textContent === '99.50'");
        Assert.Equal("95.00", await unit.TextContentAsync("[data-computed='funds.executionRate']"));   // 19 ÷ 20 = 95%
        Assert.Equal("9.50", await unit.TextContentAsync("[data-computed='funds.score']"));
        Assert.Equal("25.00", await unit.TextContentAsync("[data-computed='indicators.0.score']"));
        Assert.Equal("优", await unit.TextContentAsync("[data-computed=grade]"));
        // The unit holds the first row deserves less than the rules give, and says why: the override counts.
        await unit.CheckAsync("input[name=override-0]");
        await unit.FillAsync("input[name=override-score-0]", "20.00");
        await unit.FillAsync("textarea[name=override-reason-0]", "其中一个阵地的提升仅完成主体部分，按 80% 计。");
        await unit.WaitForFunctionAsync("() => document.querySelector('[data-computed=totalScore]').textContent === '94.50'");
        Assert.Equal("20.00", await unit.TextContentAsync("[data-computed='indicators.0.score']"));
        Assert.Contains("单位改为 20.00", await unit.TextContentAsync("#findings"));
        Assert.True(await unit.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1280);   // no sideways scrolling
        await Browser.ShotAsync(unit, "web-self-evaluation-editor");
        await unit.ClickAsync("#save");
        await unit.WaitForSelectorAsync("#save-state:has-text('已保存')");
        var evaluationUrl = unit.Url.Replace("/edit", "");
        await unit.GotoAsync(evaluationUrl);
        await ActAsync(unit, "submit");

        // The reviewers see the findings and the scorer's working; both stages approve; finance publishes.
        await dept.GotoAsync(evaluationUrl);
        var review = await dept.ContentAsync();
        Assert.Contains("审核发现", review);
        Assert.Contains("计分过程", review);
        Assert.Contains("由系统按评分方案计算", review);
        Assert.Contains("score-overridden", review);                   // the override, shown to the reviewer as a departure
        Assert.Contains("其中一个阵地的提升仅完成主体部分", review);
        await Browser.ShotAsync(dept, "web-review-page");
        await ActAsync(dept, "approve");
        await finance.GotoAsync(evaluationUrl);
        await ActAsync(finance, "approve");
        await ActAsync(finance, "publish");
        await Browser.ShotAsync(finance, "web-form-published");

        // Anyone reads it logged out and downloads its PDF.
        var anonymous = await (await browser.Instance.NewContextAsync()).NewPageAsync();
        await anonymous.GotoAsync(baseAddress + "/public");
        await anonymous.ClickAsync("a:has-text('社区党群阵地提升项目')");
        var published = await anonymous.ContentAsync();
        Assert.Contains("财政项目支出绩效自评表", published);
        // Figures keep the places they were typed with: 20.00, not 20.
        Assert.Contains(">20.00<", published);
        Assert.Contains(">9.50<", published);
        Assert.Contains(">94.50<", published);
        Assert.Contains(">25.00<", published);   // a weight the server suggested, never retyped
        await Browser.ShotAsync(anonymous, "web-public-form");
        var download = await anonymous.RunAndWaitForDownloadAsync(() => anonymous.ClickAsync("a:has-text('PDF')"));
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!)[..4]));
    }

    [Fact]
    public async Task An_upload_is_previewed_with_its_findings_and_saved_on_confirmation()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var page = await browser.LoginAsync(baseAddress, "admin", WebApp.AdminPassword);
        await page.GotoAsync(baseAddress + "/imports");

        await page.SetInputFilesAsync("input[type=file]", [TestData.CaseInput("corpus-012"), TestData.CaseInput("seed-004")]);
        await page.ClickAsync("#upload button[type=submit]");
        await page.WaitForSelectorAsync("#preview table");
        var preview = await page.TextContentAsync("#preview");
        await Browser.ShotAsync(page, "web-import-preview");
        await page.ClickAsync("#confirm");
        await page.WaitForSelectorAsync("#upload-state:has-text('导入完成')");
        var saved = await page.TextContentAsync("#preview");

        Assert.Contains("拆违经费", preview);
        Assert.Contains("待确认", preview);
        Assert.Contains("警告", preview);                      // 电教远教: met targets scored below full marks
        Assert.Contains("已保存", saved);                      // the Putuo form is new
        Assert.Contains("已存在", saved);                      // seed 004 is demo data already
    }
}

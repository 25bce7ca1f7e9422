using Jixiao.Core.Access;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>The 指标库 in a real browser: finance gathers it from the stored forms, searches it and opens an entry to curate.</summary>
[Collection("browser")]
public class LibraryBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task Finance_gathers_the_library_from_the_stored_forms_searches_it_and_opens_an_entry()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (financeUser, financePassword) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        var finance = await browser.LoginAsync(baseAddress, financeUser, financePassword);
        await finance.ClickAsync("header a:has-text('指标库')");
        await finance.ClickAsync("form[action='/indicator-library/seed'] button");
        await finance.FillAsync("form[action='/indicator-library'] input[name=q]", "长效管理机制健全性");
        await finance.ClickAsync("form[action='/indicator-library'] button");
        // seed-003 holds it in three declarations of one unit (the helper's hand-listed groups).
        var text = await finance.Locator("main").InnerTextAsync();
        Assert.Contains("长效管理机制健全性", text);
        await Browser.ShotAsync(finance, "web-indicator-library");
        await finance.ClickAsync("main table a:has-text('长效管理机制健全性')");
        await finance.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/indicator-library/\d+$"));
        Assert.Contains("待审定", await finance.Locator("main").InnerTextAsync());
        await Browser.ShotAsync(finance, "web-indicator-library-entry");
    }
}

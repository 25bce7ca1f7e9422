using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Jixiao.Core.Access;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 9, item 5 and 7, as a hostile or careless caller would try them: replayed cookies, password changes,
/// off-site return addresses, password guessing from one address while the owner logs in from another, bodies
/// of the wrong type or size, the live check without a login, and what an error looks like.
/// </summary>
[Collection("databases")]
public partial class SecurityTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>Logs in without a cookie jar and returns the session cookie as the browser would send it.</summary>
    static async Task<string> CookieAsync(HttpClient bare, string username, string password)
    {
        var r = await bare.PostAsJsonAsync("/api/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return SessionCookie(r);
    }

    static string SessionCookie(HttpResponseMessage r) =>
        r.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Last(v => v.StartsWith("jixiao=", StringComparison.Ordinal) && v.Length > "jixiao=".Length);

    static Task<HttpResponseMessage> WithCookie(HttpClient bare, HttpMethod method, string url, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return bare.SendAsync(request);
    }

    static HttpClient Bare(WebApp app) => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_cookie_replayed_after_logout_gets_401(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var bare = Bare(app);
        var id = await app.FormIdAsync("电教远教工作经费");
        var cookie = await CookieAsync(bare, "admin", WebApp.AdminPassword);

        var before = await WithCookie(bare, HttpMethod.Get, $"/api/forms/{id}/history", cookie);
        var logout = await WithCookie(bare, HttpMethod.Post, "/api/logout", cookie, Json("{}"));
        var replayed = await WithCookie(bare, HttpMethod.Get, $"/api/forms/{id}/history", cookie);
        var replayedDraft = await WithCookie(bare, HttpMethod.Get, $"/api/forms/{id}", cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replayedDraft.StatusCode);   // to the public, a draft does not exist
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_password_change_ends_every_session_of_the_account(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var bare = Bare(app);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var phone = await CookieAsync(bare, u, p);
        var desk = await CookieAsync(bare, u, p);
        var id = await app.FormIdAsync("电教远教工作经费");

        var wrongCurrent = await WithCookie(bare, HttpMethod.Post, "/api/account/password", desk, Json("{\"current\":\"not-it\",\"new\":\"新口令-2024-abcdef\"}"));
        var tooShort = await WithCookie(bare, HttpMethod.Post, "/api/account/password", desk, Json($"{{\"current\":\"{p}\",\"new\":\"短\"}}"));
        var changed = await WithCookie(bare, HttpMethod.Post, "/api/account/password", desk, Json($"{{\"current\":\"{p}\",\"new\":\"新口令-2024-abcdef\"}}"));
        var deskNow = SessionCookie(changed);

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Equal("current", (string?)(await WebApp.JsonAsync(wrongCurrent))["field"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(bare, HttpMethod.Get, $"/api/forms/{id}/history", phone)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(bare, HttpMethod.Get, $"/api/forms/{id}/history", desk)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(bare, HttpMethod.Get, $"/api/forms/{id}/history", deskNow)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.PostAsJsonAsync("/api/login", new { username = u, password = p })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bare.PostAsJsonAsync("/api/login", new { username = u, password = "新口令-2024-abcdef" })).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [Theory]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/forms/3", "/forms/3")]
    public async Task The_login_page_returns_only_to_a_path_of_this_site(string returnUrl, string expected)
    {
        using var app = await WebApp.StartAsync(databases, "sqlite");
        var client = await app.ClientAsync();
        var page = await (await client.GetAsync($"/login?returnUrl={returnUrl}")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value);

        var r = await client.PostAsync($"/login?returnUrl={returnUrl}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = "admin", ["password"] = WebApp.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(expected, r.Headers.Location!.ToString());
    }

    /// <summary>A client whose connections come from another loopback address, as a second machine would.</summary>
    static HttpClient From(string baseAddress, string localAddress) => new(new SocketsHttpHandler
    {
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = new Uri(baseAddress) };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Anonymous_failures_slow_the_guesser_but_cannot_lock_out_the_administrator(string kind)
    {
        var (app, address) = await WebApp.StartOnSocketAsync(databases, kind);
        using var _ = app;
        var guesser = From(address, "127.0.0.2");
        var owner = From(address, "127.0.0.1");

        var guesses = new List<HttpResponseMessage>();
        for (int i = 0; i < LoginThrottle.FreeFailures + 3; i++)
            guesses.Add(await guesser.PostAsJsonAsync("/api/login", new { username = "admin", password = "guess" + i }));
        var guesserWithTheRightPassword = await guesser.PostAsJsonAsync("/api/login", new { username = "admin", password = WebApp.AdminPassword });
        var ownerLogin = await owner.PostAsJsonAsync("/api/login", new { username = "admin", password = WebApp.AdminPassword });

        Assert.All(guesses.Take(LoginThrottle.FreeFailures), g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));
        Assert.All(guesses.Skip(LoginThrottle.FreeFailures), g => Assert.Equal(HttpStatusCode.TooManyRequests, g.StatusCode));
        Assert.True(guesses[^1].Headers.RetryAfter is not null);
        Assert.Contains("秒后再试", (string?)(await WebApp.JsonAsync(guesses[^1]))["error"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, guesserWithTheRightPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerLogin.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Known_and_unknown_user_names_get_the_same_answers_in_about_the_same_time(string kind)
    {
        var (app, address) = await WebApp.StartOnSocketAsync(databases, kind);
        using var _ = app;
        async Task<(List<string> Answers, double MedianMs)> Try(string from, string username)
        {
            var c = From(address, from);
            var answers = new List<string>();
            var times = new List<double>();
            for (int i = 0; i < LoginThrottle.FreeFailures + 2; i++)
            {
                var sw = Stopwatch.StartNew();
                var r = await c.PostAsJsonAsync("/api/login", new { username, password = "wrong-" + i });
                sw.Stop();
                if (i < LoginThrottle.FreeFailures) times.Add(sw.Elapsed.TotalMilliseconds);
                answers.Add($"{(int)r.StatusCode} {(string?)(await WebApp.JsonAsync(r))["error"]}".Split('请')[0]);
            }
            times.Sort();
            return (answers, times[times.Count / 2]);
        }

        var known = await Try("127.0.0.3", "admin");
        var unknown = await Try("127.0.0.4", "no-such-person");

        Assert.Equal(known.Answers, unknown.Answers);
        // Both pay one PBKDF2 (about 100 ms here); without the dummy check an unknown name would answer in a
        // millisecond. A loose bound: the point is the order of magnitude, not a benchmark.
        Assert.InRange(unknown.MedianMs / known.MedianMs, 1 / 3.0, 3.0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_json_api_answers_415_to_anything_but_json(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("生活驿站运行经费");

        var answers = new[]
        {
            await admin.PostAsync("/api/forms", new StringContent("{}", Encoding.UTF8, "text/plain")),
            await admin.PostAsync($"/api/forms/{id}/transitions", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "submit", ["version"] = "1" })),
            await admin.PostAsync($"/api/forms/{id}/adjust", null),
            await admin.PutAsync($"/api/forms/{id}?version=1", new StringContent("{}", Encoding.UTF8, "application/x-www-form-urlencoded")),
            await admin.PostAsync("/api/users", new StringContent("username=x", Encoding.UTF8, "multipart/form-data")),
        };

        foreach (var r in answers)
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode);
            Assert.Contains("application/json", (string?)(await WebApp.JsonAsync(r))["error"]);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Wrong_types_unknown_fields_and_broken_bodies_are_400s_naming_the_field_and_change_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("生活驿站运行经费");
        var db = app.Service<FormStore>().Database;
        async Task<string> Raw()
        {
            await using var c = await db.ConnectAsync();
            return await c.ExecuteScalarAsync<string>($"SELECT {db.JsonText("document")} || '|' || CAST(version AS TEXT) FROM forms WHERE id = @id", new { id }) ?? "";
        }
        var before = await Raw();
        var good = (await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}"))).AsObject();
        string With(Action<JsonObject> change) { var copy = good.DeepClone().AsObject(); change(copy); return copy.ToJsonString(); }

        var cases = new (string Body, string Field, string Says)[]
        {
            (With(f => f["indicators"] = "none"), "indicators", "数组"),
            (With(f => f["indicators"] = null), "indicators", "指标"),
            (With(f => f["funds"] = "x"), "funds", "对象"),
            (With(f => f["goals"] = 5), "goals", "对象"),
            (With(f => f["year"] = "明年"), "year", "数字"),
            (With(f => f["indicators"]![0]!["weight"] = true), "indicators[0].weight", "数字"),
            (With(f => f["projectNmae"] = "拼错"), "projectNmae", "没有字段"),
            (With(f => f.Remove("kind")), "kind", "缺少"),
            (With(f => f["funds"]!["rows"] = new JsonArray()), "funds.rows", "申报表没有字段"),
            (With(f => f["funds"]!["annualTotal"] = "-5"), "funds.annualTotal", "负数"),
            (With(f => f["funds"]!["annualTotal"] = "10000000000000"), "funds.annualTotal", "10¹³"),
            (With(f => f["funds"]!["annualTotal"] = "1.005"), "funds.annualTotal", "两位小数"),
            (With(f => f["indicators"]![0]!["level1"] = "杂项指标"), "indicators[0].level1", "指标体系"),
            (With(f => f["indicators"]![1]!["level2"] = "社会效益指标"), "indicators[1].level2", "不属于"),
            ("{\"kind\": \"target-declaration\", ", "$", "不是有效的 JSON"),
            ("[1, 2]", "$", "对象"),
        };
        foreach (var (body, field, says) in cases)
        {
            var r = await admin.PutAsync($"/api/forms/{id}?version=1", Json(body));
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            var answer = await WebApp.JsonAsync(r);
            var problems = answer["problems"]?.AsArray().Select(p => ((string?)p!["field"], (string?)p["message"])).ToList()
                           ?? [((string?)answer["field"], (string?)answer["error"])];
            Assert.Contains(problems, p => p.Item1 == field && (p.Item2 ?? "").Contains(says));
            Assert.DoesNotMatch("[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}", (string?)answer["error"] ?? "");  // no English sentence from .NET
        }
        var tooLarge = await admin.PutAsync($"/api/forms/{id}?version=1", Json("{\"kind\":\"target-declaration\",\"projectName\":\"" + new string('项', 1_200_000) + "\"}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("上限", (string?)(await WebApp.JsonAsync(tooLarge))["error"]);
        Assert.Equal(before, await Raw());
        // What GET answers goes back through PUT as it is.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/forms/{id}?version=1", Json(good.ToJsonString()))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_live_check_needs_a_login_and_is_rate_limited(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var anyone = await app.ClientAsync();
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var form = (await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{await app.FormIdAsync("生活驿站运行经费")}"))).ToJsonString();

        var anonymous = await anyone.PostAsync("/api/check", Json(form));
        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 80; i++) answers.Add((await admin.PostAsync("/api/check", Json(form))).StatusCode);
        var limited = await admin.PostAsync("/api/check", Json(form));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.All(answers.Take(50), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("过于频繁", (string?)(await WebApp.JsonAsync(limited))["error"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_server_error_shows_a_chinese_page_with_a_request_id_and_no_stack_trace(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("生活驿站运行经费");
        var db = app.Service<FormStore>().Database;
        await using (var c = await db.ConnectAsync()) await c.ExecuteAsync("DROP TABLE audit_log");

        var api = await admin.GetAsync($"/api/forms/{id}/history");
        var page = await admin.GetAsync($"/forms/{id}");
        var unknownApi = await admin.GetAsync("/api/no-such-thing");
        var unknownPage = await admin.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        var body = await WebApp.JsonAsync(api);
        Assert.Contains("服务器内部错误", (string?)body["error"]);
        Assert.False(string.IsNullOrEmpty((string?)body["requestId"]));
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("请求编号", html);
        foreach (var text in new[] { await api.Content.ReadAsStringAsync(), html })
        {
            Assert.DoesNotContain("Exception", text);
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain("audit_log", text);
        }
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Contains("没有这个", (string?)(await WebApp.JsonAsync(unknownApi))["error"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Contains("没有这个页面", await unknownPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_main_job_runs_in_production_on_the_address_the_environment_gives()
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), $"jixiao-main-{Guid.NewGuid():N}");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jixiao.Web.dll"));
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        psi.Environment["Jixiao__DataDirectory"] = data;
        psi.Environment["Jixiao__AdminPassword"] = "main-job-管理员-2024";
        using var p = Process.Start(psi)!;
        var output = new StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage? health = null;
            for (var until = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < until && health is null; await Task.Delay(250))
                try { health = await http.GetAsync("/health"); } catch (HttpRequestException) { }
            Assert.NotNull(health);
            Assert.Equal(HttpStatusCode.OK, health!.StatusCode);
            var missing = await http.GetAsync("/no-such-page");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("没有这个页面", await missing.Content.ReadAsStringAsync());
            lock (output) Assert.Contains("Production", output.ToString());
        }
        finally
        {
            p.Kill(true);
            p.WaitForExit(10_000);
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

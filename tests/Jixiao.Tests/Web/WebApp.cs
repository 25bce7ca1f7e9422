using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Storage;
using Jixiao.Core.Access;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jixiao.Tests.Web;

/// <summary>The web application on a fresh database of the given kind, with the seed forms as demo data.</summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "管理员-Test-2024";
    private readonly string _connection;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"jixiao-web-{Guid.NewGuid():N}");

    private readonly string? _profiles;
    private bool _demoWorkflow;

    /// <summary>The app as `run.sh` starts it: the demo forms in every status, windows and an account per role.</summary>
    public static async Task<WebApp> StartWithDemoAsync(TestDatabases databases, string kind)
    {
        var db = await databases.FreshAsync(kind);
        var app = new WebApp(db.ConnectionString) { _demoWorkflow = true };
        _ = app.Server;
        return app;
    }

    private WebApp(string connection, string? profiles = null)
    {
        _connection = connection;
        _profiles = profiles;
    }

    /// <summary>The app with its own profiles folder (a region whose rules differ: one approval stage, say).</summary>
    public static async Task<WebApp> StartAsync(TestDatabases databases, string kind, string profilesDirectory)
    {
        var db = await databases.FreshAsync(kind);
        var app = new WebApp(db.ConnectionString, profilesDirectory);
        _ = app.Server;
        return app;
    }

    /// <summary>On a real socket (Kestrel, a free port on 127.0.0.1), for a browser. Returns the base address.</summary>
    public static async Task<(WebApp App, string BaseAddress)> StartOnSocketAsync(TestDatabases databases, string kind)
    {
        var db = await databases.FreshAsync(kind);
        var app = new WebApp(db.ConnectionString);
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return (app, addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    public static async Task<WebApp> StartAsync(TestDatabases databases, string kind)
    {
        var db = await databases.FreshAsync(kind);
        var app = new WebApp(db.ConnectionString);
        _ = app.Server; // start now: migrations, admin, demo data
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Database", _connection);
        builder.UseSetting("Jixiao:DataDirectory", _dataDir);
        builder.UseSetting("Jixiao:AdminPassword", AdminPassword);
        builder.UseSetting("Jixiao:LoadDemoData", "true");
        // The seed forms as drafts: tests move them through the workflow themselves (DemoTests checks the demo's own).
        builder.UseSetting("Jixiao:DemoWorkflow", _demoWorkflow ? "true" : "false");
        builder.UseSetting("Jixiao:DemoPassword", "演示-Demo-2024");
        if (_profiles is not null) builder.UseSetting("Jixiao:ProfilesDirectory", _profiles);
    }

    /// <summary>What people get: the Production environment, its error pages and all (the factory's default is Development).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        return base.CreateHost(builder);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client with its own cookie jar, logged in when credentials are given.</summary>
    public async Task<HttpClient> ClientAsync(string? username = null, string? password = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (username is not null)
        {
            var r = await client.PostAsJsonAsync("/api/login", new { username, password });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        return client;
    }

    /// <summary>A person of a role at the organisation a seed form names (unit or its 主管部门).</summary>
    public async Task<(string Username, string Password)> UserAsync(Role role, string? organisationName)
    {
        var orgs = await Service<OrganisationStore>().AllAsync();
        long? org = organisationName is null ? null : orgs.Single(o => o.Name == organisationName).Id;
        var username = $"{role.ToCode()}-{Guid.NewGuid():N}"[..24];
        await Service<AccountStore>().CreateAsync(username, "口令-" + username, role, org);
        return (username, "口令-" + username);
    }

    public async Task<long> FormIdAsync(string projectName)
    {
        var list = await Service<FormStore>().ListAsync(new FormFilter(Limit: 1000));
        return list.Single(f => f.ProjectName == projectName).Id;
    }

    public async Task SetStatusAsync(long id, FormStatus status)
    {
        var store = Service<FormStore>();
        var form = await store.GetAsync(id);
        await store.ChangeStatusAsync(id, form!.Version, status, "test", null);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    /// <summary>A transition through the API, with the version the person sees; warnings acknowledged when given a reason.</summary>
    public static async Task<HttpResponseMessage> TransitionAsync(HttpClient c, long id, string action, string? reason = null, string? acknowledgement = null)
    {
        var current = await c.GetAsync($"/api/forms/{id}");
        var version = current.IsSuccessStatusCode ? (int)(await JsonAsync(current))["version"]! : 1;
        return await c.PostAsJsonAsync($"/api/forms/{id}/transitions", new { action, version, reason, acknowledgement });
    }

    /// <summary>Submits with the warnings acknowledged, then approves at every stage and publishes, as the people of each stage would.</summary>
    public async Task<long> ThroughAsync(long id, FormStatus until, HttpClient unit, HttpClient department, HttpClient finance)
    {
        async Task Step(HttpClient c, string action, string? ack = null)
        {
            var r = await TransitionAsync(c, id, action, acknowledgement: ack);
            Assert.True(r.IsSuccessStatusCode, $"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
        await Step(unit, "submit", "已逐条核对，警告所述情况属实，按原样提交。");
        if (until == FormStatus.Submitted) return id;
        await Step(department, "approve");
        if (until == FormStatus.DepartmentApproved) return id;
        await Step(finance, "approve");
        if (until == FormStatus.Approved) return id;
        await Step(finance, "publish");
        return id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_dataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

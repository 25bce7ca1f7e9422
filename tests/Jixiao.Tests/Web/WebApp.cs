using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Web;

/// <summary>The web application on a fresh database of the given kind, with the seed forms as demo data.</summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "管理员-Test-2024";
    private readonly string _connection;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"jixiao-web-{Guid.NewGuid():N}");

    private WebApp(string connection) => _connection = connection;

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
    public async Task<(string Username, string Password)> UserAsync(string role, string? organisationName)
    {
        var orgs = await Service<OrganisationStore>().AllAsync();
        long? org = organisationName is null ? null : orgs.Single(o => o.Name == organisationName).Id;
        var username = $"{role}-{Guid.NewGuid():N}"[..24];
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_dataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

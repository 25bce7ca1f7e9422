using Jixiao.Storage;

namespace Jixiao.Web.Features.Shared;

/// <summary>What is not a feature of its own: health and the pages' scripts.</summary>
public static class SiteEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health", (Database db) => Api.Json(new Health("ok", db.Kind == DatabaseKind.Sqlite ? "sqlite" : "postgresql")))
            .WithSummary("运行状态").Produces<Health>();
        // Scripts are embedded in the assembly: served however the app is started.
        app.MapGet("/js/{name}", (string name) =>
        {
            var stream = typeof(SiteEndpoints).Assembly.GetManifestResourceStream("js/" + name);
            return stream is null ? Results.NotFound() : Results.Stream(stream, "text/javascript; charset=utf-8");
        });
    }
}

/// <summary>What `/health` answers.</summary>
public sealed record Health(string Status, string Database);

using Jixiao.Web;

// The host: configuration in, the composed app out (JixiaoApp); nothing else is decided here.
var builder = WebApplication.CreateBuilder(args).AddJixiao();
var app = await builder.Build().UseJixiaoAsync();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

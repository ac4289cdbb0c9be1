using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clients.Regen.Tests;

/// <summary>A loopback Kestrel server on 127.0.0.1:0 serving <c>/v1/{name}.json</c> as the current <see cref="Mode"/> says.</summary>
internal sealed class SpecServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SpecServer(WebApplication app) => _app = app;

    public Func<HttpContext, Task> Mode { get; set; } = context => Results.NotFound().ExecuteAsync(context);

    public string BaseUrl => _app.Urls.First();

    public static async Task<SpecServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SpecServer(app);
        app.MapGet("/v1/{**name}", context => server.Mode(context));
        app.MapGet("/swagger/v1/swagger.json", context => server.Mode(context));
        app.MapPost("/connect/token", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            var ok = form["grant_type"] == "client_credentials" && form["client_id"] == "regen" && form["client_secret"] == "s3cret";
            await (ok
                ? Results.Json(new { access_token = "token-123", expires_in = 3600, token_type = "Bearer" })
                : Results.Json(new { error = "invalid_client" }, statusCode: 400)).ExecuteAsync(context);
        });
        await app.StartAsync();
        return server;
    }

    public static Func<HttpContext, Task> Serve(byte[] content, string mediaType = "application/json", int status = 200) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

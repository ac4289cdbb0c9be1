using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.Sandbox.Hosting;

/// <summary>An in-process Kestrel server on 127.0.0.1 with an ephemeral port: what every emulator runs on.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's base URI, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server whose routes are added by <paramref name="mapRoutes"/>.</summary>
    /// <param name="mapRoutes">Adds the emulator's endpoints.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    public static Task<SandboxHost> StartAsync(Action<WebApplication> mapRoutes, CancellationToken cancellationToken = default) =>
        StartAsync(mapRoutes, port: 0, cancellationToken);

    /// <summary>Starts a server on <c>127.0.0.1:<paramref name="port"/></c> whose routes are added by <paramref name="mapRoutes"/>.</summary>
    /// <param name="mapRoutes">Adds the emulator's endpoints.</param>
    /// <param name="port">The loopback port; 0 for a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    public static async Task<SandboxHost> StartAsync(Action<WebApplication> mapRoutes, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRoutes);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.AddServerHeader = false;
        });
        var app = builder.Build();
        mapRoutes(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

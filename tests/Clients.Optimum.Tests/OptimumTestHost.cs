using Clients.Core;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clients.Optimum.Tests;

/// <summary>A service provider wired like a consumer's, against a running Optimum sandbox.</summary>
internal sealed class OptimumTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private OptimumTestHost(ServiceProvider provider, FakeLogCollector logs, ClientProviderBuilder builder)
    {
        _provider = provider;
        Logs = logs;
        Builder = builder;
    }

    public FakeLogCollector Logs { get; }

    public ClientProviderBuilder Builder { get; }

    public IServiceProvider Services => _provider;

    public static OptimumTestHost Create(
        OptimumSandbox sandbox,
        TimeProvider? time = null,
        Action<Dictionary<string, string?>>? settings = null,
        Action<ClientProviderBuilder>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Optimum:ApiBaseUrl"] = sandbox.BaseUri.ToString(),
            ["Optimum:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Optimum:ClientId"] = sandbox.ClientId,
            ["Optimum:ClientSecret"] = sandbox.ClientSecret,
            ["Optimum:TokenRequestRetryDelay"] = "00:00:00",
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddOptimumClients(configuration.GetSection("Optimum"));
        builder.AddClient<ITestEchoApi>();
        configure?.Invoke(builder);
        return new OptimumTestHost(services.BuildServiceProvider(validateScopes: true), logs, builder);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => r.ToString() + " " + r.Exception));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

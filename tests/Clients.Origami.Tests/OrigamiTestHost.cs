using Clients.Core;
using Clients.Sandbox.Origami;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clients.Origami.Tests;

/// <summary>A service provider wired like a consumer's, against a running Origami sandbox.</summary>
internal sealed class OrigamiTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private OrigamiTestHost(ServiceProvider provider, FakeLogCollector logs)
    {
        _provider = provider;
        Logs = logs;
    }

    public FakeLogCollector Logs { get; }

    public static OrigamiTestHost Create(
        OrigamiSandbox sandbox,
        TimeProvider? time = null,
        Action<Dictionary<string, string?>>? settings = null,
        Action<ClientProviderBuilder>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Origami:ApiUrl"] = sandbox.BaseUri.ToString(),
            ["Origami:ClientId"] = sandbox.ClientId,
            ["Origami:ClientSecret"] = sandbox.ClientSecret,
            ["Origami:UserName"] = sandbox.UserName,
            ["Origami:Password"] = sandbox.Password,
            ["Origami:TokenRequestRetryDelay"] = "00:00:00",
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

        var builder = services.AddOrigamiClients(configuration.GetSection("Origami"));
        builder.AddClient<ITestContextApi>();
        configure?.Invoke(builder);
        return new OrigamiTestHost(services.BuildServiceProvider(validateScopes: true), logs);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => r.ToString() + " " + r.Exception));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

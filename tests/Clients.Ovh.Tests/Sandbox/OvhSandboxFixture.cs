using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>
/// One emulator (default application and customer, all universes) shared by a test class. Its clock is
/// frozen at <see cref="Now"/>, so timestamp checks at the tolerance's edge are deterministic.
/// </summary>
public sealed class OvhSandboxFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

    private OvhSandbox? sandbox;

    public OvhSandbox Sandbox => sandbox ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    internal OvhTestSigner Signer => new(Http, Sandbox.ApplicationKey, Sandbox.ApplicationSecret);

    public string Base => Sandbox.BaseUri.ToString().TrimEnd('/');

    public string Key(params string[] rules) =>
        Sandbox.CreateConsumerKey(rules.Select(static r => r.Split(' ', 2)).Select(static p => new OvhSandboxAccessRule(p[0], p[1])));

    public async Task InitializeAsync() => sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions { TimeProvider = new FakeTimeProvider(Now) });

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }
}

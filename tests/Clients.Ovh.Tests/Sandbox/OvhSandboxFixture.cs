using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>One emulator (default application and customer, all universes) shared by a test class.</summary>
public sealed class OvhSandboxFixture : IAsyncLifetime
{
    private OvhSandbox? sandbox;

    public OvhSandbox Sandbox => sandbox ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    internal OvhTestSigner Signer => new(Http, Sandbox.ApplicationKey, Sandbox.ApplicationSecret);

    public string Base => Sandbox.BaseUri.ToString().TrimEnd('/');

    public string Key(params string[] rules) =>
        Sandbox.CreateConsumerKey(rules.Select(static r => r.Split(' ', 2)).Select(static p => new OvhSandboxAccessRule(p[0], p[1])));

    public async Task InitializeAsync() => sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }
}

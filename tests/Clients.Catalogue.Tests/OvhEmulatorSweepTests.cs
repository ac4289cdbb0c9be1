using Clients.Ovh.Tests.Sandbox;
using Clients.Sandbox.Ovh;

namespace Clients.Catalogue.Tests;

/// <summary>
/// The OVH emulator serving every universe of the spec source: each GET answers JSON that fits its schema (the default
/// tests do the same for the committed universes only).
/// </summary>
public sealed class OvhEmulatorSweepTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private OvhSandbox? ovh;

    public static TheoryData<string> Universes => SpecMirror.OvhKeys();

    public async Task InitializeAsync() => ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = SpecMirror.OvhDirectory });

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (ovh is not null)
        {
            await ovh.DisposeAsync();
        }
    }

    [Fact]
    public void The_mirror_has_22_universes() => Universes.Should().HaveCount(22);

    [Theory]
    [MemberData(nameof(Universes))]
    public async Task EveryGet_AnswersJsonThatFitsItsSchema(string key)
    {
        var sandbox = ovh!;
        var consumerKey = sandbox.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/*")]);
        var signer = new OvhTestSigner(http, sandbox.ApplicationKey, sandbox.ApplicationSecret);
        var version = key[..2];
        var universe = key[2..];

        var (checkedOperations, errors) = await OvhGetSweep.RunAsync(sandbox, signer, consumerKey, version, universe, await File.ReadAllBytesAsync(Path.Combine(SpecMirror.OvhDirectory, key + ".json")));

        checkedOperations.Should().BeGreaterThan(0);
        errors.Should().BeEmpty();
    }
}

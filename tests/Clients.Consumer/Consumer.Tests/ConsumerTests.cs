using System.Diagnostics;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Sandbox.Ovh;
using Clients.Sandbox.Specs;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Consumer.Tests;

/// <summary>
/// A consumer's own tests against the emulators of the Clients.Sandbox package: registration from configuration,
/// one authenticated call per provider, the interface this project generated (v1/sms), and the published app.
/// </summary>
public sealed class ConsumerTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task AddOptimumClients_from_configuration_calls_the_emulator_with_a_client_credentials_token()
    {
        await using var optimum = await OptimumSandbox.StartAsync();
        using var services = ConsumerClients.Create(Configuration(Optimum(optimum)));

        var line = await ConsumerClients.OptimumAsync(services, Timeout);

        Assert.StartsWith("optimum: ", line);
        Assert.Equal(1, optimum.TokenRequests);
        Assert.Equal(1, optimum.ApiCalls);
        Assert.StartsWith("Bearer opt_", optimum.LastAuthorization);
    }

    [Fact]
    public async Task AddOvhClients_from_configuration_signs_the_call_to_the_emulator()
    {
        await using var ovh = await OvhSandbox.StartAsync();
        var consumerKey = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        using var services = ConsumerClients.Create(Configuration(Ovh(ovh, consumerKey)));

        var line = await ConsumerClients.OvhAsync(services, Timeout);

        Assert.Equal($"ovh: me {ovh.DefaultCustomer.Nichandle}", line);
        Assert.Equal(consumerKey, ovh.LastRequestHeaders["X-Ovh-Consumer"]);
        Assert.Matches("^\\$1\\$[0-9a-f]{40}$", ovh.LastRequestHeaders["X-Ovh-Signature"]);
    }

    [Fact]
    public async Task AddOrigamiClients_from_configuration_calls_the_emulator_with_a_password_grant_token_and_context()
    {
        await using var origami = await OrigamiSandbox.StartAsync();
        using var services = ConsumerClients.Create(Configuration(Origami(origami)));

        var line = await ConsumerClients.OrigamiAsync(services, Timeout);

        Assert.StartsWith("origami: me ", line);
        Assert.Equal(1, origami.PasswordGrants);
        Assert.Equal(1, origami.ApiCalls);
        Assert.NotNull(origami.LastContext);
    }

    [Fact]
    public async Task The_generated_sms_interface_is_registered_by_AddOvhClients_and_called_with_a_key_granted_its_own_rules()
    {
        // The emulator serves the document RegenClients pulled into this project's specs/ovh.
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = SpecsOvh() });
        var rules = ConsumerClients.SmsRules();
        Assert.Contains(rules, r => r is { Method: "GET", Path: "/sms" });
        Assert.Contains(rules, r => r is { Method: "GET", Path: "/sms/*" });
        Assert.All(rules, r => Assert.StartsWith("/sms", r.Path));
        var consumerKey = ovh.CreateConsumerKey(rules.Select(r => new OvhSandboxAccessRule(r.Method, r.Path)));
        using var services = ConsumerClients.Create(Configuration(Ovh(ovh, consumerKey)));

        var line = await ConsumerClients.OvhSmsAsync(services, Timeout);

        Assert.StartsWith("ovh sms: 2 accounts, ", line);
        Assert.Equal(1, ovh.GetRequestCount("/1.0/sms"));

        // The same key cannot read /me: the rules were the SMS interface's and nothing more.
        var refused = await Assert.ThrowsAsync<Clients.Ovh.OvhApiException>(() => ConsumerClients.OvhAsync(services, Timeout));
        Assert.True(refused.IsNotGranted);
    }

    [Fact]
    public async Task The_fourth_provider_generated_from_the_projects_own_document_calls_the_document_emulator_with_a_client_credentials_token()
    {
        // The document-driven emulator serves the document RegenClients pinned, with an OAuth2 token endpoint.
        await using var api = await LufthansaEmulatorAsync();
        using var services = ConsumerClients.Create(Configuration(Lufthansa(api)));

        var line = await ConsumerClients.LufthansaAsync(services, Timeout);

        Assert.StartsWith("lufthansa: seat details ", line);
        var calls = api.Emulator.Calls.Where(c => !c.Target.Contains("/oauth/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(200, c.Status));
        Assert.Empty(api.Emulator.Rejected);
    }

    [Fact]
    public async Task The_fourth_provider_is_refused_without_valid_client_credentials()
    {
        await using var api = await LufthansaEmulatorAsync();
        using var services = ConsumerClients.Create(Configuration(Lufthansa(api, secret: "wrong-secret")));

        await Assert.ThrowsAnyAsync<Exception>(() => ConsumerClients.LufthansaAsync(services, Timeout));
        Assert.DoesNotContain(api.Emulator.Calls, c => c.Status == 200 && !c.Target.Contains("/oauth/", StringComparison.Ordinal));
    }

    [Fact]
    public Task The_trimmed_published_app_makes_authenticated_calls() => RunPublishedAsync("CONSUMER_TRIMMED_APP");

    [Fact]
    public Task The_native_aot_published_app_makes_authenticated_calls() => RunPublishedAsync("CONSUMER_AOT_APP");

    private static async Task RunPublishedAsync(string variable)
    {
        var app = Environment.GetEnvironmentVariable(variable);
        Assert.False(string.IsNullOrEmpty(app), $"{variable} must name the published Consumer.App (set by .ci/steps/packages.sh).");
        Assert.True(File.Exists(app), $"{variable}: {app} does not exist");

        // The three providers' packaged interfaces (contracts from the packages' generated JSON contexts).
        await using var optimum = await OptimumSandbox.StartAsync();
        await using var origami = await OrigamiSandbox.StartAsync();
        await using var ovh = await OvhSandbox.StartAsync();
        var consumerKey = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        var lines = await RunAsync(app!, ["optimum", "ovh", "origami"], Optimum(optimum).Concat(Ovh(ovh, consumerKey)).Concat(Origami(origami)).Concat(Lufthansa(null)));

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("optimum: ", lines[0]);
        Assert.Equal($"ovh: me {ovh.DefaultCustomer.Nichandle}", lines[1]);
        Assert.StartsWith("origami: me ", lines[2]);
        Assert.Equal(1, optimum.TokenRequests);
        Assert.Equal(1, optimum.ApiCalls);
        Assert.StartsWith("Bearer opt_", optimum.LastAuthorization);
        Assert.Equal(1, origami.PasswordGrants);
        Assert.Equal(1, origami.ApiCalls);
        Assert.NotNull(origami.LastContext);
        Assert.Equal(consumerKey, ovh.LastRequestHeaders["X-Ovh-Consumer"]);
        Assert.Matches("^\\$1\\$[0-9a-f]{40}$", ovh.LastRequestHeaders["X-Ovh-Signature"]);

        // The interface this project generated itself (contracts from this project's own generated JSON context, which
        // its module initializer registers: no reflection in the published app).
        await using var sms = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = SpecsOvh() });
        var smsKey = sms.CreateConsumerKey(ConsumerClients.SmsRules().Select(r => new OvhSandboxAccessRule(r.Method, r.Path)));
        var smsLines = await RunAsync(app!, ["sms"], Optimum(null).Concat(Ovh(sms, smsKey)).Concat(Origami(null)).Concat(Lufthansa(null)));

        Assert.Single(smsLines);
        Assert.StartsWith("ovh sms: 2 accounts, ", smsLines[0]);
        Assert.Equal(smsKey, sms.LastRequestHeaders["X-Ovh-Consumer"]);
        Assert.Equal(1, sms.GetRequestCount("/1.0/sms"));

        // The fourth provider this project generated from its own document, through the document-driven emulator.
        await using var lufthansa = await LufthansaEmulatorAsync();
        var lufthansaLines = await RunAsync(app!, ["lufthansa"], Optimum(null).Concat(Ovh(null, null)).Concat(Origami(null)).Concat(Lufthansa(lufthansa)));

        Assert.Single(lufthansaLines);
        Assert.StartsWith("lufthansa: seat details ", lufthansaLines[0]);
        Assert.Empty(lufthansa.Emulator.Rejected);
    }

    // Runs the published app with the settings as environment variables; its output lines, after asserting exit code 0.
    private static async Task<string[]> RunAsync(string app, string[] calls, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var start = new ProcessStartInfo(app, calls) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(Timeout);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(Path.GetDirectoryName(app))}/{Path.GetFileName(app)} {string.Join(' ', calls)}: exit {process.ExitCode}: {await output}{await error}");
        var text = await output;
        if (Environment.GetEnvironmentVariable("CONSUMER_PUBLISHED_LOG") is { Length: > 0 } log)
        {
            // .ci/steps/packages.sh prints what the published apps answered
            File.AppendAllText(log, $"$ {Path.GetFileName(Path.GetDirectoryName(app))}/{Path.GetFileName(app)} {string.Join(' ', calls)}\n{text}");
        }

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string SpecsOvh()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Consumer.App", "specs", "ovh");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Consumer.App/specs/ovh not found: run `dotnet build Consumer.App -t:RegenClients` first.");
    }

    private const string LufthansaClientId = "consumer-app";
    private const string LufthansaClientSecret = "consumer-secret";

    private static Task<SpecSandbox> LufthansaEmulatorAsync() =>
        SpecSandbox.StartAsync(File.ReadAllBytes(Path.Combine(ConsumerAppFolder(), "specs", "lufthansa", "partner.json")), new SpecSandboxOptions
        {
            ClientId = LufthansaClientId,
            ClientSecret = LufthansaClientSecret,
        });

    private static string ConsumerAppFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Consumer.App");
            if (Directory.Exists(Path.Combine(candidate, "specs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Consumer.App/specs not found: run `dotnet build Consumer.App -t:RegenClients` first.");
    }

    private static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings
                .Concat(Optimum(null))
                .Concat(Origami(null))
                .Concat(Ovh(null, null))
                .Concat(Lufthansa(null))
                .GroupBy(s => s.Key).Select(g => g.First()))
            .Build();

    // A provider not under test still needs valid settings (options are validated when the container is built).
    private static IEnumerable<KeyValuePair<string, string?>> Optimum(OptimumSandbox? sandbox) =>
    [
        new("Optimum:ApiBaseUrl", sandbox?.BaseUri.AbsoluteUri ?? "http://127.0.0.1:9/"),
        new("Optimum:TokenUrl", sandbox?.TokenUrl.AbsoluteUri ?? "http://127.0.0.1:9/connect/token"),
        new("Optimum:ClientId", sandbox?.ClientId ?? "unused"),
        new("Optimum:ClientSecret", sandbox?.ClientSecret ?? "unused"),
    ];

    private static IEnumerable<KeyValuePair<string, string?>> Origami(OrigamiSandbox? sandbox) =>
    [
        new("Origami:ApiUrl", sandbox?.BaseUri.AbsoluteUri ?? "http://127.0.0.1:9/"),
        new("Origami:ClientId", sandbox?.ClientId ?? "unused"),
        new("Origami:ClientSecret", sandbox?.ClientSecret ?? "unused"),
        new("Origami:UserName", sandbox?.UserName ?? "unused"),
        new("Origami:Password", sandbox?.Password ?? "unused"),
    ];

    private static IEnumerable<KeyValuePair<string, string?>> Lufthansa(SpecSandbox? sandbox, string secret = LufthansaClientSecret) =>
    [
        new("Lufthansa:BaseUrl", sandbox?.BaseAddress.AbsoluteUri ?? "http://127.0.0.1:9/v1/"),
        new("Lufthansa:TokenUrl", sandbox?.TokenUrl?.AbsoluteUri ?? "http://127.0.0.1:9/oauth/token"),
        new("Lufthansa:ClientId", LufthansaClientId),
        new("Lufthansa:ClientSecret", secret),
    ];

    private static IEnumerable<KeyValuePair<string, string?>> Ovh(OvhSandbox? sandbox, string? consumerKey) =>
    [
        new("Ovh:BaseUrl", sandbox?.BaseUri.AbsoluteUri ?? "http://127.0.0.1:9/1.0"),
        new("Ovh:ApplicationKey", sandbox?.ApplicationKey ?? "unused"),
        new("Ovh:ApplicationSecret", sandbox?.ApplicationSecret ?? "unused"),
        new("Ovh:ConsumerKey", consumerKey ?? "unused"),
    ];
}

using System.Collections.Concurrent;
using System.Net;
using Clients.Core;
using Clients.Core.OAuth2;
using Clients.Optimum;
using Clients.Origami;
using Clients.Ovh;
using Clients.Sandbox;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using Refit;

namespace Clients.Generator.Tests.Hygiene;

/// <summary>
/// Issue 20: no exception the three providers' clients throw, and nothing their loggers receive, exposes a secret or an
/// issued token. Every kind of failure is provoked against the sandboxes (typed errors and deserialization errors on the
/// generated implementations and on Refit's stub, an HTML page, resets, bodies dropped and stalled, attempt timeouts,
/// the caller's cancellation, refused token requests, OVH's refused timestamp and its re-signed copy); each exception is
/// written out as a structured logger would (every public property, recursively, and <c>ToString()</c>) and searched for
/// every configured secret and every secret header value and token seen on the wire.
/// </summary>
public sealed class ExceptionHygieneTests
{
    private const string WrongOptimumSecret = "wrong-optimum-secret-5c1d";
    private const string WrongOrigamiPassword = "wrong-origami-password-77e2";

    [Fact]
    public async Task No_exception_of_any_provider_nor_any_log_entry_exposes_a_secret_or_a_token()
    {
        await using var optimum = await OptimumSandbox.StartAsync();
        await using var origami = await OrigamiSandbox.StartAsync();
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { Universes = ["/me"] });
        var consumerKey = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/*")]);
        var secrets = new ConcurrentBag<string>
        {
            optimum.ClientSecret, WrongOptimumSecret, origami.ClientSecret, origami.Password, WrongOrigamiPassword,
            ovh.ApplicationSecret, consumerKey,
        };
        var logs = new CapturingLoggerProvider();
        SandboxFaultOptions faults = null!;
        await using var host = Build(optimum, origami, ovh, consumerKey, secrets, logs, f => faults = f, wrongSecrets: false);
        await using var refused = Build(optimum, origami, ovh, consumerKey, secrets, logs, _ => { }, wrongSecrets: true);

        var scenarios = new List<(string Name, Action<SandboxFaultOptions>? Faults, Func<CancellationToken, Task> Call)>();
        void Add(string provider, Func<CancellationToken, Task> wrongShape, Func<CancellationToken, Task> missing, Func<CancellationToken, Task> ok)
        {
            scenarios.Add(($"{provider} typed error", null, missing));
            scenarios.Add(($"{provider} deserialization error", null, wrongShape));
            scenarios.Add(($"{provider} HTML page", f => f.HtmlPageRate = 1, ok));
            scenarios.Add(($"{provider} resets", f => f.ResetRate = 1, ok));
            scenarios.Add(($"{provider} bodies dropped", f => f.MidBodyDropRate = 1, ok));
            scenarios.Add(($"{provider} chunked bodies truncated", f => f.TruncatedChunkedRate = 1, ok));
            scenarios.Add(($"{provider} attempt timeouts", f => f.StallRate = 1, ok));
            scenarios.Add(($"{provider} cancelled by the caller", f => f.StallRate = 1, async _ =>
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                await ok(cancel.Token);
            }));
        }

        T Api<T>()
            where T : notnull => host.GetRequiredService<T>();
        Add("Optimum generated", ct => Api<IHygieneOptimumGeneratedApi>().WrongShapeAsync(ct), ct => Api<IHygieneOptimumGeneratedApi>().MissingAsync(ct), ct => Api<IOptimumVehiclesApi>().GetVehiclesAsync(ct));
        Add("Optimum Refit stub", ct => Api<IHygieneOptimumStubApi>().WrongShapeAsync(ct), ct => Api<IHygieneOptimumStubApi>().MissingAsync(ct), ct => Api<IHygieneOptimumStubApi>().WrongShapeAsync(ct));
        Add("Origami generated", ct => Api<IHygieneOrigamiGeneratedApi>().WrongShapeAsync(ct), ct => Api<IHygieneOrigamiGeneratedApi>().MissingAsync(ct), ct => Api<IOrigamiMeApi>().GetMeAsync(ct));
        Add("Origami Refit stub", ct => Api<IHygieneOrigamiStubApi>().WrongShapeAsync(ct), ct => Api<IHygieneOrigamiStubApi>().MissingAsync(ct), ct => Api<IHygieneOrigamiStubApi>().WrongShapeAsync(ct));
        Add("OVH generated", ct => Api<IHygieneOvhGeneratedApi>().WrongShapeAsync(ct), ct => Api<IHygieneOvhGeneratedApi>().MissingAsync(ct), ct => Api<IOvhMeApi>().GetMeAsync(ct));
        Add("OVH Refit stub", ct => Api<IHygieneOvhStubApi>().WrongShapeAsync(ct), ct => Api<IHygieneOvhStubApi>().MissingAsync(ct), ct => Api<IHygieneOvhStubApi>().WrongShapeAsync(ct));
        scenarios.Add(("OVH timestamp refused twice (the re-signed copy answers)", null, async ct =>
        {
            ovh.ForceQueryTimeOut(2);
            await Api<IOvhMeApi>().GetMeAsync(ct);
        }));
        scenarios.Add(("Optimum token refused", null, ct => refused.GetRequiredService<IOptimumVehiclesApi>().GetVehiclesAsync(ct)));
        scenarios.Add(("Origami token refused", null, ct => refused.GetRequiredService<IOrigamiMeApi>().GetMeAsync(ct)));

        // Warm up: tokens issued, OVH clock synchronised, so every secret is on the wire before the failures.
        // (On a loaded machine the first calls, which fetch tokens and JIT the chain, may outlast an attempt: tried again.)
        await WarmAsync(() => Api<IOptimumVehiclesApi>().GetVehiclesAsync());
        await WarmAsync(() => Api<IOrigamiMeApi>().GetMeAsync());
        await WarmAsync(() => Api<IOvhMeApi>().GetMeAsync());

        var thrown = new List<(string Scenario, Exception Exception)>();
        foreach (var (name, arrange, call) in scenarios)
        {
            faults.Enabled = false;
            faults.ResetRate = faults.HtmlPageRate = faults.MidBodyDropRate = faults.TruncatedChunkedRate = faults.StallRate = 0;
            if (arrange is not null)
            {
                arrange(faults);
                faults.Enabled = true;
            }

            try
            {
                await call(CancellationToken.None);
                thrown.Add((name, new InvalidOperationException($"{name}: no exception")));
            }
            catch (Exception exception)
            {
                thrown.Add((name, exception));
            }
        }

        faults.Enabled = false;
        thrown.Should().NotContain(t => t.Exception is InvalidOperationException, "every scenario fails");
        var types = thrown.SelectMany(t => Chain(t.Exception)).Select(e => e.GetType()).ToHashSet();
        types.Should().Contain([
            typeof(OptimumApiException), typeof(OrigamiApiException), typeof(OvhApiException), typeof(ApiException),
            typeof(ApiRequestException), typeof(HttpRequestException), typeof(HttpIOException), typeof(TimeoutRejectedException),
            typeof(TaskCanceledException), typeof(OAuth2Exception),
        ]);
        thrown.Select(t => t.Exception).OfType<ClientApiException>().Count(e => e.IsHtmlPage).Should().Be(6);

        // The wire carried the real values (tokens, signatures); they are in the list searched for.
        var searched = secrets.Where(s => s.Length >= 8 && !s.Contains("[redacted]", StringComparison.Ordinal)).Distinct().ToList();
        searched.Should().Contain(s => s.StartsWith("$1$", StringComparison.Ordinal), "OVH signatures were recorded on the wire");
        searched.Count.Should().BeGreaterThan(12);

        var leaks = new List<string>();
        foreach (var (scenario, exception) in thrown)
        {
            var written = SecretWalker.Serialize(exception) + "\n" + exception;
            leaks.AddRange(searched.Where(s => written.Contains(s, StringComparison.Ordinal)).Select(s => $"{scenario} ({exception.GetType().Name}): {Describe(s)}"));
        }

        foreach (var entry in logs.Entries)
        {
            leaks.AddRange(searched.Where(s => entry.Contains(s, StringComparison.Ordinal)).Select(s => $"log: {Describe(s)} in {entry[..Math.Min(120, entry.Length)]}"));
        }

        leaks.Should().BeEmpty();
        logs.Entries.Should().NotBeEmpty();
    }

    [Fact]
    public void The_walker_finds_a_secret_kept_in_an_exceptions_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.test/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer live-token-4a5b6c7d");
        var exception = new ApiRequestException(request, request.Method, new RefitSettings(), new HttpRequestException("reset"));
        exception.Data["token"] = "data-secret-8e9f";

        var written = SecretWalker.Serialize(exception);

        written.Should().Contain("live-token-4a5b6c7d").And.Contain("data-secret-8e9f");
    }

    private static async Task WarmAsync(Func<Task> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (ApiRequestException) when (attempt < 5)
            {
            }
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string Describe(string secret) => secret[..4] + "…(" + secret.Length + " chars)";

    private static ServiceProvider Build(
        OptimumSandbox optimum,
        OrigamiSandbox origami,
        OvhSandbox ovh,
        string consumerKey,
        ConcurrentBag<string> secrets,
        CapturingLoggerProvider logs,
        Action<SandboxFaultOptions> faults,
        bool wrongSecrets)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => new WireRecorder(secrets))); // token clients
        // One options object for every client, so that a scenario's rates reach whichever client it calls.
        var shared = new SandboxFaultOptions { Enabled = false, StallDuration = TimeSpan.FromMinutes(5) };
        faults(shared);
        void Configure(ClientProviderBuilder builder)
        {
            builder.AddResilience(r =>
            {
                r.MaxRetryAttempts = 1;
                r.BaseDelay = TimeSpan.FromMilliseconds(1);
                r.AttemptTimeout = TimeSpan.FromSeconds(2);
            });
            builder.ConfigureHttpClients(c => c
                .AddSandboxFaults(shared)
                .ConfigurePrimaryHttpMessageHandler(() => new WireRecorder(secrets))); // after Refit's own primary handler
        }

        var optimumBuilder = services.AddOptimumClients(o =>
        {
            o.ApiBaseUrl = optimum.BaseUri;
            o.TokenUrl = optimum.TokenUrl;
            o.ClientId = optimum.ClientId;
            o.ClientSecret = wrongSecrets ? WrongOptimumSecret : optimum.ClientSecret;
            o.TokenRequestRetryDelay = TimeSpan.Zero;
        });
        optimumBuilder.AddClient<IHygieneOptimumGeneratedApi>();
        optimumBuilder.AddClient<IHygieneOptimumStubApi>();
        Configure(optimumBuilder);
        var origamiBuilder = services.AddOrigamiClients(o =>
        {
            o.ApiUrl = origami.BaseUri;
            o.ClientId = origami.ClientId;
            o.ClientSecret = origami.ClientSecret;
            o.UserName = origami.UserName;
            o.Password = wrongSecrets ? WrongOrigamiPassword : origami.Password;
        });
        origamiBuilder.AddClient<IHygieneOrigamiGeneratedApi>();
        origamiBuilder.AddClient<IHygieneOrigamiStubApi>();
        Configure(origamiBuilder);
        var ovhBuilder = services.AddOvhClients(o =>
        {
            o.BaseUrl = ovh.BaseUri;
            o.ApplicationKey = ovh.ApplicationKey;
            o.ApplicationSecret = ovh.ApplicationSecret;
            o.ConsumerKey = consumerKey;
        });
        ovhBuilder.AddClient<IHygieneOvhGeneratedApi>();
        ovhBuilder.AddClient<IHygieneOvhStubApi>();
        Configure(ovhBuilder);
        return services.BuildServiceProvider();
    }
}

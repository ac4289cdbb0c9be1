using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Clients.Core;
using Clients.Core.OAuth2;
using Clients.Core.Telemetry;
using Clients.Optimum;
using Clients.Origami;
using Clients.Ovh;
using Clients.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;

namespace Clients.LoadTests;

/// <summary>
/// The load and fault program. Runs N GET calls at concurrency C, spread over Optimum, Origami and OVH (OVH only when
/// OVH documents are found), against the emulators in a separate OS process, with a fault schedule: API resets, 503,
/// 429 (Retry-After 1), bodies dropped or stalled halfway, 200s carrying an HTML page and truncated chunked bodies at
/// the given rates for the whole run, injected below the resilience pipeline by the sandbox's fault injector
/// (<c>AddSandboxFaults</c>, seeded); both token endpoints down for a while; every token revoked mid-run; the OVH server
/// clock jumping. Prints calls ok/lost by cause, HTML pages surfaced as typed errors against those injected, token
/// requests per provider, /auth/time requests, p50/p99, managed heap before/after, and secrets found in captured Trace
/// logs and span tags. Exits 1 on any lost call (all are idempotent GETs; an HTML page is not transient and is counted
/// apart, as long as it surfaced as a typed error saying so), or any secret, 2 when a scheduled event did not fire.
/// </summary>
public static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = LoadOptions.Parse(args);
        if (o.Mode == "emulators")
        {
            return await EmulatorProcess.RunAsync(o.TokenLifetimeSeconds).ConfigureAwait(false);
        }

        using var emulators = ChildProcess.Start(["emulators", "--token-lifetime", o.TokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture)]);
        var readyLine = await emulators.ReadLineAsync(line => line.StartsWith("ready ", StringComparison.Ordinal), TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        var info = JsonSerializer.Deserialize<EmulatorInfo>(readyLine["ready ".Length..])!;

        var scanner = new SecretScanner([info.OptimumClientSecret, info.OrigamiClientSecret, info.OrigamiPassword, info.OvhApplicationSecret, info.OvhConsumerKey]);
        using var listener = o.Telemetry ? scanner.Listen(ClientsTelemetry.BuiltInNames) : null;
        var faults = new SandboxFaultCounters();
        var injectors = new List<SandboxFaultOptions>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(scanner));
        Configure(services.AddOptimumClients(c =>
        {
            c.ApiBaseUrl = new Uri(info.OptimumBase);
            c.TokenUrl = new Uri(info.OptimumToken);
            c.ClientId = info.OptimumClientId;
            c.ClientSecret = info.OptimumClientSecret;
        }).Builder(), o, faults, injectors);
        Configure(services.AddOrigamiClients(c =>
        {
            c.ApiUrl = new Uri(info.OrigamiBase);
            c.ClientId = info.OrigamiClientId;
            c.ClientSecret = info.OrigamiClientSecret;
            c.UserName = info.OrigamiUser;
            c.Password = info.OrigamiPassword;
        }).Builder(), o, faults, injectors);
        var withOvh = info.OvhBase is not null;
        if (withOvh)
        {
            Configure(services.AddOvhClients(c =>
            {
                c.BaseUrl = new Uri(info.OvhBase!);
                c.ApplicationKey = info.OvhApplicationKey;
                c.ApplicationSecret = info.OvhApplicationSecret;
                c.ConsumerKey = info.OvhConsumerKey;
            }).Builder(), o, faults, injectors);
        }

        await using var provider = services.BuildServiceProvider();
        var vehicles = provider.GetRequiredService<IOptimumVehiclesApi>();
        var me = provider.GetRequiredService<IOrigamiMeApi>();
        var ovhMe = withOvh ? provider.GetRequiredService<IOvhMeApi>() : null;
        var providers = withOvh ? 3 : 2;
        Func<CancellationToken, Task>[] call =
        [
            ct => vehicles.GetVehiclesAsync(ct),
            ct => me.GetMeAsync(ct),
            ct => ovhMe!.GetMeAsync(ct),
        ];
        string[] names = ["Optimum", "Origami", "Ovh"];
        using var http = new HttpClient();

        // Warm-up (first tokens, time sync, JIT) before the heap and the counters are read.
        for (var i = 0; i < providers * 4; i++)
        {
            await call[i % providers](CancellationToken.None).ConfigureAwait(false);
        }

        var statsBefore = await StatsAsync(http, info).ConfigureAwait(false);
        var latencies = new long[o.Calls];
        var lost = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var ok = new int[3];
        var htmlPages = new int[3];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var faultsBefore = (faults.Requests, faults.Total);
        injectors.ForEach(static f => f.Enabled = true);
        Console.WriteLine($"load: {o.Calls:N0} calls at concurrency {o.Concurrency} over {string.Join(", ", names.Take(providers))}; faults (seed {o.Seed}): {o.ResetRate:P1} resets, {o.UnavailableRate:P1} 503, {o.TooManyRate:P1} 429, {o.MidBodyDropRate:P1} mid-body drops, {o.StallRate:P1} stalls of {o.StallSeconds} s, {o.HtmlRate:P1} HTML pages, {o.TruncatedRate:P1} truncated chunked; resilience: {(o.Stock ? "AddStandardResilienceHandler()" : "AddResilience()")}{(o.AttemptTimeoutSeconds is { } t ? $", attempt timeout {t} s" : string.Empty)}");
        if (!withOvh)
        {
            Console.WriteLine("load: the OVH emulator serves no API: OVH is left out");
        }

        var schedule = new Schedule(o, emulators);
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, o.Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < o.Calls)
            {
                var p = index % providers;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call[p](CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref ok[p]);
                }
                catch (ClientApiException html) when (html.IsHtmlPage)
                {
                    // Not transient: the caller is told an HTML page came back, as a typed error. Counted, not lost.
                    Interlocked.Increment(ref htmlPages[p]);
                }
                catch (Exception ex)
                {
                    lost.AddOrUpdate(names[p] + " " + Cause(ex), 1, static (_, n) => n + 1);
                }

                latencies[index] = Stopwatch.GetTimestamp() - started;
                await schedule.ProgressAsync(Interlocked.Increment(ref done), clock.Elapsed).ConfigureAwait(false);
            }
        })).ToArray();
        await Task.WhenAll(lanes).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        injectors.ForEach(static f => f.Enabled = false);
        await schedule.EndAsync().ConfigureAwait(false);
        var statsAfter = await StatsAsync(http, info).ConfigureAwait(false);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(latencies);

        Array.Sort(latencies);
        var totalLost = lost.Values.Sum();
        var untyped = lost.Where(l => !IsTyped(l.Key)).Sum(l => l.Value);
        var htmlSurfaced = htmlPages.Sum();
        Console.WriteLine($"load: {o.Calls - totalLost - htmlSurfaced:N0} ok, {htmlSurfaced:N0} HTML pages surfaced as a typed error, {totalLost:N0} lost in {elapsed.TotalSeconds:F1} s ({o.Calls / elapsed.TotalSeconds:N0} calls/s)");
        for (var p = 0; p < providers; p++)
        {
            Console.WriteLine($"  {names[p],-8} ok {ok[p]:N0}, HTML page (typed {nameof(ClientApiException)}.{nameof(ClientApiException.IsHtmlPage)}) {htmlPages[p]:N0}");
        }

        foreach (var (cause, count) in lost.OrderByDescending(l => l.Value))
        {
            Console.WriteLine($"  lost {count:N0}: {cause}{(IsTyped(cause) ? string.Empty : "   <- not one of the project's typed exceptions")}");
        }

        Console.WriteLine($"  latency p50 {Ms(latencies[latencies.Length / 2]):F2} ms, p99 {Ms(latencies[(int)(latencies.Length * 0.99)]):F2} ms, max {Ms(latencies[^1]):F2} ms");
        Console.WriteLine($"  token requests: Optimum {statsAfter.Optimum["tokenRequests"] - statsBefore.Optimum["tokenRequests"]}, Origami {statsAfter.Origami["tokenRequests"] - statsBefore.Origami["tokenRequests"]} (refresh grants {statsAfter.Origami["refreshGrants"] - statsBefore.Origami["refreshGrants"]}, refresh-token reuses {statsAfter.Origami["refreshTokenReuses"]})");
        Console.WriteLine($"  OVH /auth/time requests: {statsAfter.Ovh["timeRequests"] - statsBefore.Ovh["timeRequests"]}");
        Console.WriteLine($"  faults injected below the pipeline: {faults} ({faults.Total - faultsBefore.Total:N0} faults over {faults.Requests - faultsBefore.Requests:N0} attempts during the run)");
        Console.WriteLine($"  events: {schedule.Describe()}");
        Console.WriteLine($"  managed heap: before {heapBefore / 1024.0 / 1024:F1} MB, after {heapAfter / 1024.0 / 1024:F1} MB ({(heapAfter - heapBefore) / 1024.0 / 1024:+0.0;-0.0} MB)");
        Console.WriteLine($"  secrets in captured logs/spans: {scanner.Hits} ({scanner.Messages:N0} Trace log messages, {scanner.Tags:N0} span tags scanned){(scanner.Where.IsEmpty ? string.Empty : " at " + string.Join("; ", scanner.Where))}");

        await emulators.CommandAsync("exit", expectReply: false).ConfigureAwait(false);
        var failures = new List<string>();
        if (totalLost > 0)
        {
            failures.Add($"{totalLost} idempotent calls lost");
        }

        if (htmlSurfaced != faults.HtmlPages)
        {
            failures.Add($"{faults.HtmlPages} HTML pages injected but {htmlSurfaced} surfaced as typed errors");
        }

        if (untyped > 0)
        {
            failures.Add($"{untyped} exceptions other than the project's typed ones");
        }

        if (scanner.Hits > 0)
        {
            failures.Add($"{scanner.Hits} secrets in logs or spans");
        }

        if (!schedule.AllFired)
        {
            Console.WriteLine("load: the run ended before every scheduled event fired; use more calls");
            Console.WriteLine("0 passed, 1 failed");
            return 2;
        }

        Console.WriteLine(failures.Count == 0 ? "load: PASS" : "load: FAIL: " + string.Join("; ", failures));
        Console.WriteLine(failures.Count == 0 ? "1 passed, 0 failed" : "0 passed, 1 failed");
        return failures.Count == 0 ? 0 : 1;
    }

    private static void Configure(Clients.Core.ClientProviderBuilder builder, LoadOptions o, SandboxFaultCounters counters, List<SandboxFaultOptions> injectors)
    {
        if (o.Stock)
        {
            builder.ConfigureHttpClients(b => b.AddStandardResilienceHandler());
        }
        else if (!o.NoResilience)
        {
            builder.AddResilience(r =>
            {
                if (o.AttemptTimeoutSeconds is { } seconds)
                {
                    r.AttemptTimeout = TimeSpan.FromSeconds(seconds);
                }
            });
        }

        // Below the pipeline, as the network is: what the pipeline sees is what a real connection would give it.
        builder.ConfigureHttpClients(b => b.AddSandboxFaults(f =>
        {
            f.ResetRate = o.ResetRate;
            f.ServiceUnavailableRate = o.UnavailableRate;
            f.TooManyRequestsRate = o.TooManyRate;
            f.MidBodyDropRate = o.MidBodyDropRate;
            f.StallRate = o.StallRate;
            f.StallDuration = TimeSpan.FromSeconds(o.StallSeconds);
            f.HtmlPageRate = o.HtmlRate;
            f.TruncatedChunkedRate = o.TruncatedRate;
            f.Seed = o.Seed + injectors.Count;
            f.Counters = counters;
            f.Enabled = false; // on after the warm-up
            injectors.Add(f);
        }));
    }

    private static Clients.Core.ClientProviderBuilder Builder(this Clients.Core.ClientProviderBuilder builder) => builder;

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static bool IsTyped(string cause) =>
        cause.Contains(nameof(OAuth2Exception), StringComparison.Ordinal) || cause.Contains("ApiException", StringComparison.Ordinal);

    private static string Cause(Exception ex) => ex switch
    {
        OAuth2Exception oauth => $"{nameof(OAuth2Exception)} {oauth.Error} HTTP {(int?)oauth.StatusCode}",
        ApiException api => $"{api.GetType().Name} HTTP {(int)api.StatusCode}",
        ApiRequestException request when request.InnerException is { } inner => $"{nameof(ApiRequestException)} ({inner.GetType().Name})",
        _ => ex.GetType().FullName ?? ex.GetType().Name,
    };

    private static async Task<Stats> StatsAsync(HttpClient http, EmulatorInfo info) => new(
        (await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri(new Uri(info.OptimumBase), "/sandbox/stats")).ConfigureAwait(false))!,
        (await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri(new Uri(info.OrigamiBase), "/sandbox/stats")).ConfigureAwait(false))!,
        (await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri(new Uri(info.OvhHost), "/sandbox/stats")).ConfigureAwait(false))!);

    private sealed record Stats(Dictionary<string, long> Optimum, Dictionary<string, long> Origami, Dictionary<string, long> Ovh);
}

using System.Diagnostics;
using System.Globalization;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;

namespace Clients.FleetTests;

/// <summary>
/// The fleet test: 4 OS processes (this program in worker mode) share one real redis-server through
/// <c>AddClientsFleetTokens</c> and call the Optimum and Origami emulators, hosted here, 1,000 concurrent calls per
/// provider each. Checks: cold → exactly 1 token request per provider; renewal inside the buffer → exactly 1 more;
/// after expiry → exactly 1 more; Origami never sees a refresh token presented twice; <c>redis-cli --scan</c> + GET on
/// every key finds no token in clear; Redis stopped mid-run → every call still succeeds.
/// Usage: <c>dotnet run --project tests/Clients.FleetTests -- --redis-port 6390 [--processes 4] [--calls 1000]</c>.
/// </summary>
public static class FleetProgram
{
    internal const int LifetimeSeconds = 24;
    internal const int BufferSeconds = 10;

    private static int _passed;
    private static int _failed;

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["worker", ..])
        {
            return await FleetWorker.RunAsync(args).ConfigureAwait(false);
        }

        var port = Arg(args, "--redis-port", Environment.GetEnvironmentVariable("CLIENTS_FLEET_REDIS_PORT") ?? "6390");
        var processes = int.Parse(Arg(args, "--processes", "4"), CultureInfo.InvariantCulture);
        var calls = int.Parse(Arg(args, "--calls", "1000"), CultureInfo.InvariantCulture);
        var redis = $"127.0.0.1:{port}";

        if ((await RedisCli(port, "PING")).Trim() != "PONG")
        {
            Console.WriteLine($"fleet: no redis-server answers on {redis}; start one first (see .ci/steps/fleet.sh).");
            Console.WriteLine("0 passed, 1 failed");
            return 1;
        }

        await RedisCli(port, "FLUSHALL");
        await using var optimum = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { TokenLifetime = TimeSpan.FromSeconds(LifetimeSeconds) });
        await using var origami = await OrigamiSandbox.StartAsync(new OrigamiSandboxOptions { AccessTokenLifetime = TimeSpan.FromSeconds(LifetimeSeconds) });
        var workers = new List<Worker>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                workers.Add(Worker.Start(i, [redis, optimum.BaseUri.ToString(), optimum.TokenUrl.ToString(), origami.BaseUri.ToString()]));
            }

            await Task.WhenAll(workers.Select(w => w.WaitForAsync("ready", TimeSpan.FromSeconds(120))));
            Console.WriteLine($"fleet: {processes} worker processes ready (pids {string.Join(", ", workers.Select(w => w.Pid))}), redis {redis}");

            // 1. Cold.
            var t0 = Stopwatch.StartNew();
            var cold = await BurstAsync(workers, $"burst {calls}");
            var coldSeconds = t0.Elapsed.TotalSeconds;
            Check($"cold: {processes}×{2 * calls} concurrent calls all succeed", cold.Failed == 0, cold.ToString());
            Check("cold: exactly 1 Optimum token request for the fleet", optimum.TokenRequests == 1, $"{optimum.TokenRequests}");
            Check("cold: exactly 1 Origami token request for the fleet", origami.TokenRequests == 1, $"{origami.TokenRequests}");

            // 2. Inside the renewal buffer: every process sees the renewal due at about the same time.
            await WaitUntilAsync(t0, LifetimeSeconds - BufferSeconds + Math.Ceiling(coldSeconds) + 0.5);
            var renewal = await BurstAsync(workers, $"burst {calls}");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var renewedAt = Stopwatch.StartNew();
            Check("renewal window: all calls succeed", renewal.Failed == 0, renewal.ToString());
            Check("renewal window: exactly 1 more Optimum token request", optimum.TokenRequests == 2, $"{optimum.TokenRequests}");
            Check("renewal window: exactly 1 more Origami token request (a refresh)", origami.TokenRequests == 2 && origami.RefreshGrants == 1, $"{origami.TokenRequests} requests, {origami.RefreshGrants} refreshes");

            // 3. After expiry: nothing valid left anywhere, every process waits.
            await WaitUntilAsync(renewedAt, LifetimeSeconds + 0.5);
            var expired = await BurstAsync(workers, $"burst {calls}");
            Check("after expiry: all calls succeed", expired.Failed == 0, expired.ToString());
            Check("after expiry: exactly 1 more Optimum token request", optimum.TokenRequests == 3, $"{optimum.TokenRequests}");
            Check("after expiry: exactly 1 more Origami token request", origami.TokenRequests == 3, $"{origami.TokenRequests}");
            Check("Origami: 0 refresh-token reuse, 0 refused refresh", origami.RefreshTokenReuses == 0 && origami.RefusedRefreshes == 0, $"reuses {origami.RefreshTokenReuses}, refused {origami.RefusedRefreshes}");

            // 4. A Redis dump reveals no token.
            await ScanRedisAsync(port, optimum.IssuedTokens.Concat(origami.IssuedTokens).ToArray());

            // 5. Redis stopped mid-run, and every token revoked while it is down: calls keep succeeding.
            var before = (optimum.TokenRequests, origami.TokenRequests);
            var run = BurstAsync(workers, "run 8");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Console.WriteLine("fleet: stopping redis-server mid-run (SHUTDOWN NOSAVE)");
            await RedisCli(port, "SHUTDOWN", "NOSAVE");
            await Task.Delay(TimeSpan.FromSeconds(2));
            optimum.RevokeAllTokens();
            origami.RevokeAccessTokens();
            var down = await run;
            Check("redis stopped mid-run (tokens revoked while down): every call succeeds", down.Failed == 0 && down.Ok > 0, down.ToString());
            Check("redis down: Origami still never presents a refresh token twice", origami.RefreshTokenReuses == 0, $"reuses {origami.RefreshTokenReuses}");
            Console.WriteLine($"fleet: token requests while redis was down: Optimum +{optimum.TokenRequests - before.Item1}, Origami +{origami.TokenRequests - before.Item2} (local fallback, at most one per process)");
            Check("redis down: at most one token request per process and provider", optimum.TokenRequests - before.Item1 <= processes && origami.TokenRequests - before.Item2 <= processes, "");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.StopAsync();
            }
        }

        Console.WriteLine($"fleet: {_passed} passed, {_failed} failed");
        Console.WriteLine($"{_passed} passed, {_failed} failed");
        return _failed == 0 ? 0 : 1;
    }

    private static async Task ScanRedisAsync(string port, string[] tokens)
    {
        var keys = (await RedisCli(port, "--scan")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = new List<string>();
        var tokenKeys = 0;
        foreach (var key in keys)
        {
            var type = (await RedisCli(port, "TYPE", key)).Trim();
            var value = type switch
            {
                "string" => await RedisCli(port, "GET", key),
                "list" => await RedisCli(port, "LRANGE", key, "0", "-1"),
                _ => string.Empty,
            };
            if (key.StartsWith("clients:oauth2:", StringComparison.Ordinal) && !key.EndsWith(":fence", StringComparison.Ordinal) && !key.EndsWith(":lock", StringComparison.Ordinal))
            {
                tokenKeys++;
            }

            if (tokens.Any(t => value.Contains(t, StringComparison.Ordinal)) || value.Contains("opt_", StringComparison.Ordinal) || value.Contains("ori_", StringComparison.Ordinal) || value.Contains("orr_", StringComparison.Ordinal))
            {
                found.Add(key);
            }
        }

        Console.WriteLine($"fleet: redis-cli --scan: {keys.Length} keys ({tokenKeys} token entries), {tokens.Length} issued tokens searched");
        Check("redis holds the shared token entries (2 providers)", tokenKeys == 2, $"{tokenKeys}");
        Check("redis-cli --scan + GET on every key finds no token in clear", found.Count == 0, string.Join(", ", found));
    }

    private static async Task<Result> BurstAsync(List<Worker> workers, string command)
    {
        var results = await Task.WhenAll(workers.Select(w => w.CommandAsync(command)));
        return new Result(results.Sum(r => r.Ok), results.Sum(r => r.Failed), results.Select(r => r.FirstError).FirstOrDefault(e => e != "-") ?? "-");
    }

    private static async Task WaitUntilAsync(Stopwatch since, double seconds)
    {
        var wait = TimeSpan.FromSeconds(seconds) - since.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            Console.WriteLine($"fleet: waiting {wait.TotalSeconds:F1} s");
            await Task.Delay(wait);
        }
    }

    private static void Check(string what, bool ok, string detail)
    {
        if (ok)
        {
            _passed++;
            Console.WriteLine($"PASS {what}");
        }
        else
        {
            _failed++;
            Console.WriteLine($"FAIL {what}: {detail}");
        }
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    internal static async Task<string> RedisCli(string port, params string[] args)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-h");
        info.ArgumentList.Add("127.0.0.1");
        info.ArgumentList.Add("-p");
        info.ArgumentList.Add(port);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    internal sealed record Result(int Ok, int Failed, string FirstError)
    {
        public override string ToString() => $"ok {Ok}, failed {Failed}, first error: {FirstError}";
    }
}

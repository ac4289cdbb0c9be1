using System.Globalization;
using Clients.Optimum;
using Clients.Origami;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.FleetTests;

/// <summary>
/// One process of the fleet: the three-line registration of the README plus <c>AddClientsFleetTokens</c>, then commands
/// from standard input: <c>burst N</c> (N concurrent calls per provider), <c>run SECONDS</c> (calls in a loop, 64 at a
/// time), <c>exit</c>. Each command answers one line: <c>result ok=.. failed=.. firstError=..</c>.
/// </summary>
internal static class FleetWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        // worker <redis> <optimumBase> <optimumToken> <origamiBase>
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft", LogLevel.Error));
        services.AddClientsFleetTokens(args[1]);
        services.AddOptimumClients(o =>
        {
            o.ApiBaseUrl = new Uri(args[2]);
            o.TokenUrl = new Uri(args[3]);
            o.ClientId = "sandbox-optimum-client";
            o.ClientSecret = "sandbox-optimum-secret-7d1f0b";
            o.TokenExpiryBuffer = TimeSpan.FromSeconds(FleetProgram.BufferSeconds);
        });
        services.AddOrigamiClients(o =>
        {
            o.ApiUrl = new Uri(args[4]);
            o.ClientId = "sandbox-origami-client";
            o.ClientSecret = "sandbox-origami-secret-51c8e2";
            o.UserName = "api-user@sandbox.origami.test";
            o.Password = "sandbox-origami-password-9b04";
            o.TokenExpiryBuffer = TimeSpan.FromSeconds(FleetProgram.BufferSeconds);
        });
        await using var provider = services.BuildServiceProvider();
        var vehicles = provider.GetRequiredService<IOptimumVehiclesApi>();
        var me = provider.GetRequiredService<IOrigamiMeApi>();
        Console.Out.WriteLine("ready");
        Console.Out.Flush();

        while (Console.In.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ok = 0;
            var failed = 0;
            string? firstError = null;
            async Task CallAsync(int i)
            {
                try
                {
                    if (i % 2 == 0)
                    {
                        await vehicles.GetVehiclesAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await me.GetMeAsync().ConfigureAwait(false);
                    }

                    Interlocked.Increment(ref ok);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" "), null);
                }
            }

            switch (parts)
            {
                case ["burst", var n]:
                    var count = int.Parse(n, CultureInfo.InvariantCulture);
                    await Task.WhenAll(Enumerable.Range(0, 2 * count).Select(i => Task.Run(() => CallAsync(i)))).ConfigureAwait(false);
                    break;
                case ["run", var seconds]:
                    var until = DateTime.UtcNow.AddSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));
                    await Task.WhenAll(Enumerable.Range(0, 64).Select(lane => Task.Run(async () =>
                    {
                        for (var i = lane; DateTime.UtcNow < until; i += 64)
                        {
                            await CallAsync(i).ConfigureAwait(false);
                        }
                    }))).ConfigureAwait(false);
                    break;
                case ["exit"]:
                    return 0;
            }

            Console.Out.WriteLine($"result ok={ok} failed={failed} firstError={firstError ?? "-"}");
            Console.Out.Flush();
        }

        return 0;
    }
}

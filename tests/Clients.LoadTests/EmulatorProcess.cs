using System.Globalization;
using System.Text.Json;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Sandbox.Ovh;

namespace Clients.LoadTests;

/// <summary>
/// The emulators, in their own OS process (so that their state and CPU are not measured as the client's): prints one
/// <c>ready {json}</c> line with URLs and credentials, then obeys commands on standard input (fault knobs), answering
/// <c>ok</c> to each.
/// </summary>
internal static class EmulatorProcess
{
    public static async Task<int> RunAsync(int tokenLifetimeSeconds)
    {
        await using var optimum = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { TokenLifetime = TimeSpan.FromSeconds(tokenLifetimeSeconds) });
        await using var origami = await OrigamiSandbox.StartAsync(new OrigamiSandboxOptions { AccessTokenLifetime = TimeSpan.FromSeconds(tokenLifetimeSeconds) });
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { Universes = ["/me"] });
        var consumerKey = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        var ready = new EmulatorInfo(
            optimum.BaseUri.ToString(), optimum.TokenUrl.ToString(), optimum.ClientId, optimum.ClientSecret,
            origami.BaseUri.ToString(), origami.ClientId, origami.ClientSecret, origami.UserName, origami.Password,
            ovh.BaseUri.ToString(), ovh.HostUri.ToString(), ovh.ApplicationKey, ovh.ApplicationSecret, consumerKey);
        Console.Out.WriteLine("ready " + JsonSerializer.Serialize(ready));
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts)
            {
                case ["tokens-down", var down]:
                    optimum.TokenEndpointDown = origami.TokenEndpointDown = down == "1";
                    break;
                case ["revoke"]:
                    optimum.RevokeAllTokens();
                    origami.RevokeAccessTokens();
                    break;
                case ["skew", var seconds]:
                    ovh.ClockSkew = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));
                    break;
                case ["exit"]:
                    return 0;
            }

            Console.Out.WriteLine("ok");
            Console.Out.Flush();
        }

        return 0;
    }
}

internal sealed record EmulatorInfo(
    string OptimumBase, string OptimumToken, string OptimumClientId, string OptimumClientSecret,
    string OrigamiBase, string OrigamiClientId, string OrigamiClientSecret, string OrigamiUser, string OrigamiPassword,
    string? OvhBase, string OvhHost, string OvhApplicationKey, string OvhApplicationSecret, string OvhConsumerKey);

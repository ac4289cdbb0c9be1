using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Sandbox.Ovh;

namespace Clients.Sandbox;

/// <summary>Standalone entry point: starts every provider emulator on loopback and prints URLs and test credentials.</summary>
public static class SandboxProgram
{
    /// <summary>Runs the sandbox until Ctrl+C (or, with <c>--once</c>, prints and exits).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["ovh", ..])
        {
            // Only the OVH emulator, with its own switches (--port N, --skew SECONDS, --specs DIR).
            using var stopOvh = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stopOvh.Cancel();
            };
            return await OvhSandboxConsole.RunAsync(args[1..], Console.Out, stopOvh.Token).ConfigureAwait(false);
        }

        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions()).ConfigureAwait(false);
        await using var optimum = await OptimumSandbox.StartAsync().ConfigureAwait(false);
        await using var origami = await OrigamiSandbox.StartAsync().ConfigureAwait(false);

        Console.WriteLine("Clients.Sandbox: provider emulators on loopback (test credentials only).");
        Console.WriteLine();
        Console.WriteLine("Optimum (OAuth2 client credentials)");
        Console.WriteLine($"  Optimum:ApiBaseUrl   = {optimum.BaseUri}");
        Console.WriteLine($"  Optimum:TokenUrl     = {optimum.TokenUrl}");
        Console.WriteLine($"  Optimum:ClientId     = {optimum.ClientId}");
        Console.WriteLine($"  Optimum:ClientSecret = {optimum.ClientSecret}");
        Console.WriteLine($"  swagger              = {optimum.SwaggerUrl} (bearer token required)");
        Console.WriteLine();
        Console.WriteLine("Origami (OAuth2 password grant + context header)");
        Console.WriteLine($"  Origami:ApiUrl       = {origami.BaseUri}");
        Console.WriteLine($"  Origami:ClientId     = {origami.ClientId}");
        Console.WriteLine($"  Origami:ClientSecret = {origami.ClientSecret}");
        Console.WriteLine($"  Origami:UserName     = {origami.UserName}");
        Console.WriteLine($"  Origami:Password     = {origami.Password}");
        Console.WriteLine("  user groups          = 1 (operator), 42 (seller)");
        Console.WriteLine();
        Console.WriteLine("OVHcloud (AK/AS/CK signing, rights delegation)");
        Console.WriteLine($"  Ovh:BaseUrl           = {ovh.BaseUri}");
        Console.WriteLine($"  Ovh:ApplicationKey    = {ovh.ApplicationKey}");
        Console.WriteLine($"  Ovh:ApplicationSecret = {ovh.ApplicationSecret}");
        Console.WriteLine($"  customer login        = {OvhSandboxOptions.DefaultCustomerLogin} / {OvhSandboxOptions.DefaultCustomerPassword}");
        Console.WriteLine($"  catalogue             = {ovh.HostUri}v1/");
        Console.WriteLine($"  specs                 = {ovh.SpecSource}");

        if (args.Contains("--once", StringComparer.Ordinal))
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("Press Ctrl+C to stop.");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop the emulators.
        }

        return 0;
    }
}

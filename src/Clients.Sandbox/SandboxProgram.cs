using System.Runtime.InteropServices;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Sandbox.Ovh;

namespace Clients.Sandbox;

/// <summary>Standalone entry point: starts every provider emulator on loopback and prints URLs and test credentials.</summary>
public static class SandboxProgram
{
    /// <summary>Runs the sandbox until Ctrl+C, SIGINT or SIGTERM (or, with <c>--once</c>, prints and exits).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["ovh", ..])
        {
            // Only the OVH emulator, with its own switches (--port N, --skew SECONDS, --specs DIR).
            using var stopOvh = new CancellationTokenSource();
            using var ovhSignals = StopOn(stopOvh);
            return await OvhSandboxConsole.RunAsync(args[1..], Console.Out, stopOvh.Token).ConfigureAwait(false);
        }

        if (args is ["spec", ..])
        {
            // An emulator of any OpenAPI 3.x document (spec FILE [--port N] [--base-path PATH] [--client-id ID --client-secret SECRET]).
            using var stopSpec = new CancellationTokenSource();
            using var specSignals = StopOn(stopSpec);
            return await Specs.SpecSandboxConsole.RunAsync(args[1..], Console.Out, stopSpec.Token).ConfigureAwait(false);
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
        Console.WriteLine();
        Console.WriteLine("Counters (JSON): GET /sandbox/stats on each emulator:");
        Console.WriteLine($"  {optimum.BaseUri}sandbox/stats  {origami.BaseUri}sandbox/stats  {ovh.HostUri}sandbox/stats");

        if (args.Contains("--once", StringComparer.Ordinal))
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("Press Ctrl+C (or send SIGTERM) to stop.");
        using var stop = new CancellationTokenSource();
        using var signals = StopOn(stop);

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGINT / SIGTERM: the emulators are disposed (stopped) on the way out.
        }

        Console.WriteLine("Clients.Sandbox: stopping.");
        return 0;
    }

    /// <summary>
    /// Cancels <paramref name="stop"/> on SIGINT (Ctrl+C), SIGTERM and SIGQUIT instead of letting the runtime kill the
    /// process, so that the emulators stop cleanly and the program exits 0.
    /// </summary>
    /// <param name="stop">Cancelled on the first signal.</param>
    /// <returns>The registrations; dispose them when done.</returns>
    public static IDisposable StopOn(CancellationTokenSource stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already stopping.
            }
        }

        return new Registrations([
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Handle),
        ]);
    }

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}

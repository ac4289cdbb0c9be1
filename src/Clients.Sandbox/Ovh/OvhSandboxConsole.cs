using System.Globalization;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Runs the OVH emulator from the command line until cancelled, printing its URLs and test credentials.
/// Arguments: <c>--port N</c> (default 0: a free port), <c>--skew SECONDS</c>, <c>--specs DIR</c>.
/// </summary>
public static class OvhSandboxConsole
{
    /// <summary>Starts the emulator, writes how to use it to <paramref name="output"/>, and waits for <paramref name="cancellationToken"/>.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="output">Where to write the URLs and credentials.</param>
    /// <param name="cancellationToken">Stops the emulator (e.g. on Ctrl+C).</param>
    /// <returns>0 when stopped normally, 2 on bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new OvhSandboxOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                    options.Port = port;
                    i++;
                    break;
                case "--skew" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var skew):
                    options.ClockSkew = TimeSpan.FromSeconds(skew);
                    i++;
                    break;
                case "--specs" when value is not null:
                    options.SpecDirectory = value;
                    i++;
                    break;
                case "ovh":
                    break;
                default:
                    await output.WriteLineAsync($"OVH sandbox: unknown argument '{args[i]}'. Use --port N, --skew SECONDS, --specs DIR.").ConfigureAwait(false);
                    return 2;
            }
        }

        await using var ovh = await OvhSandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"""
            OVH sandbox listening.
              API base (v1):       {ovh.BaseUri}   (alias {ovh.HostUri}v1)
              API base (v2):       {ovh.V2BaseUri}
              Catalogue:           {ovh.HostUri}v1/
              Application key:     {ovh.ApplicationKey}
              Application secret:  {ovh.ApplicationSecret}
              Customer login:      {OvhSandboxOptions.DefaultCustomerLogin} / {OvhSandboxOptions.DefaultCustomerPassword}
              Specs:               {ovh.SpecSource}
            Press Ctrl+C to stop.
            """).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop normally.
        }

        return 0;
    }
}

using System.Globalization;

namespace Clients.Sandbox.Specs;

/// <summary>
/// Runs a document-driven emulator from the command line until cancelled:
/// <c>Clients.Sandbox spec openapi.json [--port N] [--base-path /v1] [--client-id ID --client-secret SECRET]</c>.
/// </summary>
public static class SpecSandboxConsole
{
    /// <summary>Starts the emulator, writes how to use it to <paramref name="output"/>, and waits for <paramref name="cancellationToken"/>.</summary>
    /// <param name="args">Command-line arguments (the document's path first).</param>
    /// <param name="output">Where to write the URLs.</param>
    /// <param name="cancellationToken">Stops the emulator (e.g. on Ctrl+C).</param>
    /// <returns>0 when stopped normally, 2 on bad arguments or an unreadable document.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        const string Usage = "Use: spec FILE [--port N] [--base-path PATH] [--client-id ID --client-secret SECRET].";
        string? file = null;
        var options = new SpecSandboxOptions();
        var port = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    i++;
                    break;
                case "--base-path" when value is not null:
                    options.BasePath = value;
                    i++;
                    break;
                case "--client-id" when value is not null:
                    options.ClientId = value;
                    i++;
                    break;
                case "--client-secret" when value is not null:
                    options.ClientSecret = value;
                    i++;
                    break;
                case var path when file is null && !path.StartsWith("--", StringComparison.Ordinal):
                    file = path;
                    break;
                default:
                    await output.WriteLineAsync($"Spec sandbox: unknown argument '{args[i]}'. {Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (file is null || !File.Exists(file))
        {
            await output.WriteLineAsync($"Spec sandbox: no document {(file is null ? "given" : "at " + file)}. {Usage}").ConfigureAwait(false);
            return 2;
        }

        SpecEmulator emulator;
        try
        {
            options.Name = Path.GetFileName(file);
            emulator = new SpecEmulator(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), options);
        }
        catch (ArgumentException exception)
        {
            await output.WriteLineAsync("Spec sandbox: " + exception.Message).ConfigureAwait(false);
            return 2;
        }

        await using var sandbox = await SpecSandbox.StartAsync(emulator, options, port, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"""
            Spec sandbox listening: {file} ({emulator.OperationCount} operations).
              API base:            {sandbox.BaseAddress}
              Token URL:           {(sandbox.TokenUrl is { } token ? token + " (client credentials; every operation needs a bearer token)" : "none (no --client-id/--client-secret)")}
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

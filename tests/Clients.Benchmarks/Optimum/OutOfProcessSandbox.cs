using System.Diagnostics;
using System.Text.RegularExpressions;
using Clients.Sandbox;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// The standalone sandbox (<c>Clients.Sandbox</c>) started once as a separate OS process, so that the emulator's CPU and
/// allocations are not the client's; stopped with SIGTERM when the benchmark process exits.
/// </summary>
internal static partial class OutOfProcessSandbox
{
    private static readonly Lazy<(Uri ApiBase, Uri TokenUrl)> Started = new(Start);

    public static Uri ApiBase => Started.Value.ApiBase;

    public static Uri TokenUrl => Started.Value.TokenUrl;

    public const string ClientId = "sandbox-optimum-client";

    public const string ClientSecret = "sandbox-optimum-secret-7d1f0b";

    private static (Uri, Uri) Start()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(SandboxProgram).Assembly.Location);
        var process = Process.Start(info)!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            process.WaitForExit(10_000);
        };
        Uri? api = null;
        Uri? token = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (ApiLine().Match(line) is { Success: true } a)
            {
                api = new Uri(a.Groups[1].Value);
            }

            if (TokenLine().Match(line) is { Success: true } t)
            {
                token = new Uri(t.Groups[1].Value);
            }

            if (line.Contains("to stop", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Keep draining so the child never blocks on a full pipe.
        _ = Task.Run(() => process.StandardOutput.ReadToEnd());
        return (api ?? throw new InvalidOperationException("The sandbox printed no Optimum:ApiBaseUrl."), token ?? throw new InvalidOperationException("The sandbox printed no Optimum:TokenUrl."));
    }

    [GeneratedRegex(@"Optimum:ApiBaseUrl\s+=\s+(\S+)")]
    private static partial Regex ApiLine();

    [GeneratedRegex(@"Optimum:TokenUrl\s+=\s+(\S+)")]
    private static partial Regex TokenLine();
}

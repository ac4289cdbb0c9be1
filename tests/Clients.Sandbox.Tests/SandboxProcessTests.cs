using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Clients.Sandbox;

namespace Clients.Sandbox.Tests;

/// <summary>The standalone sandbox as an OS process: it stops cleanly on SIGTERM and SIGINT, and serves its counters.</summary>
public sealed partial class SandboxProcessTests
{
    [Theory]
    [InlineData("SIGTERM", new string[0])]
    [InlineData("SIGINT", new string[0])]
    [InlineData("SIGTERM", new[] { "ovh", "--port", "0" })]
    [InlineData("SIGINT", new[] { "ovh", "--port", "0" })]
    [InlineData("SIGTERM", new[] { "spec", "Documents/pets.json", "--port", "0" })]
    public async Task The_standalone_sandbox_stops_cleanly_on_a_signal(string signal, string[] args)
    {
        using var process = Start(args);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("to stop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Kill(process.Id, signal == "SIGTERM" ? 15 : 2).Should().Be(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(0, string.Join('\n', output));
    }

    [Fact]
    public async Task The_standalone_sandbox_serves_its_counters_at_sandbox_stats()
    {
        using var process = Start([]);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
                if (e.Data.Contains("to stop", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var text = string.Join('\n', lines);
            var tokenUrl = new Uri(TokenUrl().Match(text).Groups[1].Value);
            using var http = new HttpClient();
            using var token = await http.PostAsync(tokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "sandbox-optimum-client",
                ["client_secret"] = "sandbox-optimum-secret-7d1f0b",
            }));
            token.EnsureSuccessStatusCode();

            var stats = await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri(tokenUrl, "/sandbox/stats"));

            stats.Should().NotBeNull();
            stats!["tokenRequests"].Should().Be(1);
            stats["apiCalls"].Should().Be(0);
        }
        finally
        {
            Kill(process.Id, 15);
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        }
    }

    private static Process Start(string[] args)
    {
        var dll = typeof(SandboxProgram).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            // A test document is named relative to the test's output directory.
            var file = Path.Combine(AppContext.BaseDirectory, arg);
            info.ArgumentList.Add(arg.EndsWith(".json", StringComparison.Ordinal) && File.Exists(file) ? file : arg);
        }

        return Process.Start(info)!;
    }

    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start("kill", ["-" + signal.ToString(System.Globalization.CultureInfo.InvariantCulture), pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    [GeneratedRegex(@"Optimum:TokenUrl\s+=\s+(\S+)")]
    private static partial Regex TokenUrl();
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Clients.FleetTests;

/// <summary>A worker OS process driven over standard input/output.</summary>
internal sealed partial class Worker
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly int _index;

    private Worker(Process process, int index)
    {
        _process = process;
        _index = index;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else if (e.Data.StartsWith("ready", StringComparison.Ordinal) || e.Data.StartsWith("result ", StringComparison.Ordinal))
            {
                _lines.Writer.TryWrite(e.Data);
            }
            else if (e.Data.Length > 0)
            {
                Console.Error.WriteLine($"[worker {_index}] {e.Data}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine($"[worker {_index} stderr] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public static Worker Start(int index, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(Worker).Assembly.Location);
        info.ArgumentList.Add("worker");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new Worker(Process.Start(info)!, index);
    }

    public async Task WaitForAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(cts.Token);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    public async Task<FleetProgram.Result> CommandAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(cts.Token);
            var match = ResultLine().Match(line);
            if (match.Success)
            {
                return new FleetProgram.Result(
                    int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                    match.Groups[3].Value);
            }
        }
    }

    public async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("exit");
                await _process.StandardInput.FlushAsync();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"^result ok=(\d+) failed=(\d+) firstError=(.*)$")]
    private static partial Regex ResultLine();
}

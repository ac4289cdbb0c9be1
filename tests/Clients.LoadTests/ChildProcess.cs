using System.Diagnostics;
using System.Threading.Channels;

namespace Clients.LoadTests;

/// <summary>This program started again in another mode, driven over standard input and output.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _commands = new(1, 1);

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine("[emulators] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static ChildProcess Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(info)!);
    }

    public async Task<string> ReadLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            if (match(line))
            {
                return line;
            }
        }
    }

    public async Task CommandAsync(string command, bool expectReply = true)
    {
        await _commands.WaitAsync().ConfigureAwait(false);
        try
        {
            await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            if (expectReply)
            {
                await ReadLineAsync(l => l == "ok", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    public void Dispose()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _commands.Dispose();
    }
}

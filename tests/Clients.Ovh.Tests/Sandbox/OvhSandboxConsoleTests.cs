using System.Globalization;
using System.Text.RegularExpressions;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

public sealed partial class OvhSandboxConsoleTests
{
    [Fact]
    public async Task RunAsync_PrintsUsableUrlsAndCredentials_AndStopsOnCancel()
    {
        using var cancel = new CancellationTokenSource();
        var output = new SignallingWriter();
        var run = OvhSandboxConsole.RunAsync(["ovh", "--skew", "120"], output, cancel.Token);

        var text = await output.FirstLine.WaitAsync(TimeSpan.FromMinutes(1));
        text.Should().Contain(OvhSandboxOptions.DefaultApplicationKey).And.Contain(OvhSandboxOptions.DefaultCustomerLogin);
        var baseUri = BaseRegex().Match(text).Groups[1].Value;
        using var http = new HttpClient();
        var serverTime = long.Parse(await http.GetStringAsync(baseUri + "/auth/time"), CultureInfo.InvariantCulture);
        serverTime.Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 120, 30);

        await cancel.CancelAsync();
        (await run).Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_RejectsUnknownArguments()
    {
        var output = new StringWriter();
        (await OvhSandboxConsole.RunAsync(["--bogus"], output, CancellationToken.None)).Should().Be(2);
        output.ToString().Should().Contain("--bogus");
    }

    [GeneratedRegex(@"API base \(v1\):\s+(\S+)")]
    private static partial Regex BaseRegex();

    private sealed class SignallingWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> FirstLine => first.Task;

        public override Task WriteLineAsync(string? value)
        {
            first.TrySetResult(value ?? "");
            return base.WriteLineAsync(value);
        }
    }
}

namespace Clients.Sandbox;

/// <summary>Standalone entry point: starts every provider emulator on loopback and prints URLs and test credentials.</summary>
public static class SandboxProgram
{
    /// <summary>Runs the sandbox until Ctrl+C.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> Main(string[] args)
    {
        Console.WriteLine("Clients.Sandbox: provider emulators (see README).");
        return Task.FromResult(0);
    }
}

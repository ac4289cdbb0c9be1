using System.Reflection;
using System.Runtime.CompilerServices;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;

namespace Clients.Regen.Tests;

/// <summary>One in-memory compilation of generated clients: the compilation, the image (null when it failed), every warning and error.</summary>
internal sealed record CompileAttempt(Compilation Output, byte[]? Image, IReadOnlyList<string> Problems, IReadOnlyList<SpecInput> Inputs, string Timings)
{
    /// <summary>Loads the image and runs its module initializers (what its first use would do).</summary>
    public CompiledClients Load()
    {
        var assembly = Assembly.Load(Image ?? throw new InvalidOperationException("The compilation failed: " + string.Join("\n", Problems.Take(30))));
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return new CompiledClients(Output, assembly, Inputs, Timings);
    }
}

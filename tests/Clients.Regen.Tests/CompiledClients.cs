using System.Reflection;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;

namespace Clients.Regen.Tests;

/// <summary>Generated clients compiled in memory: the compilation (generators' output included), the loaded assembly, the documents.</summary>
internal sealed record CompiledClients(Compilation Output, Assembly Assembly, IReadOnlyList<SpecInput> Inputs, string Timings);

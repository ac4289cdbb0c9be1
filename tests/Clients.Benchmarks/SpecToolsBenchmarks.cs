using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Clients.SpecTools;

namespace Clients.Benchmarks;

/// <summary>
/// Spec validation and drift diff on OVH's largest document (<c>me.json</c>, 790 KB, 398 operations), against the
/// floor any JSON validation pays: parsing the document once.
/// <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --filter '*SpecTools*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SpecToolsBenchmarks
{
    private static readonly SpecSource Source = new("ovh", "v1/me", "specs/ovh/v1/me.json");
    private byte[] _me = [];
    private Dictionary<string, ReadOnlyMemory<byte>> _documents = [];

    /// <summary>Reads the committed <c>specs/ovh/v1/me.json</c>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _me = File.ReadAllBytes(Path.Combine(SpecsRoot(), "ovh", "v1", "me.json"));
        _documents = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal) { ["v1/me"] = _me };
    }

    /// <summary>Baseline: one <see cref="JsonDocument"/> parse.</summary>
    /// <returns>The number of root properties, so the parse cannot be elided.</returns>
    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_me);
        return document.RootElement.GetPropertyCount();
    }

    /// <summary>Full validation: parse, shape checks, every <c>$ref</c> resolved.</summary>
    /// <returns>The operation count.</returns>
    [Benchmark]
    public int Validate() => SpecValidator.Validate(_me, "application/json", Source).OperationCount;

    /// <summary>The document diffed against itself: two parses, every operation and schema compared.</summary>
    /// <returns>The number of changes (0).</returns>
    [Benchmark]
    public int DiffAgainstItself() => SpecDiff.Compare("ovh", _documents, _documents).Changes.Count;

    private static string SpecsRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clients.sln")))
            {
                return Path.Combine(directory.FullName, "specs");
            }
        }

        throw new DirectoryNotFoundException("No Clients.sln above " + AppContext.BaseDirectory);
    }
}

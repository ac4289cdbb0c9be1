using System.Diagnostics;
using System.Text;
using Clients.Regen.Emit;
using Clients.Regen.Model;
using Clients.Regen.Sources;
using Clients.SpecTools;

namespace Clients.Regen.Pipeline;

/// <summary>
/// RegenClients and CheckSpecDrift. Both first pull and validate every document of every selected provider; RegenClients
/// then generates everything in memory and only when all of it succeeded writes (atomically) the documents, the
/// generated files and the locks; CheckSpecDrift writes nothing in the working tree.
/// </summary>
internal sealed class RegenPipeline(RegenOptions options, TextWriter output, TimeProvider time, HttpMessageHandler? handler = null)
{
    public async Task<int> RegenAsync(CancellationToken cancellationToken)
    {
        var acquired = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        if (acquired is null)
        {
            return 1;
        }

        var plans = new List<(ProviderDocuments Documents, SortedDictionary<string, string> Files, string InputsHash)>();
        foreach (var documents in acquired)
        {
            var provider = documents.Provider;
            if (documents.KeepCommitted)
            {
                output.WriteLine($"RegenClients : warning REGEN100: {provider.Name}: {documents.KeepCommittedReason}.");
                continue;
            }

            var generated = Path.Combine(options.Root, provider.GeneratedDirectory);
            var inputsHash = GenerationStamp.InputsHash(documents.Documents);
            if (!options.Force && LockMatches(documents) && GenerationStamp.IsUpToDate(options.Stamps, provider.Name, generated, inputsHash))
            {
                output.WriteLine($"RegenClients: {provider.Name}: up to date ({documents.Documents.Count} document(s) unchanged); no generation.");
                continue;
            }

            var watch = Stopwatch.StartNew();
            var files = Generate(documents);
            if (files is null)
            {
                return 1;
            }

            output.WriteLine($"RegenClients: {provider.Name}: generated {files.Count} file(s) from {documents.Documents.Count} document(s) in {watch.ElapsedMilliseconds} ms.");
            plans.Add((documents, files, inputsHash));
        }

        foreach (var (documents, files, inputsHash) in plans)
        {
            Write(documents, files, inputsHash);
        }

        return 0;
    }

    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var acquired = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        if (acquired is null)
        {
            return 1;
        }

        var temporary = Path.Combine(Path.GetTempPath(), "clients-spec-drift-" + Guid.NewGuid().ToString("N")[..12]);
        var drifted = false;
        var report = new StringBuilder();
        try
        {
            foreach (var documents in acquired)
            {
                var provider = documents.Provider;
                if (documents.KeepCommitted)
                {
                    output.WriteLine($"CheckSpecDrift : warning REGEN100: {provider.Name}: not checked: {documents.KeepCommittedReason}.");
                    continue;
                }

                foreach (var document in documents.Documents)
                {
                    var pulled = Path.Combine(temporary, "specs", provider.Name, document.Key.Replace('/', Path.DirectorySeparatorChar) + ".json");
                    Directory.CreateDirectory(Path.GetDirectoryName(pulled)!);
                    await File.WriteAllBytesAsync(pulled, document.Content, cancellationToken).ConfigureAwait(false);
                }

                var problems = new List<string>();
                var specLock = SpecLock.Read(options.Specs, provider.Name);
                var before = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
                var after = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
                foreach (var document in documents.Documents)
                {
                    var entry = specLock?.Find(document.Key);
                    if (entry is null)
                    {
                        problems.Add($"  {document.Key}: not in the lock (new document)");
                        after[document.Key] = document.Content;
                    }
                    else if (entry.Sha256 != document.Sha256)
                    {
                        problems.Add($"  {document.Key}: sha256 {document.Sha256[..12]}… differs from the lock's {entry.Sha256[..12]}… ({document.ReadFrom})");
                        after[document.Key] = document.Content;
                        if (PreviousDocument(provider, document.Key, entry) is { } previous)
                        {
                            before[document.Key] = previous;
                        }
                        else
                        {
                            problems.Add($"  {document.Key}: the locked version is not available locally, so no semantic diff for it");
                            after.Remove(document.Key);
                        }
                    }
                }

                foreach (var entry in specLock?.Documents ?? [])
                {
                    if (documents.Documents.All(d => d.Key != entry.Key))
                    {
                        problems.Add($"  {entry.Key}: in the lock but no longer selected or available");
                    }
                }

                var generated = Path.Combine(options.Root, provider.GeneratedDirectory);
                var files = Generate(documents);
                if (files is null)
                {
                    return 1;
                }

                var stale = StaleFiles(generated, files, Path.Combine(temporary, "generated", provider.Name));
                if (problems.Count == 0 && stale.Count == 0)
                {
                    output.WriteLine($"CheckSpecDrift: {provider.Name}: no drift ({documents.Documents.Count} document(s) match the lock, {files.Count} generated file(s) current).");
                    continue;
                }

                drifted = true;
                report.Append(provider.Name).Append(": DRIFT\n");
                foreach (var problem in problems)
                {
                    report.Append(problem).Append('\n');
                }

                if (before.Count > 0 || after.Count > 0)
                {
                    report.Append(SpecDiff.Compare(provider.Name, before, after).ToText()).Append('\n');
                }

                if (stale.Count > 0)
                {
                    report.Append("  stale generated files (run `dotnet build -t:RegenClients`):\n");
                    foreach (var file in stale)
                    {
                        report.Append("    ").Append(file).Append('\n');
                    }
                }
            }
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }

        if (drifted)
        {
            output.Write(report.ToString());
            output.WriteLine("CheckSpecDrift : error REGEN002: the providers' documents or the generated code drifted from what is committed (see above).");
            return 1;
        }

        return 0;
    }

    private async Task<List<ProviderDocuments>?> AcquireAsync(CancellationToken cancellationToken)
    {
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var resolver = new SourceResolver(options, new DocumentPuller(http, options.Timeout), http, output);
        var result = new List<ProviderDocuments>();
        foreach (var provider in Providers.All.Where(p => options.Providers.Count == 0 || options.Providers.Contains(p.Name)).Select(options.Apply))
        {
            try
            {
                result.Add(await resolver.ResolveAsync(provider, cancellationToken).ConfigureAwait(false));
            }
            catch (SpecException ex)
            {
                output.WriteLine($"RegenClients : error REGEN001: {ex.Provider}: {ex.SourceLocation}: {ex.Reason}. Nothing was changed.");
                return null;
            }
        }

        return result;
    }

    private SortedDictionary<string, string>? Generate(ProviderDocuments documents)
    {
        try
        {
            return ClientEmitter.Emit(documents.Provider, documents.Documents.Select(d => new SpecInput(d.Key, d.ReadFrom, d.Content)).ToList());
        }
        catch (SpecException ex)
        {
            output.WriteLine($"RegenClients : error REGEN001: {ex.Provider}: {ex.SourceLocation}: {ex.Reason}. Nothing was changed.");
            return null;
        }
    }

    private bool LockMatches(ProviderDocuments documents)
    {
        var specLock = SpecLock.Read(options.Specs, documents.Provider.Name);
        return specLock is not null
               && specLock.Documents.Count == documents.Documents.Count
               && documents.Documents.All(d => specLock.Find(d.Key)?.Sha256 == d.Sha256)
               && documents.Documents.All(d => d.LocalCopy is null || (File.Exists(d.LocalCopy) && Hashing.Sha256(File.ReadAllBytes(d.LocalCopy)) == d.Sha256));
    }

    private void Write(ProviderDocuments documents, SortedDictionary<string, string> files, string inputsHash)
    {
        var provider = documents.Provider;
        foreach (var document in documents.Documents)
        {
            if (document.LocalCopy is { } copy && AtomicFile.WriteIfChanged(copy, document.Content))
            {
                output.WriteLine($"RegenClients: {provider.Name}: stored {Path.GetRelativePath(options.Root, copy).Replace('\\', '/')} ({document.Content.Length} bytes).");
            }
        }

        var generated = Path.Combine(options.Root, provider.GeneratedDirectory);
        var changed = 0;
        foreach (var (relative, content) in files)
        {
            if (AtomicFile.WriteIfChanged(Path.Combine(generated, relative), Encoding.UTF8.GetBytes(content)))
            {
                changed++;
            }
        }

        var removed = 0;
        foreach (var (relative, full) in GenerationStamp.GeneratedFiles(generated))
        {
            if (!files.ContainsKey(relative))
            {
                File.Delete(full);
                removed++;
            }
        }

        var previous = SpecLock.Read(options.Specs, provider.Name);
        var now = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var entries = documents.Documents.Select(d => previous?.Find(d.Key) is { } old && old.Sha256 == d.Sha256
            ? old
            : new LockEntry(d.Key, d.Source, d.Sha256, d.Content.Length, now)).ToList();
        AtomicFile.WriteIfChanged(SpecLock.PathFor(options.Specs, provider.Name), new SpecLock(provider.Name, entries).ToBytes());
        GenerationStamp.Write(options.Stamps, provider.Name, inputsHash, files);
        output.WriteLine($"RegenClients: {provider.Name}: {changed} file(s) written, {removed} removed, {files.Count - changed} unchanged.");
    }

    private byte[]? PreviousDocument(ProviderDefinition provider, string key, LockEntry entry)
    {
        var candidates = new[]
        {
            Path.Combine(options.Specs, provider.Name, key.Replace('/', Path.DirectorySeparatorChar) + ".json"),
            Path.Combine(options.Root, entry.Source),
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && File.ReadAllBytes(candidate) is var bytes && Hashing.Sha256(bytes) == entry.Sha256)
            {
                return bytes;
            }
        }

        return null;
    }

    private static List<string> StaleFiles(string generated, SortedDictionary<string, string> files, string temporary)
    {
        var stale = new List<string>();
        var committed = GenerationStamp.GeneratedFiles(generated);
        foreach (var (relative, content) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var target = Path.Combine(temporary, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
            if (!committed.TryGetValue(relative, out var existing))
            {
                stale.Add(relative + " (missing)");
            }
            else if (!File.ReadAllBytes(existing).AsSpan().SequenceEqual(bytes))
            {
                stale.Add(relative + " (differs)");
            }
        }

        stale.AddRange(committed.Keys.Where(k => !files.ContainsKey(k)).Select(k => k + " (no longer generated)"));
        return stale;
    }
}

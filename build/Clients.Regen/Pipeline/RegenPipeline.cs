using System.Diagnostics;
using System.Text;
using Clients.Regen.Drift;
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

        if (options.GeneratedProject is { } project && options.GeneratedDirectory is { } directory)
        {
            var changed = GeneratedProjectWriter.Write(project, directory, options.Namespace ?? project.Consumer);
            output.WriteLine(changed == 0
                ? $"RegenClients: {project.Name}.csproj: up to date."
                : $"RegenClients: {project.Name}.csproj: written ({changed} file(s) changed): the generated clients build as an assembly of their own.");
        }

        return 0;
    }

    /// <summary>
    /// CheckSpecDrift: pulls every provider's documents (an invalid one is reported as such for its provider, never
    /// diffed), compares them with the lock and with the committed documents (the semantic diff), regenerates in memory
    /// and compares with the committed <c>Generated/</c> (stale files, and the generated members each change touches).
    /// Prints the report, writes it as Markdown when asked, writes nothing in the working tree.
    /// </summary>
    /// <returns>A <see cref="DriftOutcome"/> code.</returns>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new List<ProviderDrift>();
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var resolver = new SourceResolver(options, new DocumentPuller(http, options.Timeout), http, output);
        foreach (var provider in SelectedProviders())
        {
            ProviderDocuments documents;
            try
            {
                documents = await resolver.ResolveAsync(provider, cancellationToken).ConfigureAwait(false);
            }
            catch (SpecException ex)
            {
                results.Add(new ProviderDrift(provider.Name, 0, [$"{ex.SourceLocation}: {ex.Reason}"], [], null, new Dictionary<SpecChange, IReadOnlyList<string>>(), [], []));
                continue;
            }

            results.Add(documents.KeepCommitted
                ? new ProviderDrift(provider.Name, 0, [], [], null, new Dictionary<SpecChange, IReadOnlyList<string>>(), [], [], documents.KeepCommittedReason)
                : Check(documents));
        }

        output.Write(DriftReport.ToText(results));
        if (options.ReportPath is { } reportPath)
        {
            AtomicFile.WriteIfChanged(Path.GetFullPath(reportPath), Encoding.UTF8.GetBytes(DriftReport.ToMarkdown(results)));
            output.WriteLine($"CheckSpecDrift: Markdown report written to {reportPath}.");
        }

        var outcome = DriftReport.Outcome(results);
        switch (outcome)
        {
            case DriftOutcome.Error:
                output.WriteLine("CheckSpecDrift : error REGEN005: a pulled document is invalid (see above); nothing was compared for its provider.");
                break;
            case DriftOutcome.Breaking:
                output.WriteLine("CheckSpecDrift : error REGEN002: BREAKING drift: the providers' documents or the generated code changed in ways that can break callers (see above).");
                break;
            case DriftOutcome.NonBreaking when options.FailOnBreakingOnly:
                output.WriteLine("CheckSpecDrift : warning REGEN004: non-breaking drift (see above); SpecDriftFailOn=Breaking lets it pass. Run `dotnet build -t:RegenClients` to take it.");
                break;
            case DriftOutcome.NonBreaking:
                output.WriteLine("CheckSpecDrift : error REGEN004: non-breaking drift (see above). Run `dotnet build -t:RegenClients` to take it, or pass -p:SpecDriftFailOn=Breaking to fail only on breaking drift.");
                break;
        }

        return outcome;
    }

    private ProviderDrift Check(ProviderDocuments documents)
    {
        var provider = documents.Provider;
        var facts = new List<string>();
        var specLock = SpecLock.Read(options.Specs, provider.Name);
        var before = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var after = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var document in documents.Documents)
        {
            var entry = specLock?.Find(document.Key);
            if (entry is null)
            {
                facts.Add($"{document.Key}: not in the lock (new document)");
                after[document.Key] = document.Content;
            }
            else if (entry.Sha256 != document.Sha256)
            {
                facts.Add($"{document.Key}: sha256 {document.Sha256[..12]}… differs from the lock's {entry.Sha256[..12]}… ({document.ReadFrom})");
                if (PreviousDocument(provider, document, entry) is { } previous)
                {
                    before[document.Key] = previous;
                    after[document.Key] = document.Content;
                }
                else
                {
                    facts.Add($"{document.Key}: the locked version is not available under specs/ (it should be committed), so no semantic diff for it");
                }
            }
        }

        foreach (var entry in specLock?.Documents ?? [])
        {
            if (documents.Documents.All(d => d.Key != entry.Key))
            {
                facts.Add($"{entry.Key}: in the lock but no longer selected or available");
                if (PreviousDocument(provider, null, entry) is { } previous)
                {
                    before[entry.Key] = previous;
                }
            }
        }

        var files = Generate(documents);
        if (files is null)
        {
            return new ProviderDrift(provider.Name, documents.Documents.Count, ["generation failed (see above)"], facts, null, new Dictionary<SpecChange, IReadOnlyList<string>>(), [], []);
        }

        var generated = Path.Combine(options.Root, provider.GeneratedDirectory);
        var committed = GenerationStamp.GeneratedFiles(generated);
        var stale = StaleFiles(committed, files);
        var diff = before.Count > 0 || after.Count > 0 ? SpecDiff.Compare(provider.Name, before, after) : null;
        IReadOnlyList<MemberChange> memberChanges = [];
        IReadOnlyDictionary<SpecChange, IReadOnlyList<string>> members = new Dictionary<SpecChange, IReadOnlyList<string>>();
        if (stale.Count > 0 || diff is { HasChanges: true })
        {
            var beforeSurface = GeneratedSurface.Read(committed.Values.Select(File.ReadAllText));
            var afterSurface = GeneratedSurface.Read(files.Values);
            memberChanges = GeneratedSurface.Compare(beforeSurface, afterSurface);
            if (diff is not null)
            {
                members = ChangedMembers.Map(diff, beforeSurface, afterSurface, memberChanges);
            }
        }

        return new ProviderDrift(provider.Name, documents.Documents.Count, [], facts, diff, members, memberChanges, stale);
    }

    private async Task<List<ProviderDocuments>?> AcquireAsync(CancellationToken cancellationToken)
    {
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var resolver = new SourceResolver(options, new DocumentPuller(http, options.Timeout), http, output);
        var result = new List<ProviderDocuments>();
        foreach (var provider in SelectedProviders())
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

    private IEnumerable<ProviderDefinition> SelectedProviders() =>
        options.AllProviders.Where(p => options.Providers.Count == 0 || options.Providers.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).Select(options.Apply);

    private SortedDictionary<string, string>? Generate(ProviderDocuments documents)
    {
        try
        {
            return ClientEmitter.Emit(documents.Provider, documents.Documents.Select(d => new SpecInput(d.Key, d.ReadFrom, d.Content, DirectoryOf(d.ReadFrom))).ToList());
        }
        catch (SpecException ex)
        {
            output.WriteLine($"RegenClients : error REGEN001: {ex.Provider}: {ex.SourceLocation}: {ex.Reason}. Nothing was changed.");
            return null;
        }
    }

    /// <summary>The folder a document's local external <c>$ref</c>s are read from; null for a URL.</summary>
    private string? DirectoryOf(string readFrom) =>
        readFrom.Contains("://", StringComparison.Ordinal) ? null : Path.GetDirectoryName(Path.GetFullPath(Path.Combine(options.Root, readFrom)));

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

    private byte[]? PreviousDocument(ProviderDefinition provider, PulledDocument? document, LockEntry entry)
    {
        var candidates = new List<string>
        {
            Path.Combine(options.Specs, provider.Name, entry.Key.Replace('/', Path.DirectorySeparatorChar) + ".json"),
        };
        if (document?.LocalCopy is { } stored)
        {
            candidates.Add(stored);
        }

        if (!entry.Source.Contains("://", StringComparison.Ordinal))
        {
            candidates.Add(Path.Combine(options.Root, entry.Source));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && File.ReadAllBytes(candidate) is var bytes && Hashing.Sha256(bytes) == entry.Sha256)
            {
                return bytes;
            }
        }

        return null;
    }

    private static List<string> StaleFiles(IReadOnlyDictionary<string, string> committed, SortedDictionary<string, string> files)
    {
        var stale = new List<string>();
        foreach (var (relative, content) in files)
        {
            if (!committed.TryGetValue(relative, out var existing))
            {
                stale.Add(relative + " (missing)");
            }
            else if (!File.ReadAllBytes(existing).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(content)))
            {
                stale.Add(relative + " (differs)");
            }
        }

        stale.AddRange(committed.Keys.Where(k => !files.ContainsKey(k)).Select(k => k + " (no longer generated)"));
        return stale;
    }
}

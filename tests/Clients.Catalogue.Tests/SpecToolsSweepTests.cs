using Clients.SpecTools;

namespace Clients.Catalogue.Tests;

/// <summary>The validator and the semantic diff over every OVH document of the spec source.</summary>
public sealed class SpecToolsSweepTests
{
    [Fact]
    public void Every_mirror_document_is_accepted_with_its_operations()
    {
        var documents = SpecMirror.OvhDocuments();

        var results = documents
            .Select(d => (d.Key, Result: SpecValidator.Validate(File.ReadAllBytes(d.Path), "application/json", new SpecSource("ovh", d.Key, d.Path))))
            .ToList();

        documents.Should().HaveCount(22);
        results.Where(r => !r.Result.IsValid).Select(r => r.Key + ": " + r.Result.Reason).Should().BeEmpty();
        results.Sum(r => r.Result.OperationCount).Should().Be(1932);
    }

    [Fact]
    public void Every_mirror_document_diffed_against_itself_has_no_changes()
    {
        var documents = SpecMirror.OvhDocuments().ToDictionary(d => d.Key, d => (ReadOnlyMemory<byte>)File.ReadAllBytes(d.Path), StringComparer.Ordinal);

        var report = SpecDiff.Compare("ovh", documents, documents);

        report.Changes.Should().BeEmpty();
    }
}

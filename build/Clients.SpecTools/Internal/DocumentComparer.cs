using System.Globalization;

namespace Clients.SpecTools.Internal;

/// <summary>Compares two versions of one document: operations, then named schemas with usage-aware classification.</summary>
internal static class DocumentComparer
{
    public static void Compare(string key, SpecDocumentModel before, SpecDocumentModel after, List<SpecChange> changes)
    {
        var schemas = new SchemaComparer(before, after);
        foreach (var operationKey in before.Operations.Keys.Union(after.Operations.Keys, StringComparer.Ordinal))
        {
            var inBefore = before.Operations.TryGetValue(operationKey, out var old);
            var inAfter = after.Operations.TryGetValue(operationKey, out var now);
            if (!inBefore)
            {
                changes.Add(new(SpecChangeKind.OperationAdded, key, now!.Subject, Describe("operation added", now), false));
            }
            else if (!inAfter)
            {
                changes.Add(new(SpecChangeKind.OperationRemoved, key, old!.Subject, Describe("operation removed", old), true));
            }
            else
            {
                foreach (var finding in OperationComparer.Compare(old!, now!, schemas))
                {
                    changes.Add(new(SpecChangeKind.OperationChanged, key, now!.Subject, finding.Detail, finding.Breaking));
                }
            }
        }

        var usageBefore = SchemaUsage.Compute(before);
        var usageAfter = SchemaUsage.Compute(after);
        foreach (var name in before.Schemas.Keys.Union(after.Schemas.Keys, StringComparer.Ordinal))
        {
            var subject = $"schema {name}";
            if (!before.Schemas.ContainsKey(name))
            {
                changes.Add(new(SpecChangeKind.SchemaAdded, key, subject, "schema added", false));
                continue;
            }

            if (!after.Schemas.ContainsKey(name))
            {
                changes.Add(new(SpecChangeKind.SchemaRemoved, key, subject, "schema removed", true)
                {
                    AffectedOperations = Sorted(usageBefore.OperationsOf(name)),
                });
                continue;
            }

            var findings = new List<SchemaFinding>();
            schemas.CompareComponents(name, usageBefore.DirectionOf(name) | usageAfter.DirectionOf(name), findings);
            if (findings.Count == 0)
            {
                continue;
            }

            var affected = Sorted(usageBefore.OperationsOf(name).Concat(usageAfter.OperationsOf(name)));
            foreach (var finding in findings)
            {
                changes.Add(new(SpecChangeKind.SchemaChanged, key, subject, finding.Detail, finding.Breaking) { AffectedOperations = affected });
            }
        }
    }

    public static string Summarize(SpecDocumentModel document) =>
        string.Create(CultureInfo.InvariantCulture, $"{document.Operations.Count} operations, {document.Schemas.Count} schemas");

    private static string Describe(string what, OperationModel operation) =>
        string.IsNullOrWhiteSpace(operation.Summary) ? what : $"{what}: {Shorten(operation.Summary)}";

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 100 ? flat : flat[..97] + "...";
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> operations) =>
        operations.Distinct(StringComparer.Ordinal).Order(ChangeOrder.Operations).ToList();
}

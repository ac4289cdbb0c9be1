namespace Clients.SpecTools.Internal;

/// <summary>Compares two versions of one operation: flags, path parameter names, parameters, request body, success responses.</summary>
internal static class OperationComparer
{
    public static List<SchemaFinding> Compare(OperationModel before, OperationModel after, SchemaComparer schemas)
    {
        var findings = new List<SchemaFinding>();
        if (!string.Equals(before.Path, after.Path, StringComparison.Ordinal))
        {
            // Same template with other parameter names: the URL on the wire is unchanged, the C# parameter is renamed.
            findings.Add(new($"path parameters renamed: {before.Path} → {after.Path}", false));
        }

        if (before.Deprecated != after.Deprecated)
        {
            findings.Add(new(after.Deprecated ? "deprecated" : "no longer deprecated", false));
        }

        if (!string.Equals(before.OperationId, after.OperationId, StringComparison.Ordinal))
        {
            findings.Add(new($"operationId '{before.OperationId ?? "none"}' → '{after.OperationId ?? "none"}' (the generated method name may change)", false));
        }

        if (!before.Tags.SequenceEqual(after.Tags, StringComparer.Ordinal))
        {
            findings.Add(new($"tags [{string.Join(", ", before.Tags)}] → [{string.Join(", ", after.Tags)}] (the generated method may move to another interface)", false));
        }

        CompareParameters(before, after, schemas, findings);
        CompareRequestBody(before.RequestBody, after.RequestBody, schemas, findings);
        CompareResponses(before, after, schemas, findings);
        return findings;
    }

    private static void CompareParameters(OperationModel before, OperationModel after, SchemaComparer schemas, List<SchemaFinding> findings)
    {
        foreach (var key in before.Parameters.Keys.Union(after.Parameters.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            before.Parameters.TryGetValue(key, out var old);
            after.Parameters.TryGetValue(key, out var now);
            if (old is null)
            {
                findings.Add(new($"{now!.Label} added{(now.Required ? ", required" : ", optional")}", now.Required));
                continue;
            }

            if (now is null)
            {
                findings.Add(new($"{old.Label} removed", true));
                continue;
            }

            if (old.Required != now.Required)
            {
                findings.Add(new($"{now.Label}: {(now.Required ? "now required" : "no longer required")}", now.Required));
            }

            if (old.Deprecated != now.Deprecated)
            {
                findings.Add(new($"{now.Label}: {(now.Deprecated ? "deprecated" : "no longer deprecated")}", false));
            }

            if (old.Schema is { } oldSchema && now.Schema is { } newSchema)
            {
                schemas.Compare(oldSchema, newSchema, SchemaDirection.Request, now.Label, findings);
            }
        }
    }

    private static void CompareRequestBody(BodyModel? before, BodyModel? after, SchemaComparer schemas, List<SchemaFinding> findings)
    {
        switch (before, after)
        {
            case (null, null):
                return;
            case (null, { } added):
                findings.Add(new($"request body added{(added.Required ? ", required" : ", optional")}", added.Required));
                return;
            case ({ }, null):
                findings.Add(new("request body removed", true));
                return;
        }

        if (before.Required != after.Required)
        {
            findings.Add(new(after.Required ? "request body now required" : "request body no longer required", after.Required));
        }

        CompareBody("request body", before, after, SchemaDirection.Request, schemas, findings);
    }

    private static void CompareResponses(OperationModel before, OperationModel after, SchemaComparer schemas, List<SchemaFinding> findings)
    {
        foreach (var code in before.SuccessResponses.Keys.Union(after.SuccessResponses.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var label = $"response {code}";
            var inBefore = before.SuccessResponses.TryGetValue(code, out var old);
            var inAfter = after.SuccessResponses.TryGetValue(code, out var now);
            if (!inBefore)
            {
                findings.Add(new($"{label} added", false));
            }
            else if (!inAfter)
            {
                findings.Add(new($"{label} removed", true));
            }
            else
            {
                CompareBody(label, old!, now!, SchemaDirection.Response, schemas, findings);
            }
        }
    }

    private static void CompareBody(string label, BodyModel before, BodyModel after, SchemaDirection direction, SchemaComparer schemas, List<SchemaFinding> findings)
    {
        if (!string.Equals(before.MediaType, after.MediaType, StringComparison.Ordinal) && before.MediaType is not null && after.MediaType is not null)
        {
            findings.Add(new($"{label}: media type {before.MediaType} → {after.MediaType}", true));
        }

        switch (before.Schema, after.Schema)
        {
            case (null, null):
                return;
            case (null, { }):
                // A response that gains a body is harmless to a reader; a request body that gains a schema is stricter.
                findings.Add(new($"{label}: now has a schema", direction == SchemaDirection.Request));
                return;
            case ({ }, null):
                findings.Add(new($"{label}: no longer has a schema", direction == SchemaDirection.Response));
                return;
            case ({ } old, { } now):
                schemas.Compare(old, now, direction, label, findings);
                return;
        }
    }
}

namespace Clients.SpecTools.Internal;

/// <summary>The deterministic order of changes: document, then document-level, operation and schema changes; operations by path then method.</summary>
internal sealed class ChangeOrder : IComparer<SpecChange>
{
    public static ChangeOrder Instance { get; } = new();

    /// <summary>Orders <c>METHOD path</c> subjects by path, then by method in <see cref="OpenApiShape.Methods"/> order.</summary>
    public static IComparer<string> Operations { get; } = Comparer<string>.Create(CompareOperations);

    public int Compare(SpecChange? x, SpecChange? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var result = string.CompareOrdinal(x.Document, y.Document);
        if (result == 0)
        {
            result = Group(x.Kind).CompareTo(Group(y.Kind));
        }

        if (result == 0)
        {
            result = Group(x.Kind) == 1 ? CompareOperations(x.Subject, y.Subject) : string.CompareOrdinal(x.Subject, y.Subject);
        }

        if (result == 0)
        {
            result = x.Kind.CompareTo(y.Kind);
        }

        return result != 0 ? result : string.CompareOrdinal(x.Detail, y.Detail);
    }

    private static int Group(SpecChangeKind kind) => kind switch
    {
        SpecChangeKind.DocumentAdded or SpecChangeKind.DocumentRemoved => 0,
        SpecChangeKind.OperationAdded or SpecChangeKind.OperationRemoved or SpecChangeKind.OperationChanged => 1,
        _ => 2,
    };

    private static int CompareOperations(string? x, string? y)
    {
        var (methodX, pathX) = Split(x ?? string.Empty);
        var (methodY, pathY) = Split(y ?? string.Empty);
        var result = string.CompareOrdinal(pathX, pathY);
        return result != 0 ? result : MethodRank(methodX).CompareTo(MethodRank(methodY));
    }

    private static (string Method, string Path) Split(string subject)
    {
        var space = subject.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (string.Empty, subject) : (subject[..space], subject[(space + 1)..]);
    }

    private static int MethodRank(string method) => Array.IndexOf(OpenApiShape.Methods, method.ToLowerInvariant());
}

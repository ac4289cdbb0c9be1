namespace Clients.Sandbox.Ovh;

/// <summary>
/// OVH's access-rule semantics. A rule grants a call when its method equals the call's method and its
/// path pattern matches the call's path (without the <c>/1.0</c> or <c>/v1</c> prefix; v2 calls keep
/// <c>/v2</c>). In a pattern, a trailing <c>*</c> matches any rest, slashes included (<c>/*</c> is
/// everything; <c>/me/*</c> is everything under <c>/me</c> but not <c>/me</c> itself), and a <c>*</c>
/// anywhere else matches within one path segment (<c>/domain/*/record</c>).
/// </summary>
public static class OvhAccessRuleMatcher
{
    /// <summary>True when one of <paramref name="rules"/> grants <paramref name="method"/> on <paramref name="path"/>.</summary>
    /// <param name="rules">The consumer key's rules.</param>
    /// <param name="method">The call's HTTP method.</param>
    /// <param name="path">The call's path as sent (percent-encoding preserved), without query string.</param>
    /// <returns>Whether the call is granted.</returns>
    public static bool IsGranted(IEnumerable<OvhSandboxAccessRule> rules, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (string.Equals(rule.Method, method, StringComparison.Ordinal) && Matches(rule.Path, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="pattern"/> matches <paramref name="path"/>.</summary>
    /// <param name="pattern">A rule's path pattern.</param>
    /// <param name="path">A call's path.</param>
    /// <returns>Whether it matches.</returns>
    public static bool Matches(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        return Matches(pattern.AsSpan(), path.AsSpan());
    }

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.SequenceEqual(path);
        }

        if (!path.StartsWith(pattern[..star]))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        path = path[star..];
        if (rest.IsEmpty)
        {
            return true;
        }

        // A '*' before the end stays inside one segment: try every length up to the next '/'.
        var segmentEnd = path.IndexOf('/');
        for (var taken = segmentEnd < 0 ? path.Length : segmentEnd; taken >= 0; taken--)
        {
            if (Matches(rest, path[taken..]))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Text.RegularExpressions;

namespace Clients.Docs.Tests;

/// <summary>
/// Resolves a relative link the way GitHub renders it: a path from the linking file's folder (or from the repository
/// root when it starts with <c>/</c>) to an existing file or folder, and an <c>#anchor</c> to a heading of the target
/// Markdown file (<c>#L12</c> / <c>#L12-L20</c> for other files).
/// </summary>
internal static partial class LinkChecker
{
    /// <summary>Null when the link resolves; else why not.</summary>
    /// <param name="link">The link.</param>
    /// <param name="root">The repository root.</param>
    /// <param name="anchorsOf">The anchors of a Markdown file, by repository-relative path (parsing it if need be).</param>
    public static string? Problem(MarkdownLink link, string root, Func<string, IReadOnlySet<string>> anchorsOf)
    {
        if (link.IsExternal)
        {
            return null;
        }

        var hash = link.Target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? link.Target : link.Target[..hash]);
        var anchor = hash < 0 ? null : link.Target[(hash + 1)..];

        string target;
        if (path.Length == 0)
        {
            target = link.File;
        }
        else
        {
            var full = path.StartsWith('/')
                ? Path.GetFullPath(Path.Combine(root, path.TrimStart('/')))
                : Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(link.File) ?? "", path));
            var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == "..")
            {
                return $"{link.Location}: '{link.Target}' leaves the repository (a fresh clone has nothing beside it)";
            }

            if (!File.Exists(full) && !Directory.Exists(full))
            {
                return $"{link.Location}: '{link.Target}' points to {relative}, which does not exist";
            }

            target = relative;
        }

        if (string.IsNullOrEmpty(anchor))
        {
            return null;
        }

        if (!target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return LineAnchor().IsMatch(anchor) && File.Exists(Path.Combine(root, target))
                ? null
                : $"{link.Location}: '{link.Target}': #{anchor} is not a line anchor (#L12, #L12-L20) of {target}";
        }

        var anchors = anchorsOf(target);
        return anchors.Contains(anchor)
            ? null
            : $"{link.Location}: '{link.Target}': {target} has no heading whose anchor is #{anchor} (it has: {string.Join(", ", anchors.Order(StringComparer.Ordinal).Take(40))})";
    }

    [GeneratedRegex(@"^L\d+(-L\d+)?$")]
    private static partial Regex LineAnchor();
}

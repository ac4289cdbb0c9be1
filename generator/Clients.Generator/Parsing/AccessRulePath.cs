using System;
using System.Text;
using Clients.Generator.Models;

namespace Clients.Generator.Parsing;

/// <summary>
/// Turns a Refit verb and path template into an access rule the OVH way: path parameters become <c>*</c>, the query
/// string is dropped. Pure string work, no symbols.
/// </summary>
internal static class AccessRulePath
{
    private static readonly string[] AllowedMethods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    /// <summary>Converts; on failure returns null and says why in <paramref name="reason"/>.</summary>
    public static AccessRuleModel? TryCreate(string httpMethod, string pathTemplate, out string? reason)
    {
        reason = null;
        if (Array.IndexOf(AllowedMethods, httpMethod) < 0)
        {
            reason = "access rules cover only GET, POST, PUT, DELETE and PATCH";
            return null;
        }

        var path = pathTemplate;
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path.Substring(0, query);
        }

        if (path.Length == 0 || path[0] != '/')
        {
            reason = "the path does not start with '/'";
            return null;
        }

        var segments = path.Substring(1).Split('/');
        var rule = new StringBuilder(path.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            rule.Append('/');
            if (segment.IndexOf('*') >= 0 && !IsParameter(segment))
            {
                reason = $"the segment '{segment}' holds a literal '*'";
                return null;
            }

            if (IsParameter(segment))
            {
                if (segment.StartsWith("{**", StringComparison.Ordinal) && i != segments.Length - 1)
                {
                    reason = $"the catch-all parameter '{segment}' is not the last segment";
                    return null;
                }

                rule.Append('*');
                continue;
            }

            if (segment.IndexOf('{') >= 0 || segment.IndexOf('}') >= 0)
            {
                reason = $"the segment '{segment}' mixes literal text and a parameter (or has unbalanced braces)";
                return null;
            }

            rule.Append(segment);
        }

        return new AccessRuleModel(httpMethod, rule.ToString());
    }

    private static bool IsParameter(string segment) =>
        segment.Length > 2
        && segment[0] == '{'
        && segment[segment.Length - 1] == '}'
        && segment.IndexOf('{', 1) < 0
        && segment.IndexOf('}') == segment.Length - 1;
}

using System;

namespace Clients.Generator.Models;

/// <summary>One access rule: an HTTP verb and a path whose parameters are written as <c>*</c>.</summary>
internal sealed record AccessRuleModel(string HttpMethod, string Path) : IComparable<AccessRuleModel>
{
    public int CompareTo(AccessRuleModel? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = string.CompareOrdinal(Path, other.Path);
        return byPath != 0 ? byPath : string.CompareOrdinal(HttpMethod, other.HttpMethod);
    }
}

using System.Globalization;

namespace Clients.Regen.Emit;

/// <summary>
/// The names System.Text.Json's source generator gives the <c>JsonTypeInfo</c> properties of the serializer context,
/// one per type it meets (roots and every type reachable from them), and the explicit <c>TypeInfoPropertyName</c>s
/// that keep them apart: two types a document can name alike (its own <c>String</c> schema and <c>string</c>, or
/// <c>IReadOnlyList&lt;String&gt;</c> and <c>IReadOnlyList&lt;string&gt;</c>: SYSLIB1031), or a type named like a
/// member the context already has (<c>Default</c>, <c>Options</c>, <c>GetTypeInfo</c>…: CS0102, CS0108).
/// Without such a clash no name is given, so the context reads as it always has.
/// </summary>
internal sealed class ContextTypeNames(string contextName, string modelsNamespace)
{
    private static readonly string[] ContextMembers =
    [
        "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    ];

    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["string"] = "String", ["object"] = "Object", ["bool"] = "Boolean", ["int"] = "Int32", ["long"] = "Int64",
        ["float"] = "Single", ["double"] = "Double", ["decimal"] = "Decimal", ["short"] = "Int16", ["byte"] = "Byte",
    };

    private readonly SortedSet<string> _types = new(StringComparer.Ordinal);

    /// <summary>Records a type the context meets, with the types inside it.</summary>
    /// <param name="cs">The type's spelling (a reference type's <c>?</c> left off).</param>
    /// <param name="nullableValue">Whether it is met as <c>Nullable&lt;T&gt;</c> (a value type's <c>?</c>).</param>
    public void Add(string cs, bool nullableValue = false)
    {
        if (nullableValue)
        {
            _types.Add(cs + "?");
        }

        AddWithArguments(cs);
    }

    /// <summary>The types that need an explicit property name, with that name; empty when nothing clashes.</summary>
    public SortedDictionary<string, string> Explicit()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var reserved = new HashSet<string>(ContextMembers, StringComparer.Ordinal) { contextName };
        var groups = _types.GroupBy(PropertyName, StringComparer.Ordinal).ToList();
        var taken = new HashSet<string>(groups.Select(g => g.Key), StringComparer.Ordinal);
        taken.UnionWith(reserved);
        var modelsPrefix = "global::" + modelsNamespace + ".";
        foreach (var group in groups)
        {
            // The document's own types give way to the platform's (string keeps "String"); then ordinal order.
            var members = group.OrderBy(t => t.StartsWith(modelsPrefix, StringComparison.Ordinal) ? 1 : 0)
                .ThenBy(t => t, StringComparer.Ordinal)
                .ToList();
            var renamed = reserved.Contains(group.Key) ? members : members.Skip(1);
            foreach (var type in renamed)
            {
                var name = group.Key;
                for (var i = 2; !taken.Add(name); i++)
                {
                    name = group.Key + i.ToString(CultureInfo.InvariantCulture);
                }

                result[type] = name;
            }
        }

        return result;
    }

    /// <summary>The generator's default name: the type's simple CLR name followed by its type arguments' names.</summary>
    internal static string PropertyName(string cs)
    {
        if (cs.EndsWith('?'))
        {
            return "Nullable" + PropertyName(cs[..^1]);
        }

        if (cs.EndsWith("[]", StringComparison.Ordinal))
        {
            return PropertyName(cs[..^2]) + "Array";
        }

        if (Keywords.TryGetValue(cs, out var keyword))
        {
            return keyword;
        }

        var open = cs.IndexOf('<', StringComparison.Ordinal);
        var head = open < 0 ? cs : cs[..open];
        var simple = head[(Math.Max(head.LastIndexOf('.'), head.LastIndexOf(':')) + 1)..].TrimStart('@');
        return open < 0 ? simple : simple + string.Concat(Arguments(cs).Select(PropertyName));
    }

    private void AddWithArguments(string cs)
    {
        if (!_types.Add(cs))
        {
            return;
        }

        foreach (var argument in Arguments(cs))
        {
            AddWithArguments(argument);
        }
    }

    private static List<string> Arguments(string cs)
    {
        var result = new List<string>();
        var open = cs.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
        {
            return result;
        }

        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < cs.Length; i++)
        {
            switch (cs[i])
            {
                case '<':
                    depth++;
                    break;
                case '>' when depth == 0:
                    result.Add(cs[start..i].Trim());
                    return result;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    result.Add(cs[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        return result;
    }
}

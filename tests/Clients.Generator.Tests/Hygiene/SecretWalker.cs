using System.Collections;
using System.Reflection;
using System.Text;

namespace Clients.Generator.Tests.Hygiene;

/// <summary>
/// Writes an object out the way a structured logger destructures it: every public instance property, recursively
/// (headers, options, dictionaries and lists enumerated; <see cref="Exception.Data"/> included), each value's
/// <see cref="object.ToString"/>, and the exception's own <see cref="Exception.ToString"/>. Streams and contents are
/// not read (a logger does not), reflection metadata is written by name only.
/// </summary>
internal static class SecretWalker
{
    public static string Serialize(object root)
    {
        var text = new StringBuilder();
        Walk(root, "$", text, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
        return text.ToString();
    }

    private static void Walk(object? value, string path, StringBuilder text, HashSet<object> seen, int depth)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (value is string or Uri or Version or decimal or DateTime or DateTimeOffset or TimeSpan or Guid || type.IsPrimitive || type.IsEnum)
        {
            text.Append(path).Append(" = ").Append(value).Append('\n');
            return;
        }

        // Structs (a header's KeyValuePair, for one) are walked like objects; boxed anew each time, so not tracked.
        if ((!type.IsValueType && !seen.Add(value)) || depth > 12 || value is MemberInfo or Module or Assembly or Delegate or Stream or Type
            || type.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true)
        {
            text.Append(path).Append(" : ").Append(SafeToString(value)).Append('\n');
            return;
        }

        text.Append(path).Append(" : ").Append(SafeToString(value)).Append('\n');
        if (value is IEnumerable sequence and not HttpContent)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                if (i++ > 200)
                {
                    break;
                }

                if (item is DictionaryEntry entry)
                {
                    Walk(entry.Key, $"{path}[{i}].Key", text, seen, depth + 1);
                    Walk(entry.Value, $"{path}[{i}].Value", text, seen, depth + 1);
                }
                else
                {
                    Walk(item, $"{path}[{i}]", text, seen, depth + 1);
                }
            }
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            object? child;
            try
            {
                child = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            Walk(child, path + "." + property.Name, text, seen, depth + 1);
        }
    }

    private static string SafeToString(object value)
    {
        try
        {
            return value.ToString() ?? string.Empty;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ObjectDisposedException)
        {
            return "(ToString threw " + ex.GetType().Name + ")";
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>
/// A string a schema's <c>pattern</c> accepts, for the sweep's sample values: the pattern walked once (literals, escapes,
/// character classes, groups with their first alternative, quantifiers at their smallest non-empty count; lookarounds
/// produce nothing), then, when the walk does not match (a lookahead asks for more), a few common shapes. Every answer
/// is checked with .NET's own <see cref="Regex"/>; null when none fits.
/// </summary>
internal static class PatternSamples
{
    private static readonly string[] Fallbacks = ["Sample1!x", "sample", "a", "0", "a-0", "Abcdef12!"];

    public static string? For(string pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }

        string? walked = null;
        try
        {
            var position = 0;
            walked = Sequence(pattern, ref position);
        }
        catch (Exception exception) when (exception is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // A construct the walk does not know: only the fallbacks are tried.
        }

        return new[] { walked }.Concat(Fallbacks).FirstOrDefault(candidate => candidate is not null && regex.IsMatch(candidate));
    }

    // A sequence of atoms up to ')' or the end; alternatives after the first '|' are skipped.
    private static string Sequence(string pattern, ref int i)
    {
        var text = new StringBuilder();
        while (i < pattern.Length && pattern[i] != ')')
        {
            if (pattern[i] == '|')
            {
                SkipAlternatives(pattern, ref i);
                break;
            }

            var atom = Atom(pattern, ref i);
            var count = Quantifier(pattern, ref i);
            for (var n = 0; n < count; n++)
            {
                text.Append(atom);
            }
        }

        return text.ToString();
    }

    private static void SkipAlternatives(string pattern, ref int i)
    {
        var depth = 0;
        for (; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    SkipClass(pattern, ref i);
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth == 0:
                    return;
                case ')':
                    depth--;
                    break;
            }
        }
    }

    // From '[' to its ']' (left on it).
    private static void SkipClass(string pattern, ref int i)
    {
        i += pattern[i + 1] == '^' ? 2 : 1;
        var opening = true;
        while (opening || pattern[i] != ']')
        {
            opening = false;
            i += pattern[i] == '\\' ? 2 : 1;
        }
    }

    private static string Atom(string pattern, ref int i)
    {
        var c = pattern[i++];
        switch (c)
        {
            case '^' or '$':
                return "";
            case '.':
                return "a";
            case '\\':
                return Escape(pattern, ref i, inClass: false);
            case '[':
                return Class(pattern, ref i);
            case '(':
                var lookaround = false;
                if (pattern[i] == '?')
                {
                    // (?:…) groups; (?=…) (?!…) (?<=…) (?<!…) assert without producing text.
                    lookaround = pattern[i + 1] is '=' or '!' || (pattern[i + 1] == '<' && pattern[i + 2] is '=' or '!');
                    i += pattern[i + 1] == '<' ? 3 : 2;
                }

                var inner = Sequence(pattern, ref i);
                if (pattern[i++] != ')')
                {
                    throw new FormatException("unclosed group");
                }

                return lookaround ? "" : inner;
            default:
                return c.ToString();
        }
    }

    private static string Escape(string pattern, ref int i, bool inClass)
    {
        var c = pattern[i++];
        switch (c)
        {
            case 'd':
                return "0";
            case 'w' or 'S' or 'D':
                return "a";
            case 's':
                return " ";
            case 'W':
                return "-";
            case 'b' or 'B' when !inClass:
                return "";
            case 'p' or 'P':
                // \p{L}, \p{N}…: a letter or a digit in their class, a letter otherwise.
                var end = pattern.IndexOf('}', i);
                var name = pattern[(i + 1)..end];
                i = end + 1;
                return c == 'p' && name.StartsWith('N') ? "0" : c == 'p' && name.StartsWith('Z') ? " " : "a";
            case 'u':
                var code = int.Parse(pattern.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                i += 4;
                return ((char)code).ToString();
            case 'n':
                return "\n";
            case 't':
                return "\t";
            default:
                return c.ToString();
        }
    }

    // The first member of a class ([a-z0-9_] → "a"); for a negated class, the first common character it does not exclude.
    private static string Class(string pattern, ref int i)
    {
        var open = i - 1;
        var negated = pattern[i] == '^';
        var start = negated ? i + 1 : i;
        string? first = null;
        i = start;
        var opening = true; // a ']' right after '[' or '[^' is a member
        while (opening || pattern[i] != ']')
        {
            opening = false;
            string member;
            if (pattern[i] == '\\')
            {
                i++;
                member = Escape(pattern, ref i, inClass: true);
            }
            else
            {
                member = pattern[i++].ToString();
            }

            first ??= member;
        }

        var close = i;
        i++;
        if (!negated)
        {
            return first ?? throw new FormatException("empty class");
        }

        var body = new Regex("^" + pattern[open..(close + 1)] + "$", RegexOptions.CultureInvariant);
        return "aA0-_x.".Select(ch => ch.ToString()).FirstOrDefault(body.IsMatch) ?? throw new FormatException("negated class excludes every candidate");
    }

    // {n}, {n,}, {n,m}, +, *, ? (and their lazy forms): the smallest count that is not empty, when one is allowed.
    private static int Quantifier(string pattern, ref int i)
    {
        if (i >= pattern.Length)
        {
            return 1;
        }

        int count;
        switch (pattern[i])
        {
            case '+' or '*' or '?':
                i++;
                count = 1;
                break;
            case '{' when pattern.IndexOf('}', i) is var end and > 0 && Regex.IsMatch(pattern[(i + 1)..end], @"^\d+(,\d*)?$"):
                var bounds = pattern[(i + 1)..end].Split(',');
                var min = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                var max = bounds.Length > 1 && bounds[1].Length > 0 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : int.MaxValue;
                count = Math.Min(Math.Max(min, 1), max);
                i = end + 1;
                break;
            default:
                return 1;
        }

        if (i < pattern.Length && pattern[i] == '?')
        {
            i++;
        }

        return count;
    }
}

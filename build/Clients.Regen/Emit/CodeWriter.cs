using System.Text;

namespace Clients.Regen.Emit;

/// <summary>A small indentation-aware writer that always ends lines with <c>\n</c>.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public void DocSummary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Line("/// <summary>");
        foreach (var line in Naming.XmlLines(text))
        {
            Line("/// " + line);
        }

        Line("/// </summary>");
    }

    public void DocTag(string tag, string attributes, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = Naming.XmlLines(text);
        if (lines.Count == 1)
        {
            Line($"/// <{tag}{attributes}>{lines[0]}</{tag}>");
            return;
        }

        Line($"/// <{tag}{attributes}>");
        foreach (var line in lines)
        {
            Line("/// " + line);
        }

        Line($"/// </{tag}>");
    }

    public override string ToString() => _builder.ToString();
}

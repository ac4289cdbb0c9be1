using System.Text;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>One public API document of the corpus.</summary>
/// <param name="Name">Its file name (unique over the corpus).</param>
/// <param name="Path">Where it is read from.</param>
/// <param name="Origin"><c>shared</c> (../shared/corpus, read in CI, never copied) or <c>committed</c> (tests/Clients.Catalogue.Tests/Corpus).</param>
internal sealed record CorpusDocument(string Name, string Path, string Origin)
{
    /// <summary>A C# identifier made of the file name (<c>amazonaws.com_ds_2015-04-16.json</c> → <c>AmazonawsComDs20150416</c>): the document's namespace.</summary>
    public string Identifier
    {
        get
        {
            var text = new StringBuilder();
            var upper = true;
            foreach (var c in System.IO.Path.GetFileNameWithoutExtension(Name) + System.IO.Path.GetExtension(Name).TrimStart('.').ToUpperInvariant())
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return char.IsAsciiDigit(text[0]) ? "D" + text : text.ToString();
        }
    }

    /// <summary>What kind of document it is, from its first bytes: <c>Swagger 2.0</c>/<c>OpenAPI 3.x</c>, JSON or YAML, with or without a byte-order mark.</summary>
    public string Form
    {
        get
        {
            var bytes = File.ReadAllBytes(Path);
            var bom = bytes.AsSpan().StartsWith("\uFEFF"u8);
            var text = Encoding.UTF8.GetString(bom ? bytes[3..] : bytes);
            var json = text.TrimStart().StartsWith('{');
            var version = System.Text.RegularExpressions.Regex.Match(text, "[\"']?(swagger|openapi)[\"']?\\s*:\\s*[\"']?([0-9.]+)");
            var kind = !version.Success ? "unknown"
                : version.Groups[1].Value == "swagger" ? "Swagger " + version.Groups[2].Value
                : "OpenAPI " + version.Groups[2].Value;
            return kind + (json ? " JSON" : " YAML") + (bom ? " + BOM" : "");
        }
    }

    public override string ToString() => Name;
}

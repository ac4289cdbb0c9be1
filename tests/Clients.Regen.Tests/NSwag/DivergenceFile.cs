using System.Text.RegularExpressions;

namespace Clients.Regen.Tests.NSwag;

/// <summary>
/// The reviewed list of accepted differences between our contracts and NSwag's (<c>nswag-divergences.txt</c> beside
/// this file). One entry a line: <c>kind document#schema[.member] -- reason</c>; <c>*</c> matches any run of
/// characters. Every divergence must match an entry, and every entry must still match a divergence of the documents
/// the run covered (a stale entry fails too, so the file only shrinks as the generator converges).
/// </summary>
internal sealed class DivergenceFile
{
    private DivergenceFile(IReadOnlyList<Entry> entries) => Entries = entries;

    public IReadOnlyList<Entry> Entries { get; }

    public static string DefaultPath => Clients.Testing.TestRepository.Path("tests", "Clients.Regen.Tests", "NSwag", "nswag-divergences.txt");

    public static DivergenceFile Load(string path)
    {
        var entries = new List<Entry>();
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.IndexOf(" -- ", StringComparison.Ordinal);
            if (separator < 0 || line[(separator + 4)..].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{number}: an entry is 'kind document#schema[.member] -- reason', and the reason is not optional: {line}");
            }

            var key = line[..separator].Trim();
            if (key.Split(' ').Length != 2)
            {
                throw new FormatException($"{path}:{number}: the key is 'kind document#schema[.member]': {key}");
            }

            entries.Add(new Entry(number, key, line[(separator + 4)..].Trim()));
        }

        return new DivergenceFile(entries);
    }

    /// <summary>Divergences no entry explains, and entries that explain nothing among <paramref name="documents"/>.</summary>
    public (IReadOnlyList<Divergence> Unlisted, IReadOnlyList<Entry> Stale) Check(IReadOnlyCollection<Divergence> divergences, IReadOnlyCollection<string> documents)
    {
        var unlisted = divergences.Where(d => !Entries.Any(e => e.Matches(d.Key))).ToList();
        var stale = Entries
            .Where(e => documents.Any(e.Covers))
            .Where(e => !divergences.Any(d => e.Matches(d.Key)))
            .ToList();
        return (unlisted, stale);
    }

    internal sealed class Entry
    {
        private readonly Regex _key;
        private readonly Regex _document;

        public Entry(int line, string key, string reason)
        {
            Line = line;
            Key = key;
            Reason = reason;
            _key = Pattern(key);
            var document = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            _document = Pattern(document[..document.IndexOf('#', StringComparison.Ordinal)]);
        }

        public int Line { get; }

        public string Key { get; }

        public string Reason { get; }

        public bool Matches(string divergenceKey) => _key.IsMatch(divergenceKey);

        /// <summary>Whether the entry is about <paramref name="document"/> (so a run over it can call the entry stale).</summary>
        public bool Covers(string document) => _document.IsMatch(document);

        public override string ToString() => $"line {Line}: {Key} -- {Reason}";

        private static Regex Pattern(string glob) =>
            new("^" + string.Join(".*", glob.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
    }
}

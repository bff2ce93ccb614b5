using System.Reflection;

namespace GovStatsValidation.CrossReport;

/// <summary>The data files of this package (agency lexicon, concept map, cross-report rules), embedded from <c>rules/</c>.</summary>
internal static class EmbeddedRules
{
    private static readonly Assembly Assembly = typeof(EmbeddedRules).Assembly;

    public static IReadOnlyList<string> List(string prefix) =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    public static string ReadText(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

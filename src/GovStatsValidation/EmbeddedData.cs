using System.Reflection;

namespace GovStatsValidation;

/// <summary>Access to the data files under <c>rules/</c> that are embedded in this assembly.</summary>
internal static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    /// <summary>Names of embedded files under the given folder, e.g. <c>rules/tables/</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> List(string prefix) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads an embedded file as UTF-8 text.</summary>
    public static string ReadText(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

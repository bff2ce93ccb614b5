using System.Globalization;
using GovStatsValidation.Messages;

namespace GovStatsValidation.Reporting;

/// <summary>The renderers' own words (headings, column heads, buttons), from the message catalogues (keys <c>html.*</c>, <c>text.*</c>, …).</summary>
internal static class Words
{
    /// <summary>The text of a key in the catalogue of a culture.</summary>
    public static string Get(CultureInfo culture, string key) => MessageCatalog.Get(culture, key);

    /// <summary>The text of a key in the catalogue of a culture with its placeholders filled.</summary>
    public static string Get(CultureInfo culture, string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        MessageCatalog.Get(culture, key, arguments);
}

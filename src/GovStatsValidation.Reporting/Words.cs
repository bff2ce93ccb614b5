using GovStatsValidation.Messages;

namespace GovStatsValidation.Reporting;

/// <summary>The renderers' own words (headings, column heads, buttons), from the message catalogues (keys <c>html.*</c>, <c>text.*</c>, …).</summary>
internal static class Words
{
    /// <summary>The text of a key in Chinese or English.</summary>
    public static string Get(bool zh, string key) => MessageCatalog.Get(zh ? MessageCatalog.Chinese : MessageCatalog.English, key);

    /// <summary>The text of a key in Chinese or English with its placeholders filled.</summary>
    public static string Get(bool zh, string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        MessageCatalog.Get(zh ? MessageCatalog.Chinese : MessageCatalog.English, key, arguments);
}

using GovStatsValidation.Messages;

namespace GovStatsValidation.Cli;

/// <summary>The commands' own words, from the message catalogues (keys <c>explain.*</c>, …).</summary>
internal static class Words
{
    /// <summary>The text of a key in Chinese or English.</summary>
    public static string Get(bool zh, string key) => MessageCatalog.Get(zh ? MessageCatalog.Chinese : MessageCatalog.English, key);
}

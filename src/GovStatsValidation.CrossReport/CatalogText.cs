using GovStatsValidation.Messages;

namespace GovStatsValidation.CrossReport;

/// <summary>A message of the catalogues in both languages, with arguments that differ per language (a concept's title, a reason).</summary>
internal static class CatalogText
{
    public static LocalizedText Of(string key, params (string Name, object? Zh, object? En)[] arguments) =>
        new(MessageCatalog.Get(MessageCatalog.Chinese, key, [.. arguments.Select(a => (a.Name, a.Zh))]),
            MessageCatalog.Get(MessageCatalog.English, key, [.. arguments.Select(a => (a.Name, a.En))]));
}

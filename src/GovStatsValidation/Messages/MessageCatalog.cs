using System.Collections.Frozen;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Messages;

/// <summary>
/// The code's own messages (words of formulas, renderers, cross-report notes …), one catalogue per language, embedded in
/// the core as <c>messages/&lt;language&gt;.json</c>. A catalogue is chosen by <see cref="CultureInfo"/> (its language or a
/// parent's: <c>zh-CN</c>, <c>zh-Hans</c>, <c>zh-TW</c> → Chinese), English when no catalogue matches. Templates use
/// named placeholders (<c>{year}</c>); every language has every key with the same placeholders (a test checks it).
/// </summary>
public sealed class MessageCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, MessageCatalog>> All = new(LoadAll);

    private readonly FrozenDictionary<string, string> _texts;

    private MessageCatalog(string language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
    }

    /// <summary>The language of the catalogue (two-letter ISO code, e.g. <c>zh</c>).</summary>
    public string Language { get; }

    /// <summary>Its keys.</summary>
    public IEnumerable<string> Keys => _texts.Keys;

    /// <summary>Chinese as the messages use it (zh-CN).</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false);

    /// <summary>English.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en", predefinedOnly: false);

    /// <summary>Every catalogue, by language.</summary>
    public static IReadOnlyDictionary<string, MessageCatalog> Catalogues => All.Value;

    /// <summary>The catalogue for a culture: its language or the nearest parent's; English when none matches.</summary>
    public static MessageCatalog For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            // The name's language part too, so a culture made without ICU data (invariant globalization) still finds its catalogue.
            if (All.Value.TryGetValue(c.TwoLetterISOLanguageName, out var catalogue)
                || All.Value.TryGetValue(c.Name.Split('-')[0].ToLowerInvariant(), out catalogue))
            {
                return catalogue;
            }
        }

        return All.Value["en"];
    }

    /// <summary>The culture a language option names (<c>zh</c>, <c>zh-CN</c>, <c>en</c> …); English for an unknown or empty name.</summary>
    public static CultureInfo Culture(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return English;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language.Trim(), predefinedOnly: false);
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }

    /// <summary>Whether the catalogue chosen for a culture is the Chinese one.</summary>
    public static bool IsChinese(CultureInfo culture) => For(culture).Language == "zh";

    /// <summary>The template of a key, unfilled.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such key.</exception>
    public string Template(string key) =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"message '{key}' is not in the '{Language}' catalogue");

    /// <summary>
    /// The message of a key in this catalogue's language with its placeholders filled (values formatted with the
    /// invariant culture). Named apart from the static <see cref="Get(CultureInfo, string, ReadOnlySpan{ValueTuple{string, object}})"/>:
    /// the catalogue already is one language, so no culture is asked for here.
    /// </summary>
    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> arguments) => Fill(Template(key), arguments);

    /// <summary>The message of a key in the language of a culture.</summary>
    public static string Get(CultureInfo culture, string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        For(culture).Format(key, arguments);

    /// <summary>The message of a key in Chinese and English.</summary>
    public static LocalizedText Text(string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        new(All.Value["zh"].Format(key, arguments), All.Value["en"].Format(key, arguments));

    /// <summary>
    /// The message of a key in Chinese and English, each filled with its own values (a cell is named by its label in
    /// Chinese and by its id in English).
    /// </summary>
    internal static LocalizedText Text(string key, ReadOnlySpan<(string Name, object? Value)> zh, ReadOnlySpan<(string Name, object? Value)> en) =>
        new(All.Value["zh"].Format(key, zh), All.Value["en"].Format(key, en));

    /// <summary>A message without placeholders in Chinese and English, read once (the texts of a catalogue do not change).</summary>
    internal static LocalizedText Words(string key) => FixedTexts.GetOrAdd(key, static k => Text(k));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, LocalizedText> FixedTexts = new(StringComparer.Ordinal);

    /// <summary>The placeholder names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                break;
            }

            var name = template[(i + 1)..close];
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            i = close + 1;
        }

        return names;
    }

    private static string Fill(string template, ReadOnlySpan<(string Name, object? Value)> arguments)
    {
        if (arguments.Length == 0)
        {
            return template;
        }

        // One template language for every message: the findings' filler (unknown placeholders stay as {name}).
        var values = new Dictionary<string, string>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            values.TryAdd(name, (value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()) ?? "");
        }

        return Findings.FindingMessage.Fill(template, values);
    }

    private static IReadOnlyDictionary<string, MessageCatalog> LoadAll()
    {
        var result = new Dictionary<string, MessageCatalog>(StringComparer.Ordinal);
        foreach (var name in EmbeddedData.List("messages/"))
        {
            var language = Path.GetFileNameWithoutExtension(name);
            var json = JObject.Parse(EmbeddedData.ReadText(name));
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in json.Properties())
            {
                if (property.Name.StartsWith('$'))
                {
                    continue;
                }

                texts[property.Name] = (string?)property.Value ?? throw new InvalidOperationException($"{name}: message '{property.Name}' is not a string");
            }

            result[language] = new MessageCatalog(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
        }

        return result;
    }
}

namespace GovStatsValidation;

/// <summary>A text in Chinese (zh-CN) and English.</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The text in the given language; <c>zh</c> (or any <c>zh-*</c>) gives Chinese, anything else English.</summary>
    public string In(string language) => In(Messages.MessageCatalog.Culture(language));

    /// <summary>The text in the language of a culture, as <see cref="Messages.MessageCatalog.For"/> chooses it (a Chinese culture or its parent gives Chinese, anything else English).</summary>
    public string In(System.Globalization.CultureInfo culture) => Messages.MessageCatalog.IsChinese(culture) ? Zh : En;

    /// <inheritdoc/>
    public override string ToString() => $"{Zh} / {En}";
}

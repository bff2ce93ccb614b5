using System.Globalization;
using GovStatsValidation.Messages;

namespace GovStatsValidation.Tests.Messages;

public class MessageCatalogTests
{
    [Test]
    public void Catalogues_EveryLanguage_HasEveryKeyWithTheSamePlaceholders()
    {
        var catalogues = MessageCatalog.Catalogues;
        Assert.That(catalogues.Keys, Is.EquivalentTo(new[] { "zh", "en" }));
        var keys = catalogues.Values.SelectMany(c => c.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(keys, Has.Count.GreaterThan(30));
        Assert.Multiple(() =>
        {
            foreach (var key in keys)
            {
                var placeholders = catalogues.Values.Select(c => c.Keys.Contains(key)
                    ? string.Join(",", MessageCatalog.Placeholders(c.Template(key)).Order(StringComparer.Ordinal))
                    : null).ToList();
                foreach (var (catalogue, p) in catalogues.Values.Zip(placeholders))
                {
                    Assert.That(p, Is.Not.Null, $"'{key}' is missing from the '{catalogue.Language}' catalogue");
                }

                Assert.That(placeholders.Distinct().Count(), Is.EqualTo(1), $"'{key}' uses different placeholders: {string.Join(" | ", placeholders)}");
            }
        });
    }

    [Test]
    public void Catalogues_ChineseTexts_HaveNoEnglishWordAndEnglishTextsNoChinese()
    {
        var zh = MessageCatalog.Catalogues["zh"];
        var en = MessageCatalog.Catalogues["en"];
        Assert.Multiple(() =>
        {
            foreach (var key in zh.Keys)
            {
                // Placeholders, the tool's name and the option name a user types (check --agencies, units, scope) are not words of the text.
                var text = System.Text.RegularExpressions.Regex.Replace(zh.Template(key), @"\{[^}]*\}|govstats|check --agencies|units|scope", "");
                Assert.That(text, Does.Not.Match("[A-Za-z]{2,}"), $"zh '{key}'");
            }

            foreach (var key in en.Keys)
            {
                // Quoted wording a report prints (全市共…) may appear; nothing else.
                var text = en.Template(key).Replace("全市共…/综合各部门…", "", StringComparison.Ordinal);
                Assert.That(text, Does.Not.Match(@"\p{IsCJKUnifiedIdeographs}"), $"en '{key}'");
            }
        });
    }

    [TestCase("zh", "zh")]
    [TestCase("zh-CN", "zh")]
    [TestCase("zh-Hans", "zh")]
    [TestCase("zh-TW", "zh")]
    [TestCase("en", "en")]
    [TestCase("en-GB", "en")]
    [TestCase("fr-FR", "en")]
    public void For_Culture_ChoosesTheCatalogueOfItsLanguageOrEnglish(string culture, string expected)
    {
        Assert.That(MessageCatalog.For(CultureInfo.GetCultureInfo(culture)).Language, Is.EqualTo(expected));
    }

    [Test]
    public void Get_MissingKey_ThrowsNamingTheKey()
    {
        Assert.That(() => MessageCatalog.Get(MessageCatalog.English, "no.such.key"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("no.such.key"));
    }

    [Test]
    public void Text_FillsPlaceholdersInBothLanguages()
    {
        var text = MessageCatalog.Text("formula.blanks", ("count", 17));
        Assert.That(text, Is.EqualTo(new LocalizedText("17 格空白", "17 blank")));
    }
}

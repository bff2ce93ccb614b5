using System.Reflection;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Reliability.Tests.DataFiles;

/// <summary>Every data file under <c>rules/</c> is embedded in exactly one shipped assembly: the one that loads it.</summary>
[TestFixture]
public sealed class EmbeddedDataFilesTests
{
    /// <summary>The shipped assemblies: the packed libraries and the tool.</summary>
    private static readonly Assembly[] Shipped =
    [
        typeof(GovStatsValidationException).Assembly,
        typeof(CrossReport.ReportSet).Assembly,
        typeof(Readers.ReportReaderOptions).Assembly,
        typeof(Reporting.TextRenderer).Assembly,
        Assembly.Load("govstats"),
    ];

    /// <summary>The files of <c>rules/</c> as resource names (<c>rules/tables/2021.table.json</c>), editor schemas left out.</summary>
    private static IReadOnlyList<string> DataFilesOnDisk() =>
        Directory.GetFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories)
            .Select(f => "rules/" + Path.GetRelativePath(RepoPaths.Rules, f).Replace('\\', '/'))
            .Where(n => !n.StartsWith("rules/schema/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<(string Name, string Assembly)> Embedded() =>
        Shipped.SelectMany(a => a.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Select(n => (n, a.GetName().Name!)));

    [Test]
    public void ShippedAssemblies_EveryDataFileUnderRules_EmbeddedExactlyOnce()
    {
        var embedded = Embedded().ToList();
        var twice = embedded.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key} in {string.Join(" and ", g.Select(e => e.Assembly))}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(DataFilesOnDisk(), Has.Count.GreaterThan(10));
            Assert.That(twice, Is.Empty, "embedded more than once");
            Assert.That(embedded.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal), Is.EqualTo(DataFilesOnDisk()), "the embedded files are the data files on disk");
        });
    }

    [Test]
    public void ShippedAssemblies_EditorSchemas_NotEmbedded()
    {
        // rules/schema/*.schema.json describe the data files for editors; nothing loads them at run time.
        Assert.That(Embedded().Where(e => e.Name.StartsWith("rules/schema/", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase("rules/tables/", "GovStatsValidation")]
    [TestCase("rules/agencies/", "GovStatsValidation.CrossReport")]
    [TestCase("rules/lexicon/", "GovStatsValidation.Readers")]
    [TestCase("rules/narrative/", "GovStatsValidation.Readers")]
    public void ShippedAssemblies_DataFolder_EmbeddedByItsLoader(string folder, string assembly)
    {
        var owners = Embedded().Where(e => e.Name.StartsWith(folder, StringComparison.Ordinal)).Select(e => e.Assembly).Distinct().ToList();

        Assert.That(owners, Is.EqualTo(new[] { assembly }));
    }
}

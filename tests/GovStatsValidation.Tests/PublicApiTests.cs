using GovStatsValidation.Checking;
using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of the core package is recorded in src/GovStatsValidation/PublicAPI.txt; an unrecorded change
    /// fails here and writes PublicAPI.received.txt beside it (accept by renaming it over PublicAPI.txt).
    /// </summary>
    [Test]
    public void PublicApi_CoreAssembly_MatchesRecordedFile()
    {
        if (PublicApi.Compare(typeof(IReportChecker).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation", "PublicAPI.txt")) is { } difference)
        {
            Assert.Fail(difference);
        }
    }

    [Test]
    public void Compare_UnrecordedMember_WritesReceivedAndNamesTheLine()
    {
        var folder = Directory.CreateTempSubdirectory("govstats-api-").FullName;
        try
        {
            var recorded = Path.Combine(folder, "PublicAPI.txt");
            var lines = PublicApi.Dump(typeof(IReportChecker).Assembly).Split('\n').ToList();
            var removed = lines.First(l => l.Contains("ReportChecker.Explain(", StringComparison.Ordinal));
            File.WriteAllText(recorded, string.Join("\n", lines.Where(l => l != removed)));

            var difference = PublicApi.Compare(typeof(IReportChecker).Assembly, recorded);

            Assert.That(difference, Does.Contain("+ " + removed));
            Assert.That(File.ReadAllText(Path.Combine(folder, "PublicAPI.received.txt")), Is.EqualTo(PublicApi.Dump(typeof(IReportChecker).Assembly)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Dump_ListsMembersWithSignaturesAndNullability()
    {
        var lines = PublicApi.Dump(typeof(IReportChecker).Assembly).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Does.Contain("type GovStatsValidation.Checking.ReportChecker : sealed class (GovStatsValidation.Checking.IReportChecker)"));
        Assert.That(lines, Does.Contain("GovStatsValidation.Checking.ReportChecker.ctor(GovStatsValidation.GovStatsValidationOptions? options = null, System.Collections.Generic.IEnumerable<GovStatsValidation.Findings.IFindingSource>? extraSources = null)"));
        Assert.That(lines, Does.Contain("required GovStatsValidation.Findings.Finding.RuleId { get; init } -> string"));
        Assert.That(lines, Does.Contain("GovStatsValidation.Rules.Severity.Error = 2"));
        Assert.That(lines, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(lines.Where(l => l.Contains("EmbeddedData", StringComparison.Ordinal)), Is.Empty, "internal types are not listed");
    }
}

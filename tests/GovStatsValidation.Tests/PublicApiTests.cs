using GovStatsValidation.Checking;
using GovStatsValidation.TestShared;
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
    public void PublicApi_CoreAssembly_MatchesRecordedFile() =>
        PublicApi.AssertMatches(typeof(IReportChecker).Assembly, Path.Combine(TestPaths.RepoRoot, "src", "GovStatsValidation", "PublicAPI.txt"));

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

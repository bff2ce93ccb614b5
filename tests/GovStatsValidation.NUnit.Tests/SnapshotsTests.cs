using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class SnapshotsTests
{
    private static readonly IReportChecker Checker = new ReportChecker();
    private string _folder = "";

    /// <summary>Where the mechanics tests pretend their source file is, so their snapshots go to a scratch folder.</summary>
    private string FakeSource => Path.Combine(_folder, "SnapshotsTests.cs");

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("govstats-snapshots-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>The real use: the findings of a report with one wrong total, against the checked-in verified file beside this source file.</summary>
    [Test]
    public void MatchFindings_BrokenSyntheticReport_MatchesVerified() =>
        Snapshots.MatchFindings(Checker.Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()));

    [Test]
    public void MatchFindings_NoVerifiedFile_WritesReceivedAndFails()
    {
        var result = Checker.Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build());

        var e = Assert.Throws<AssertionException>(() => Snapshots.MatchFindings(result, sourceFilePath: FakeSource));

        var received = Path.Combine(_folder, "SnapshotsTests.MatchFindings_NoVerifiedFile_WritesReceivedAndFails.received.txt");
        Assert.That(File.Exists(received), Is.True);
        Assert.That(e!.Message, Does.Contain("No verified snapshot yet"));
        Assert.That(e.Message, Does.Contain("error 2021.applications.row-total"));
        var bytes = File.ReadAllBytes(received);
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM, as Verify writes");
            Assert.That(bytes, Does.Not.Contain((byte)'\r'));
            Assert.That(bytes[^1], Is.Not.EqualTo((byte)'\n'), "no final newline, as Verify writes");
            Assert.That(Encoding.UTF8.GetString(bytes.AsSpan(3)), Is.EqualTo(FindingsText.Format(result)));
        });
    }

    [Test]
    public void MatchFindings_VerifiedMatches_PassesAndDeletesStaleReceived()
    {
        var result = Checker.Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build());
        var stem = Path.Combine(_folder, "SnapshotsTests.MatchFindings_VerifiedMatches_PassesAndDeletesStaleReceived");
        File.WriteAllText(stem + ".verified.txt", FindingsText.Format(result).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n", new UTF8Encoding(false));
        File.WriteAllText(stem + ".received.txt", "stale");

        Assert.DoesNotThrow(() => Snapshots.MatchFindings(result, sourceFilePath: FakeSource));

        Assert.That(File.Exists(stem + ".received.txt"), Is.False);
    }

    [Test]
    public void MatchFindings_Differs_WritesReceivedAndFailsWithLineDiff()
    {
        var stem = Path.Combine(_folder, "SnapshotsTests.MatchFindings_Differs_WritesReceivedAndFailsWithLineDiff");
        File.WriteAllText(stem + ".verified.txt", FindingsText.Format(Checker.Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build())));
        var changed = Checker.Check(ReportBuilder.Clean2021().Set("requests.new[total]", 161m).Build());

        var e = Assert.Throws<AssertionException>(() => Snapshots.MatchFindings(changed, sourceFilePath: FakeSource));

        Assert.That(File.ReadAllText(stem + ".received.txt"), Is.EqualTo(FindingsText.Format(changed)));
        Assert.That(e!.Message, Does.Contain("Findings differ from the verified snapshot."));
        Assert.That(e.Message, Does.Contain($"mv \"{stem}.received.txt\" \"{stem}.verified.txt\""));
        Assert.That(e.Message, Does.Contain("- ").And.Contain("  formula: 160 ≠ 118 + 24 + 2 + 1 + 10 + 4 (= 159)"));
        Assert.That(e.Message, Does.Contain("+ ").And.Contain("  formula: 161 ≠ 118 + 24 + 2 + 1 + 10 + 4 (= 159)"));
        Assert.That(e.Message, Does.Not.Contain("  report: 示例市交通运输局"), "unchanged lines far from a change are left out");
    }

    [TestCase(2023, "a b")]
    public void MatchFindings_ParameterizedTest_NamesFileAfterArgumentsLikeVerify(int year, string tag)
    {
        Assert.Throws<AssertionException>(() => Snapshots.MatchFindings([], "second", FakeSource));

        Assert.That(
            Directory.GetFiles(_folder).Select(Path.GetFileName),
            Is.EqualTo(new[] { $"SnapshotsTests.MatchFindings_ParameterizedTest_NamesFileAfterArgumentsLikeVerify_year={year}_tag={tag}_second.received.txt" }));
    }

    [Test]
    public void MatchFindings_MappedSourcePath_ThrowsExplainingDeterministicSourcePaths()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Snapshots.MatchFindings([], sourceFilePath: "/_/tests/Pipeline.Tests/PipelineTests.cs"));

        Assert.That(e!.Message, Does.Contain("<DeterministicSourcePaths>false</DeterministicSourcePaths>"));
    }

    [Test]
    public void MatchFindings_EmptySourcePath_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Snapshots.MatchFindings([], sourceFilePath: ""));
}

using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Readers.Narrative;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>The whole path on real files: the readers extract cells and headings, the narrative enricher reads claims, the checker runs all sources.</summary>
public class PublishedReportNarrativeTests
{
    private static readonly ReportChecker Checker = new(null, [new NarrativeFindingSource(), new StructureFindingSource()]);

    private static IReadOnlyList<Finding> Check(string file)
    {
        var reader = new PublishedReportReader { Enrichers = { new NarrativeReader().Enrich } };
        return Checker.Check(reader.Read(NarrativeTestFiles.Shared(file))).Findings;
    }

    private static string Key(Finding f) => $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId} {f.Line}";

    [TestCase("seeds/000_de0a7de45780bd08.txt", new string[0])]
    [TestCase("seeds/001_16354070a9c40620.txt", new[] { "warning narrative.blank-figure 24" })]
    [TestCase("seeds/002_e99a8cc1a0651ffc.txt", new[] { "warning narrative.figure.table 26" })]
    [TestCase("seeds/003_1a63cabe0a2d3b9a.txt", new[] { "info structure.heading.numeral-missing 10", "warning narrative.channels.cover 12", "warning narrative.figure.table 12" })]
    [TestCase("seeds/004_4624beab2357406a.txt", new[] { "warning narrative.figure.table 11", "error structure.section.missing 79" })]
    [TestCase("corpus/huaian_city_2024.txt", new string[0])]
    public void Check_RealFile_NarrativeAndStructureFindingsAsExpected(string file, string[] expected)
    {
        var findings = Check(file);
        var ours = findings.Where(f => f.RuleId.StartsWith("narrative.", StringComparison.Ordinal) || f.RuleId.StartsWith("structure.", StringComparison.Ordinal));
        Assert.That(ours.Select(Key), Is.EquivalentTo(expected));
    }

    [Test]
    public void Check_MangledTables_NarrativeComparedOnlyWhereCellsWereRead()
    {
        // The readers lose some cells of these markdown tables; a sum with a cell not read is not compared, so the
        // narrative's group figures (which agree with the hand-read table) raise nothing.
        Assert.That(Check("corpus/shanghai_govoffice_2025.txt").Where(f => f.RuleId.StartsWith("narrative.", StringComparison.Ordinal)), Is.Empty);
        var stcsm = Check("corpus/shanghai_stcsm_2024.txt").Where(f => f.RuleId == "narrative.figure.table");
        Assert.That(stcsm, Is.Empty);
    }
}

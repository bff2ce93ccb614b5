using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>Section-content checks (issue 12): part 五 with nothing to say, and "no fees" said while the table shows a fee.</summary>
[TestFixture]
public sealed class SectionContentTests
{
    private static readonly ReportChecker Checker = new(null, [new NarrativeFindingSource(), new StructureFindingSource()]);

    [TestCase("")]
    [TestCase("无。")]
    [TestCase("暂无")]
    public void Check_ProblemsSectionEmptyOrNone_Warning(string text)
    {
        var finding = Checker.Check(With2021Sections(text)).Findings.Single(f => f.RuleId == "structure.section.empty");
        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(finding.Line, Is.EqualTo(50));
            Assert.That(finding.Message.Zh, Does.Contain("五、存在的主要问题及改进情况"));
        });
    }

    [Test]
    public void Check_ProblemsSectionWithContent_NoFinding()
    {
        var findings = Checker.Check(With2021Sections("一是公开内容不够全面。下一步将加强培训。")).Findings;
        Assert.That(findings.Where(f => f.RuleId == "structure.section.empty"), Is.Empty);
    }

    [Test]
    public void Check_ProblemsSectionTextUnknown_NoFinding()
    {
        // A page whose headings share one source line: the body is not known, which is never "empty".
        var findings = Checker.Check(With2021Sections(null)).Findings;
        Assert.That(findings.Where(f => f.RuleId == "structure.section.empty"), Is.Empty);
    }

    private static AnnualReport With2021Sections(string? problems)
    {
        var report = new AnnualReport { Agency = new Agency("某县人民政府办公室"), Year = 2023, Schema = SchemaVersion.Format2021 };
        string[] numerals = ["一", "二", "三", "四", "五", "六"];
        string[] ids = ["overview", "active", "requests", "review", "problems", "other"];
        var schema = SchemaCatalog.Get(SchemaVersion.Format2021);
        for (var i = 0; i < numerals.Length; i++)
        {
            var definition = schema.Sections.First(s => s.Numeral == numerals[i]);
            report.Sections.Add(new Model.ReportSection(numerals[i], definition.Heading, 10 * (i + 1), definition.Id) { Text = ids[i] == "problems" ? problems : "本年度工作情况见下。" });
        }

        return report;
    }
}

using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Schema;

/// <summary>
/// The schema-guided reader on real report texts under ../shared: plain <c>pdftotext</c> output (no -layout) against the
/// -layout conversion of the same PDF, cell for cell; crawled pages whose cells ran together.
/// </summary>
public sealed class SchemaAlignerRealTests
{
    private static readonly ReportChecker Checker = new(null, [new NarrativeFindingSource(), new StructureFindingSource()]);

    private static AnnualReport Report(string relative) =>
        new PublishedReportReader { Enrichers = { new NarrativeReader().Enrich } }.Read(TestPaths.Shared(relative));

    private static string Show(CellValue v) => v.State == CellState.Number ? v.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : v.State.ToString();

    [TestCase("hongze_2023")]
    [TestCase("hongze_2024")]
    [TestCase("huaian_2024")]
    public void Read_RawPdftotextAgainstLayout_EveryCellEqualOrReportedUnread(string name)
    {
        var layout = Report($"corpus/pdf/{name}.layout.txt");
        var raw = Report($"corpus/pdf/{name}.raw.txt");
        var layoutCells = layout.Cells.ToDictionary(c => c.Key.Value, c => Show(c.Value));
        var rawRead = raw.Cells.Where(c => c.Value is not { State: CellState.Unreadable, Raw: null }).ToDictionary(c => c.Key.Value, c => Show(c.Value));
        var rawUnread = raw.Cells.Where(c => c.Value is { State: CellState.Unreadable, Raw: null }).Select(c => c.Key.Value).ToList();

        Assert.That(layoutCells, Has.Count.GreaterThanOrEqualTo(179), "the -layout text is read fully");
        foreach (var (id, value) in rawRead)
        {
            Assert.That(layoutCells.GetValueOrDefault(id), Is.EqualTo(value), $"{name}: {id}");
        }

        // Every cell of the layout reading is either read identically from the raw text, or reported as not read with
        // its reason (an input.table.unread finding), never silently missing.
        var lost = layoutCells.Keys.Where(id => !rawRead.ContainsKey(id) && !rawUnread.Contains(id)).ToList();
        Assert.That(lost, Is.Empty, $"{name}: cells neither read nor reported unread");
        var unreadFindings = Checker.Check(raw).Findings.Where(f => f.RuleId == "input.table.unread").ToList();
        Assert.That(unreadFindings.Count > 0, Is.EqualTo(rawUnread.Count > 0));
        TestContext.Out.WriteLine($"{name}: {rawRead.Count} of {layoutCells.Count} cells read from the raw text; not read: {string.Join(", ", rawUnread)}");
        if (name.StartsWith("hongze", StringComparison.Ordinal))
        {
            Assert.That(rawUnread, Is.Empty, "the hongze raw texts read fully");
            Assert.That(rawRead, Is.EquivalentTo(layoutCells));
        }
    }

    [Test]
    public void Check_Hongze2023Raw_ExactlyTheTwoRealErrorsAndNoWarning()
    {
        var findings = Checker.Check(Report("corpus/pdf/hongze_2023.raw.txt")).Findings;
        var serious = findings.Where(f => f.Severity >= Rules.Severity.Warning).ToList();
        Assert.That(serious.Select(f => (f.RuleId, f.Severity, f.Expected, f.Actual)), Is.EquivalentTo(new[]
        {
            ("2021.review-litigation.parts", Rules.Severity.Error, (decimal?)11m, (decimal?)0m),
            ("2021.review-litigation.parts", Rules.Severity.Error, (decimal?)5m, (decimal?)0m),
        }), string.Join("\n", serious.Select(f => f.ToString())));
    }

    [Test]
    public void Read_PingtanGluedDigits2023_CutWhereUniqueMarkedReconstructed()
    {
        var r = Report("corpus/pingtan/pingtan_zone_2023.txt");
        string[] applicants = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total"];
        decimal?[] Row(string row) => applicants.Select(c => r.Cells[new CellId($"{row}[{c}]")].Number).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Row("requests.new"), Is.EqualTo(new decimal?[] { 80, 1, 0, 0, 0, 0, 81 }));
            Assert.That(Row("result.total"), Is.EqualTo(new decimal?[] { 80, 1, 0, 0, 0, 0, 81 }));
            Assert.That(Row("requests.carry_forward"), Is.EqualTo(new decimal?[] { 0, 0, 0, 0, 0, 0, 0 }));
            // 220000022 and 191000020 keep their row totals under two cuts each; the column totals decide.
            Assert.That(Row("result.granted"), Is.EqualTo(new decimal?[] { 22, 0, 0, 0, 0, 0, 22 }));
            Assert.That(Row("result.partial"), Is.EqualTo(new decimal?[] { 19, 1, 0, 0, 0, 0, 20 }));
            Assert.That(new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => r.Cells[new CellId($"review[{c}]")].Number), Is.EqualTo(new decimal?[] { 1, 1, 0, 0, 2 }));
            Assert.That(new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => r.Cells[new CellId($"litigation.direct[{c}]")].Number), Is.EqualTo(new decimal?[] { 4, 0, 0, 1, 5 }));
            Assert.That(new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => r.Cells[new CellId($"litigation.after_review[{c}]")].Number), Is.EqualTo(new decimal?[] { 1, 0, 1, 0, 2 }));
            Assert.That(r.Cells[new CellId("requests.new[natural_person]")].Reconstructed, Is.True);
            Assert.That(r.Cells[new CellId("art20_6.penalty[decisions]")].Reconstructed, Is.False, "1330 is one cell: nothing was cut");
            // 77132470 (制发, 废止, 现行有效) has many cuts and no total: not read, and said so with candidates.
            Assert.That(r.Cells[new CellId("art20_1.normative_docs[issued]")].State, Is.EqualTo(CellState.Unreadable));
            Assert.That(r.Tables.Single(t => t.Unread is not null).Unread, Does.Contain("77132470").And.Contain("77|1|32470"));
        });

        var findings = Checker.Check(r).Findings;
        Assert.That(findings.Where(f => f.RuleId.EndsWith(".missing", StringComparison.Ordinal)), Is.Empty, "the tables are printed: nothing is missing");
        Assert.That(findings.Where(f => f.Severity == Rules.Severity.Error && f.RuleId.StartsWith("2021.", StringComparison.Ordinal)), Is.Empty, "every sum holds");
        Assert.That(findings.Single(f => f.RuleId == "input.table.unread").Severity, Is.EqualTo(Rules.Severity.Warning));
    }

    [Test]
    public void Read_PingtanGluedDigits2019_StraySpacesAndUnsplittableArticle20Cells()
    {
        var r = Report("corpus/pingtan/pingtan_zone_2019.txt");
        string[] applicants = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total"];
        decimal?[] Row(string row) => applicants.Select(c => r.Cells[new CellId($"{row}[{c}]")].Number).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema, Is.EqualTo(SchemaVersion.Format2019));
            Assert.That(Row("requests.new"), Is.EqualTo(new decimal?[] { 23, 0, 0, 0, 0, 0, 23 }), "230 000023");
            Assert.That(Row("result.total"), Is.EqualTo(new decimal?[] { 23, 0, 0, 0, 0, 0, 23 }), "23 0 00 0 023");
            Assert.That(r.Cells[new CellId("result.granted[total]")].Number, Is.EqualTo(7m));
            Assert.That(r.Cells[new CellId("result.partial[total]")].Number, Is.EqualTo(1m));
            Assert.That(r.Cells[new CellId("result.unable.not_held[total]")].Number, Is.EqualTo(7m));
            Assert.That(r.Cells[new CellId("result.unable.unclear[total]")].Number, Is.EqualTo(5m));
            Assert.That(r.Cells[new CellId("result.not_processed.duplicate[total]")].Number, Is.EqualTo(3m));
            Assert.That(r.Cells[new CellId("art20_5.licensing[decisions]")].State, Is.EqualTo(CellState.Unreadable), "3960181 cannot be cut uniquely");
        });

        var findings = Checker.Check(r).Findings;
        Assert.That(findings.Where(f => f.RuleId.EndsWith(".missing", StringComparison.Ordinal)), Is.Empty);
        Assert.That(findings.Where(f => f.Severity == Rules.Severity.Error && f.RuleId.StartsWith("2019.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(findings.Where(f => f.RuleId == "input.table.unread").Select(f => f.Message.En), Has.Some.Contains("3960181"));
    }
}

using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>The seeds and corpus in ../shared (never copied into the repository).</summary>
public class RealReportTests
{
    private static ReportExtraction Read(string relative) => TestPaths.Reader().ReadFile(TestPaths.Shared(relative));

    private static void AssertCell(ReportExtraction r, string id, string raw, int? line = null)
    {
        var cell = r.FindCell(id);
        Assert.That(cell, Is.Not.Null, $"cell {id} not read");
        Assert.That(cell!.RawText, Is.EqualTo(raw), id);
        if (line is { } l)
        {
            Assert.That(cell.Line, Is.EqualTo(l), $"{id} line");
        }
    }

    private static void AssertRow(ReportExtraction r, string row, params string[] values)
    {
        string[] cols = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total"];
        Assert.That(cols.Select(c => r.FindCell($"{row}[{c}]")?.RawText ?? "<absent>"), Is.EqualTo(values), row);
    }

    [Test]
    public void Seed002_CellPerLineTabIndented_AllRowsRead()
    {
        var r = Read("seeds/002_e99a8cc1a0651ffc.txt");
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("pre2019"));
            Assert.That(r.Year?.Value, Is.EqualTo(2017));
            Assert.That(r.Agency?.Value, Is.EqualTo("江北区审管办(行政服务中心)"));
            Assert.That(r.Cells, Has.Count.EqualTo(58));
            AssertCell(r, "active.total", "803", 101);
            AssertCell(r, "active.normative_docs_published", "1", 105);
            AssertCell(r, "active.channels.website", "793", 121);
            AssertCell(r, "active.channels.other", "160");
            AssertCell(r, "org.reading_points", "3");
            AssertCell(r, "org.staff.part_time", "3");
            AssertCell(r, "org.budget", "0", 341);
            AssertCell(r, "training.attendees", "200", 357);
            Assert.That(r.FindCell("fees.total")!.Unit, Is.EqualTo("万元"));
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6, 7 }));
        });
    }

    [Test]
    public void Seed003_CellPerLineBlankSeparated_AllRowsRead()
    {
        var r = Read("seeds/003_1a63cabe0a2d3b9a.txt");
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("pre2019"));
            Assert.That(r.Agency?.Value, Is.EqualTo("桐乡市人民政府"));
            Assert.That(r.Cells, Has.Count.EqualTo(58));
            AssertCell(r, "active.total", "20160", 126);
            AssertCell(r, "active.channels.website", "12760");
            AssertCell(r, "response.press_conf_leaders", "2");
            AssertCell(r, "requests.received", "224");
            AssertCell(r, "requests.received.online", "131");
            AssertCell(r, "requests.replies.refused", "59");
            AssertCell(r, "requests.replies.refused.security_stability", "0", 276);
            AssertCell(r, "review.corrected", "1");
            AssertCell(r, "litigation.upheld", "5");
            AssertCell(r, "org.staff.full_time", "1", 364);
            AssertCell(r, "org.budget", "5", 375);
            AssertCell(r, "training.attendees", "101", 394);
            Assert.That(r.Sections[1].NumeralMissing, Is.True);
            Assert.That(r.Sections[1].Line, Is.EqualTo(10));
        });
    }

    [Test]
    public void Seed004_TabSeparated_2019Tables()
    {
        var r = Read("seeds/004_4624beab2357406a.txt");
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("2019"));
            Assert.That(r.Year?.Value, Is.EqualTo(2020));
            Assert.That(r.Agency?.Value, Is.EqualTo("桐乡市综合行政执法局"));
            AssertCell(r, "requests.new[natural_person]", "2", 55);
            AssertCell(r, "requests.new[total]", "2", 55);
            AssertCell(r, "requests.carried_over[total]", "0", 56);
            AssertCell(r, "result.granted[natural_person]", "1", 57);
            AssertCell(r, "result.granted[total]", "1", 57);
            AssertCell(r, "result.partial[natural_person]", "1", 58);
            AssertCell(r, "result.total[total]", "");
            AssertCell(r, "requests.carry_forward[total]", "0", 77);
            AssertCell(r, "art20_1.normative_docs[published_total]", "4", 34);
            AssertCell(r, "art20_5.licensing[change]", "+5869");
            AssertCell(r, "art20_5.other_services[decisions]", "5177（含2019年3527份）", 38);
            AssertCell(r, "art20_6.penalty[prev_items]", "979");
            AssertCell(r, "art20_9.central_procurement[amount]", "0");
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 5, 6 }));
        });
    }

    [TestCase("seeds/000_de0a7de45780bd08.txt", "桐乡市行政审批服务中心")]
    [TestCase("seeds/001_16354070a9c40620.txt", "台州市人民政府行政服务中心")]
    public void NarrativeSeeds_NoTable_NoSchemaNoCells(string file, string agency)
    {
        var r = Read(file);
        Assert.That(r.Schema, Is.Null);
        Assert.That(r.Cells, Is.Empty);
        Assert.That(r.Year?.Value, Is.EqualTo(2017));
        Assert.That(r.Agency?.Value, Is.EqualTo(agency));
        Assert.That(r.Sections, Has.Count.EqualTo(6));
    }

    [Test]
    public void Huaian_PdftotextLayout_EveryCellRead()
    {
        var r = Read("corpus/huaian_city_2024.txt");
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("2021"));
            Assert.That(r.Year?.Value, Is.EqualTo(2024));
            Assert.That(r.Agency?.Value, Is.EqualTo("淮安市人民政府"));
            Assert.That(r.Cells, Has.Count.EqualTo(200));
            Assert.That(r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info), Is.Empty);
            AssertCell(r, "art20_1.normative_docs[repealed]", "26", 74);
            AssertCell(r, "art20_6.penalty[decisions]", "3985758", 94);
            AssertCell(r, "art20_8.admin_fees[amount]", "96171.6", 106);
            AssertRow(r, "requests.new", "3001", "53", "0", "0", "61", "4", "3119");
            AssertRow(r, "requests.carried_over", "34", "0", "0", "0", "0", "0", "34");
            AssertRow(r, "result.partial", "447", "7", "0", "0", "0", "0", "454");
            AssertRow(r, "result.unable.needs_creation", "11", "0", "0", "0", "0", "0", "11");
            AssertRow(r, "result.not_processed.confirm_reissue", "1", "0", "0", "0", "0", "0", "1");
            AssertRow(r, "result.other.no_correction", "67", "3", "0", "0", "1", "0", "71");
            AssertRow(r, "result.other.no_fee", "6", "0", "0", "0", "0", "0", "6");
            AssertRow(r, "result.total", "2932", "53", "0", "0", "61", "4", "3050");
            AssertRow(r, "requests.carry_forward", "103", "0", "0", "0", "0", "0", "103");
            AssertCell(r, "review[total]", "351", 220);
            AssertCell(r, "litigation.direct[total]", "26");
            AssertCell(r, "litigation.after_review[total]", "20");
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
        });
    }

    [Test]
    public void ShanghaiStcsm_MangledMarkdown_SafeRowsReadRestFlagged()
    {
        var r = Read("corpus/shanghai_stcsm_2024.txt");
        Assert.Multiple(() =>
        {
            Assert.That(r.Agency?.Value, Is.EqualTo("上海市科委"));
            AssertCell(r, "requests.new[total]", "34", 102);
            AssertCell(r, "requests.carried_over[total]", "2");
            AssertCell(r, "result.total[total]", "35", 177);
            AssertCell(r, "requests.carry_forward[natural_person]", "1");
            AssertCell(r, "requests.carry_forward[total]", "");
            AssertCell(r, "art20_1.normative_docs[in_force]", "55");
            AssertCell(r, "art20_5.licensing[decisions]", "97", 77);
            AssertCell(r, "review[upheld]", "1", 189);
            Assert.That(r.FindCell("result.partial[total]"), Is.Null, "detached row must not be guessed");
            Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain("table-mangled"));
            Assert.That(r.Sections.Count(s => s.Restarted), Is.EqualTo(1));
            Assert.That(r.Sections.Single(s => s.Restarted).Line, Is.EqualTo(73));
        });
    }

    [Test]
    public void ShanghaiGovoffice_MangledTable2_NotGuessed()
    {
        var r = Read("corpus/shanghai_govoffice_2025.txt");
        Assert.Multiple(() =>
        {
            Assert.That(r.Agency?.Value, Is.EqualTo("上海市人民政府办公厅"));
            Assert.That(r.Year?.Value, Is.EqualTo(2025));
            AssertRow(r, "requests.new", "1259", "36", "0", "0", "0", "0", "1295");
            AssertRow(r, "requests.carried_over", "170", "15", "0", "0", "4", "0", "189");
            AssertRow(r, "result.total", "1139", "48", "0", "0", "4", "0", "1191");
            AssertRow(r, "requests.carry_forward", "290", "3", "0", "0", "0", "0", "293");
            AssertCell(r, "review[total]", "55", 180);
            AssertCell(r, "litigation.direct[total]", "12");
            AssertCell(r, "litigation.after_review[total]", "22");
            Assert.That(r.FindCell("art20_1.regulations[issued]"), Is.Null);
            Assert.That(r.Diagnostics.Any(d => d.Code == "row-values-mismatch" && d.Line == 97), Is.True);
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 4, 6 }));
        });
    }
}

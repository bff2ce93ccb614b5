using System.Text.RegularExpressions;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>
/// Findings as an auditor reads them (issue 13, item 6): labels, not cell ids, in Chinese; no English word in Chinese output;
/// blanks shown as blanks, never in a false equation; errors first; one finding per missing thing; counterpart notes
/// collapsed per jurisdiction and year; no year 0; <c>explain --lang zh</c>.
/// </summary>
public class AuditorFindingsTests
{
    private static readonly HashSet<string> CellIds = SchemaVersions.All
        .SelectMany(v => new[] { SchemaCatalog.Get(v) }.Concat(SchemaCatalog.Get(v).Variants))
        .SelectMany(s => s.Cells).Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every finding of a JSON run: per report and cross-report, with the message and formula in the run's language.</summary>
    private static List<(string Rule, string Severity, string Message, string? Formula, string Group)> Findings(JObject run) =>
        run["reports"]!.SelectMany(r => r["findings"]!.Select(f => ((string)f["rule"]!, (string)f["severity"]!, (string)f["message"]!, (string?)f["formula"], (string)r["source"]!)))
            .Concat((run["crossReport"] ?? new JArray()).SelectMany(j => j["findings"]!.Select(f => ((string)f["rule"]!, (string)f["severity"]!, (string)f["message"]!, (string?)f["formula"], "cross:" + (string)j["jurisdiction"]!))))
            .ToList();

    private static JObject CheckJson(string lang, params string[] paths)
    {
        var (_, output, error) = Cli.Run([.. new[] { "check" }, .. paths, "--format", "json", "--lang", lang, "--fail-on", "never"]);
        Assert.That(error, Is.Empty.Or.Not.Contain("Unhandled"));
        return JObject.Parse(output);
    }

    [Test]
    public void Check_SeedsAndCorpusInChinese_NoCellIdAndNoEnglishWordInMessagesOrFormulas()
    {
        var run = CheckJson("zh", TestPaths.RequireShared("seeds"), "tests/data/examples");
        var findings = Findings(run);
        Assert.That(findings, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var f in findings)
            {
                foreach (var text in new[] { f.Message, f.Formula ?? "" })
                {
                    // Tokens that look like ids: any of them a cell id of a schema is an id shown instead of a label.
                    var ids = Regex.Matches(text, @"[a-z0-9_]+(\.[a-z0-9_]+)+(\[[a-z0-9_.]+\])?").Select(m => m.Value).Where(CellIds.Contains).ToList();
                    Assert.That(ids, Is.Empty, $"{f.Rule}: cell ids in Chinese output: {text}");

                    // Rule ids (cross.carry-over …) and the option a user types are not words of the text.
                    var words = Regex.Replace(text, @"[a-z0-9_]+(\.[a-z0-9_-]+)+|check --agencies|units|scope", "");
                    Assert.That(words, Does.Not.Match(@"\b(blank|absent|is|not|and|or|none|unreadable|placeholder|printed|year)\b"), $"{f.Rule}: English in Chinese output: {text}");
                }
            }
        });
    }

    [Test]
    public void Check_SeedsInEnglish_FormulasAndCodeMessagesHaveNoChinese()
    {
        var run = CheckJson("en", TestPaths.RequireShared("seeds"), "tests/data/examples");
        Assert.Multiple(() =>
        {
            foreach (var f in Findings(run).Where(f => !f.Rule.StartsWith("narrative.", StringComparison.Ordinal) && !f.Rule.StartsWith("cross.shared", StringComparison.Ordinal)))
            {
                // Table formulas name cells by id in English; narrative and shared-fact formulas quote the report's own words.
                Assert.That(f.Formula ?? "", Does.Not.Match(@"\p{IsCJKUnifiedIdeographs}"), $"{f.Rule}: Chinese in an English formula: {f.Formula}");
            }
        });
    }

    [Test]
    public void Check_BlankOutcomes_FormulaSaysWhatIsBlankAndNoFalseEquation()
    {
        // Seed 004 leaves the (七)总计 row and 17 outcome rows blank.
        var seed = TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt");
        foreach (var (lang, blank) in new[] { ("zh", "空白"), ("en", "blank") })
        {
            var findings = Findings(CheckJson(lang, seed));
            var totalBlank = findings.Where(f => f.Rule == "2019.applications.result-total-blank").ToList();
            Assert.That(totalBlank, Has.Count.EqualTo(2));
            Assert.Multiple(() =>
            {
                foreach (var f in totalBlank)
                {
                    Assert.That(f.Formula, Does.Contain(blank), "the formula says the total is blank");
                    Assert.That(f.Formula, Does.EndWith("(= 2) ≠ 0"), "1 + 1 + the blanks is 2, shown as not 0 — never as '= 0'");
                    Assert.That(f.Formula, Does.Not.Contain("(17 blank)").And.Not.Contain("blank→"));
                }

                foreach (var f in findings.Where(f => f.Formula is not null))
                {
                    Assert.That(f.Formula, Does.Not.Match(@"\(= (\d+)\) = (?!\1\b)\d+$"), $"{f.Rule}: a sum shown equal to another number: {f.Formula}");
                }
            });
        }
    }

    [Test]
    public void Check_EveryFormat_ErrorsFirstThenWarningsThenInfo()
    {
        var seeds = TestPaths.RequireShared("seeds");
        foreach (var format in new[] { "text", "md", "json" })
        {
            var (_, output, _) = Cli.Run("check", seeds, "--format", format, "--lang", "en", "--fail-on", "never");
            var order = format == "json"
                ? Findings(JObject.Parse(output)).GroupBy(f => f.Group).Select(g => g.Select(f => f.Severity).ToList()).ToList()
                : Sections(output, format);
            Assert.That(order, Has.Count.GreaterThan(3), format);
            Assert.Multiple(() =>
            {
                foreach (var severities in order)
                {
                    var ranks = severities.Select(s => s switch { "error" => 0, "warning" => 1, _ => 2 }).ToList();
                    Assert.That(ranks, Is.Ordered, $"{format}: {string.Join(", ", severities)}");
                }
            });
        }
    }

    /// <summary>The severities of each report's and each jurisdiction's findings, in the order a text or Markdown rendering lists them.</summary>
    private static List<List<string>> Sections(string output, string format)
    {
        var sections = new List<List<string>>();
        foreach (var line in output.Split('\n'))
        {
            var isHeader = format == "text" ? line.Length > 0 && !line.StartsWith(' ') : line.StartsWith("### ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal);
            if (isHeader)
            {
                sections.Add([]);
                continue;
            }

            var m = format == "text"
                ? Regex.Match(line, @"^  (error|warning|info) [a-z0-9]")
                : Regex.Match(line, @"^\| \S+ (error|warning|info) \| `");
            if (m.Success && sections.Count > 0)
            {
                sections[^1].Add(m.Groups[1].Value);
            }
        }

        return sections.Where(s => s.Count > 0).ToList();
    }

    [Test]
    public void Check_SectionAndItsTableMissing_OneError()
    {
        // Seed 004 has no part 四 and no 复议/诉讼 table: one missing thing, one error.
        var findings = Findings(CheckJson("zh", TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt")));
        var errors = findings.Where(f => f.Severity == "error").ToList();
        Assert.That(errors.Select(f => f.Rule), Is.EqualTo(new[] { "structure.section.missing" }));
        Assert.That(errors[0].Message, Does.Contain("四、政府信息公开行政复议、行政诉讼情况").And.Contain("表格"));
    }

    [Test]
    public void Check_SectionAndItsTableMissingWithTheSectionCheckDisabled_TheTableErrorRemains()
    {
        var findings = Findings(CheckJson("zh", TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt"), "--disable", "structure.section.missing"));
        Assert.That(findings.Where(f => f.Severity == "error").Select(f => f.Rule), Is.EqualTo(new[] { "2019.table.missing" }));
    }

    [Test]
    public void Check_Seeds_OneCounterpartLinePerJurisdictionAndYear()
    {
        var (_, output, _) = Cli.Run("check", TestPaths.RequireShared("seeds"), "--format", "json", "--fail-on", "never");
        var run = JObject.Parse(output);
        var lines = run["crossReport"]!.SelectMany(j => j["findings"]!.Where(f => (string)f["rule"]! == "cross.counterpart.missing")
            .Select(f => ((string)j["jurisdiction"]!, (int)f["subject"]!["year"]!))).ToList();

        // 台州市 2017, 江北区 2017, 桐乡市 2017 and 2020: four lines (the run listed 9 before).
        Assert.That(lines, Is.EquivalentTo(new[] { ("台州市", 2017), ("江北区", 2017), ("桐乡市", 2017), ("桐乡市", 2020) }));
    }

    [Test]
    public void Check_BlankTemplate_NeverShowsYearZeroOrMinusOne()
    {
        var template = TestPaths.RequireShared("corpus", "template_2021_format.docx");
        foreach (var (lang, unknown) in new[] { ("zh", "年度不明"), ("en", "year unknown") })
        {
            foreach (var format in new[] { "text", "md" })
            {
                var (_, output, _) = Cli.Run("check", template, "--format", format, "--lang", lang, "--fail-on", "never");
                Assert.That(output, Does.Contain(unknown), $"{format} {lang}");
                // A year would show as "· 0 ·" (header), "template 0 (" (about), "（0）" (note) or "-1 年度" (the year before 0).
                Assert.That(output, Does.Not.Match(@"· 0 ·|[^\d|] 0 \(|（0）|\(0\)|-1 年|−1|\b-1\b"), $"{format} {lang}:\n{output}");
            }
        }
    }

    [Test]
    public void Check_CrossFindings_NameOnlyTheFileTheCliTakes()
    {
        var (_, output, _) = Cli.Run("check", TestPaths.RequireShared("seeds"), TestPaths.RequireShared("corpus"), "tests/data/cross", "--format", "json", "--fail-on", "never");
        var messages = JObject.Parse(output)["crossReport"]!.SelectMany(j => j["findings"]!).SelectMany(f => new[] { (string)f["messageZh"]!, (string)f["messageEn"]! }).ToList();
        Assert.That(messages.Any(m => m.Contains("--agencies", StringComparison.Ordinal)), "some finding asks for the agency file");
        Assert.Multiple(() =>
        {
            foreach (var m in messages)
            {
                Assert.That(m, Does.Not.Contain("映射文件").And.Not.Contain("mapping file").And.Not.Contain("in the mapping"), m);
                if (m.Contains("机构文件", StringComparison.Ordinal) || m.Contains("agency file", StringComparison.Ordinal))
                {
                    Assert.That(m, Does.Contain("check --agencies"), m);
                }
            }
        });
    }

    [Test]
    public void Explain_LangZh_WordsReasonsAndFormulasInChinese()
    {
        var seed = TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt");
        var (zhCode, zh, _) = Cli.Run("explain", seed, "--lang", "zh");
        var (enCode, en, _) = Cli.Run("explain", seed, "--lang", "en");
        Assert.Multiple(() =>
        {
            Assert.That(zhCode, Is.Zero);
            Assert.That(enCode, Is.Zero);
            Assert.That(zh, Does.Contain("  不成立  2019.table.missing [row=review_litigation]").And.Contain("不适用：").And.Contain("个规则实例"));
            Assert.That(zh, Does.Not.Contain("FAIL").And.Not.Contain("PASS").And.Not.Contain("not applicable").And.Not.Contain(" is blank"));
            Assert.That(en, Does.Contain("  FAIL  2019.table.missing [row=review_litigation]").And.Contain("not applicable: "));
            Assert.That(en.Split('\n').Where(l => l.StartsWith("        ", StringComparison.Ordinal)), Has.None.Match(@"\p{IsCJKUnifiedIdeographs}"), "English formulas and reasons name cells by id");
        });
        var zhFormulas = zh.Split('\n').Where(l => l.StartsWith("        ", StringComparison.Ordinal)).ToList();
        Assert.That(zhFormulas.Where(l => CellIds.Any(id => l.Contains(id, StringComparison.Ordinal))), Is.Empty, "cells by label in Chinese");
    }
}

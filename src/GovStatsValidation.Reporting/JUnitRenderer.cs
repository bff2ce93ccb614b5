using System.Text;
using System.Xml;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using static GovStatsValidation.Reporting.RunStatistics;

namespace GovStatsValidation.Reporting;

/// <summary>
/// JUnit XML for CI systems: one <c>testsuite</c> per report, one <c>testcase</c> per report and rule (every rule in force
/// for the report's schema, so passing rules are listed too). A rule with an error or warning finding fails; info findings
/// go to <c>system-out</c>. Cross-report findings form a <c>testsuite</c> per jurisdiction with one <c>testcase</c> per subject
/// report and rule, whose text lists every report involved. Unreadable inputs are test cases with an <c>error</c>.
/// </summary>
public sealed class JUnitRenderer : IRunRenderer
{
    /// <inheritdoc/>
    public string Format => "junit";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var suites = run.Results.Select(r => (Result: r, Cases: Cases(run, r))).ToList();
        var crossSuites = CrossGroups.Of(run).Select(g => (Group: g, Cases: CrossCases(g))).ToList();
        var tests = suites.Sum(s => s.Cases.Count) + crossSuites.Sum(s => s.Cases.Count) + run.InputErrors.Count + run.Skipped.Count;
        var failures = suites.Sum(s => s.Cases.Count(c => Failing(c.Findings))) + crossSuites.Sum(s => s.Cases.Count(c => Failing(c.Entries.Select(e => e.Finding))));

        writer.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", OmitXmlDeclaration = true, NewLineChars = "\n", CloseOutput = false };
        using (XmlWriter xml = new EscapingXmlWriter(XmlWriter.Create(writer, settings)))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "govstats");
            xml.WriteAttributeString("tests", Int(tests));
            xml.WriteAttributeString("failures", Int(failures));
            xml.WriteAttributeString("errors", Int(run.InputErrors.Count));
            xml.WriteAttributeString("skipped", Int(run.Skipped.Count));
            xml.WriteAttributeString("time", "0");
            foreach (var (result, cases) in suites)
            {
                var r = result.Report;
                StartSuite(xml, Clean(Source(result)), cases.Count, cases.Count(c => Failing(c.Findings)), 0, 0);
                xml.WriteStartElement("properties");
                Property(xml, "agency", r.Agency.Name);
                Property(xml, "year", Int(r.Year));
                Property(xml, "schema", r.Schema.ToToken());
                xml.WriteEndElement();
                foreach (var (rule, findings) in cases)
                {
                    TestCase(xml, $"{r.Agency.Name} {Int(r.Year)}", rule, findings.Select(f => (f, (IReadOnlyList<string>?)null)).ToList(), options);
                }

                xml.WriteEndElement();
            }

            foreach (var (group, cases) in crossSuites)
            {
                StartSuite(xml, Clean($"cross-report: {group.Jurisdiction}"), cases.Count, cases.Count(c => Failing(c.Entries.Select(e => e.Finding))), 0, 0);
                xml.WriteStartElement("properties");
                Property(xml, "jurisdiction", group.Jurisdiction);
                foreach (var report in group.Reports)
                {
                    Property(xml, "report", report.Result is null ? report.Source : $"{report.Title} ({report.Source})");
                }

                xml.WriteEndElement();
                foreach (var (subject, rule, entries) in cases)
                {
                    TestCase(xml, subject, rule, entries.Select(e => (e.Finding, (IReadOnlyList<string>?)e.Sources)).ToList(), options);
                }

                xml.WriteEndElement();
            }

            if (run.InputErrors.Count > 0)
            {
                StartSuite(xml, "input", run.InputErrors.Count, 0, run.InputErrors.Count, 0);
                foreach (var e in run.InputErrors)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", "input");
                    xml.WriteAttributeString("name", Clean(e.Source));
                    xml.WriteAttributeString("time", "0");
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("type", "input");
                    xml.WriteAttributeString("message", Clean(e.Message));
                    xml.WriteString(Clean($"{e.Source}{(e.Line is { } l ? $"({Int(l)})" : "")}: {e.Message}"));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            if (run.Skipped.Count > 0)
            {
                // Files that are not reports: listed so a CI dashboard shows them, neither passed nor failed.
                StartSuite(xml, "skipped", run.Skipped.Count, 0, 0, run.Skipped.Count);
                foreach (var e in run.Skipped)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", "skipped");
                    xml.WriteAttributeString("name", Clean(e.Source));
                    xml.WriteAttributeString("time", "0");
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", Clean(e.Message));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        writer.WriteLine();
    }

    /// <summary>The rules in force for the report's schema (ordinal order) with their findings; rules that only appear in findings are added.</summary>
    private static List<(string Rule, List<Finding> Findings)> Cases(CheckRun run, ReportCheckResult result)
    {
        var byRule = new SortedDictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var rule in run.Rules.Where(d => !d.Disabled && d.Schemas.Contains(result.Report.Schema)))
        {
            byRule.TryAdd(rule.Id, []);
        }

        foreach (var f in result.Findings)
        {
            if (!byRule.TryGetValue(f.RuleId, out var list))
            {
                byRule[f.RuleId] = list = [];
            }

            list.Add(f);
        }

        return byRule.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private static void TestCase(XmlWriter xml, string classname, string rule, IReadOnlyList<(Finding Finding, IReadOnlyList<string>? Sources)> findings, RenderOptions options)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(classname));
        xml.WriteAttributeString("name", rule);
        xml.WriteAttributeString("time", "0");
        var failing = findings.Where(f => f.Finding.Severity >= Severity.Warning).ToList();
        if (failing.Count > 0)
        {
            var worst = failing.Max(f => f.Finding.Severity);
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", SeverityToken(worst));
            xml.WriteAttributeString("message", Clean(failing[0].Finding.Message.In(options.Language)));
            xml.WriteString(Clean(Details(failing, options)));
            xml.WriteEndElement();
        }

        var infos = findings.Where(f => f.Finding.Severity < Severity.Warning).ToList();
        if (infos.Count > 0)
        {
            xml.WriteElementString("system-out", Clean(Details(infos, options)));
        }

        xml.WriteEndElement();
    }

    /// <summary>The cross-report findings of a jurisdiction by subject report (“agency year”) and rule, in ordinal order.</summary>
    private static List<(string Subject, string Rule, List<CrossReportEntry> Entries)> CrossCases(CrossGroup group) =>
        group.Entries
            .GroupBy(e => (Subject: $"{e.Agency} {Int(e.Year)}", Rule: e.Finding.RuleId))
            .OrderBy(g => g.Key.Subject, StringComparer.Ordinal).ThenBy(g => g.Key.Rule, StringComparer.Ordinal)
            .Select(g => (g.Key.Subject, g.Key.Rule, g.ToList()))
            .ToList();

    private static bool Failing(IEnumerable<Finding> findings) => findings.Any(f => f.Severity >= Severity.Warning);

    private static string Details(IEnumerable<(Finding Finding, IReadOnlyList<string>? Sources)> findings, RenderOptions options)
    {
        var sb = new StringBuilder();
        foreach (var (f, sources) in findings)
        {
            sb.Append(SeverityToken(f.Severity)).Append(' ').Append(f.RuleId);
            if (f.Instance.Length > 0)
            {
                sb.Append(" [").Append(f.Instance).Append(']');
            }

            if (f.Line is { } l)
            {
                sb.Append(' ').Append(Words.Get(options.Culture, "line.n", ("line", Int(l))));
            }

            sb.Append(": ").Append(f.Message.In(options.Language)).Append('\n');
            if (FormulaText(f, options) is { } formula)
            {
                sb.Append(Words.Get(options.Culture, "junit.formula")).Append(formula).Append('\n');
            }

            if (f.Expected is not null || f.Actual is not null)
            {
                sb.Append("  expected ").Append(Num(f.Expected)).Append(", actual ").Append(Num(f.Actual)).Append('\n');
            }

            if (sources is not null)
            {
                sb.Append("  reports: ").Append(string.Join(", ", sources)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Opens a <c>testsuite</c> with its name and counts (time is not measured: always 0).</summary>
    private static void StartSuite(XmlWriter xml, string name, int tests, int failures, int errors, int skipped)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", Int(tests));
        xml.WriteAttributeString("failures", Int(failures));
        xml.WriteAttributeString("errors", Int(errors));
        xml.WriteAttributeString("skipped", Int(skipped));
        xml.WriteAttributeString("time", "0");
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot hold.</summary>
    /// <summary>Text for XML: <see cref="Escaping.Xml"/> (the writer applies it to every value too).</summary>
    private static string Clean(string text) => Escaping.Xml(text);
}

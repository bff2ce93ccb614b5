using System.Xml.Linq;
using GovStatsValidation.Rules;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Schema;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

/// <summary>JSON, JUnit and SARIF checked against their schema or structure, and against the run they render.</summary>
public sealed class StructuredRendererTests
{
    private static JSchema LoadSchema(string name) =>
        JSchema.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", name)));

    private static void AssertValid(JToken json, JSchema schema)
    {
        var valid = json.IsValid(schema, out IList<ValidationError> errors);
        Assert.That(valid, Is.True, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    [Test]
    public void JsonRender_Examples_ValidAgainstOutputSchema()
    {
        var json = JObject.Parse(new JsonRenderer().RenderToString(ExampleRuns.Examples));

        AssertValid(json, LoadSchema("govstats-run.schema.json"));
    }

    [TestCase("zh")]
    [TestCase("en")]
    public void JsonRender_BlankCell_ValueIsNullAndStateSaysBlank(string language)
    {
        var json = JObject.Parse(new JsonRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = language }));
        var cells = json.SelectTokens("$.reports[*].findings[*].cells[*]").ToList();
        var blanks = cells.Where(c => (string?)c["state"] == "blank").ToList();

        Assert.That(blanks, Is.Not.Empty, "the examples have findings over blank cells");
        Assert.That(blanks.Select(c => c["value"]!.Type), Is.All.EqualTo(JTokenType.Null));
        Assert.That(cells.Where(c => c["value"]!.Type == JTokenType.String), Is.Empty, "a value is a number or null, never a word");
    }

    [Test]
    public void JsonRender_Examples_CarriesEveryFindingWithItsFigures()
    {
        var run = ExampleRuns.Examples;
        var json = JObject.Parse(new JsonRenderer().RenderToString(run, new RenderOptions { Language = "en" }));
        var reports = (JArray)json["reports"]!;

        Assert.That(reports.Select(r => (string?)r["source"]), Is.EqualTo(run.Results.Select(r => r.Report.Source)));
        for (var i = 0; i < run.Results.Count; i++)
        {
            var findings = (JArray)reports[i]["findings"]!;
            var expected = run.Results[i].Findings;
            Assert.That(findings.Select(f => (string?)f["rule"]), Is.EqualTo(expected.Select(f => f.RuleId)));
            Assert.That(findings.Select(f => (decimal?)f["actual"]), Is.EqualTo(expected.Select(f => f.Actual)));
            Assert.That(findings.Select(f => (string?)f["message"]), Is.EqualTo(expected.Select(f => f.Message.En)));
        }

        Assert.That((int)json["summary"]!["error"]!, Is.EqualTo(run.Count(Severity.Error)));
        Assert.That((string?)json["inputErrors"]![0]!["source"], Is.EqualTo("tests/data/broken.json"));
    }

    [Test]
    public void SarifRender_Examples_ValidAgainstSarifStructure()
    {
        var sarif = JObject.Parse(new SarifRenderer().RenderToString(ExampleRuns.Examples));

        AssertValid(sarif, LoadSchema("sarif-2.1.0-subset.schema.json"));
    }

    [Test]
    public void SarifSchema_BrokenLogs_AreRejected()
    {
        var schema = LoadSchema("sarif-2.1.0-subset.schema.json");
        var good = JObject.Parse(new SarifRenderer().RenderToString(ExampleRuns.Examples));
        var noVersion = (JObject)good.DeepClone();
        noVersion.Remove("version");
        var badLevel = (JObject)good.DeepClone();
        badLevel["runs"]![0]!["results"]![0]!["level"] = "fatal";
        var zeroLine = JObject.Parse(new SarifRenderer().RenderToString(ExampleRuns.WithQuote()));
        zeroLine["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;

        Assert.Multiple(() =>
        {
            Assert.That(good.IsValid(schema), Is.True);
            Assert.That(noVersion.IsValid(schema), Is.False);
            Assert.That(badLevel.IsValid(schema), Is.False);
            Assert.That(zeroLine.IsValid(schema), Is.False);
        });
    }

    [Test]
    public void SarifRender_QuotedFinding_ValidAgainstSarifStructure()
    {
        var sarif = JObject.Parse(new SarifRenderer().RenderToString(ExampleRuns.WithQuote()));

        AssertValid(sarif, LoadSchema("sarif-2.1.0-subset.schema.json"));
    }

    [Test]
    public void SarifRender_Examples_ResultsMatchFindingsAndRuleIndexes()
    {
        var run = ExampleRuns.Examples;
        var sarif = JObject.Parse(new SarifRenderer().RenderToString(run));
        var sarifRun = sarif["runs"]![0]!;
        var rules = (JArray)sarifRun["tool"]!["driver"]!["rules"]!;
        var results = (JArray)sarifRun["results"]!;
        var findings = run.Results.SelectMany(r => r.Findings.Select(f => (r, f))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((string?)sarif["$schema"], Is.EqualTo(SarifRenderer.SchemaUri));
            Assert.That(results, Has.Count.EqualTo(findings.Count));
            Assert.That(rules.Select(r => (string?)r["id"]), Is.Unique);
            Assert.That(rules.Select(r => (string?)r["id"]), Is.SupersetOf(run.Rules.Select(r => r.Id)));
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                var (report, finding) = findings[i];
                Assert.That((string?)rules[(int)result["ruleIndex"]!]!["id"], Is.EqualTo((string?)result["ruleId"]), "ruleIndex points at the rule");
                Assert.That((string?)result["ruleId"], Is.EqualTo(finding.RuleId));
                Assert.That((string?)result["level"], Is.EqualTo(finding.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" }));
                Assert.That((string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"], Is.EqualTo(report.Report.Source));
                Assert.That((string?)result["partialFingerprints"]!["govstats/v1"], Is.EqualTo(finding.FingerprintFor(report.Report.Agency.Name, report.Report.Year)));
            }

            Assert.That((string?)sarifRun["invocations"]![0]!["toolExecutionNotifications"]![0]!["message"]!["text"], Does.Contain("not valid JSON"));
        });
    }

    [Test]
    public void SarifRender_FindingWithLine_HasRegionStartLine()
    {
        var sarif = JObject.Parse(new SarifRenderer().RenderToString(ExampleRuns.WithQuote()));
        var region = sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!;

        Assert.That((int)region["startLine"]!, Is.EqualTo(12));
    }

    [Test]
    public void JUnitRender_Examples_StructureIsConsistent()
    {
        var run = ExampleRuns.Examples;
        var xml = XDocument.Parse(new JUnitRenderer().RenderToString(run));

        var problems = JUnitStructure.Problems(xml);

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void JUnitRender_Examples_OneTestCasePerReportAndRule()
    {
        var run = ExampleRuns.Examples;
        var xml = XDocument.Parse(new JUnitRenderer().RenderToString(run));
        var suites = xml.Root!.Elements("testsuite").Where(s => (string?)s.Attribute("name") != "input").ToList();

        Assert.That(suites.Select(s => (string?)s.Attribute("name")), Is.EqualTo(run.Results.Select(r => r.Report.Source)));
        for (var i = 0; i < suites.Count; i++)
        {
            var result = run.Results[i];
            var expectedRules = run.Rules.Where(r => !r.Disabled && r.Schemas.Contains(result.Report.Schema)).Select(r => r.Id)
                .Concat(result.Findings.Select(f => f.RuleId)).Distinct().Order(StringComparer.Ordinal);
            var cases = suites[i].Elements("testcase").ToList();
            Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(expectedRules));
            var failing = result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal);
            Assert.That(cases.Where(c => c.Element("failure") is not null).Select(c => (string?)c.Attribute("name")), Is.EqualTo(failing));
        }
    }

    [Test]
    public void JUnitRender_InputError_IsAnErroredTestCase()
    {
        var xml = XDocument.Parse(new JUnitRenderer().RenderToString(ExampleRuns.Examples));
        var input = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "input");

        Assert.That(input.Elements("testcase").Single().Element("error")?.Attribute("message")?.Value, Does.Contain("not valid JSON"));
    }

    [Test]
    public void JUnitRender_SkippedFile_IsASkippedTestCaseAndCountsAddUp()
    {
        var run = ExampleRuns.Examples with { Skipped = [new InputError("notes/readme.txt", "never mentions 政府信息公开")] };
        var xml = XDocument.Parse(new JUnitRenderer().RenderToString(run));
        var skipped = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "skipped");

        Assert.That(JUnitStructure.Problems(xml), Is.Empty);
        Assert.That((string?)xml.Root.Attribute("skipped"), Is.EqualTo("1"));
        var testCase = skipped.Elements("testcase").Single();
        Assert.That((string?)testCase.Attribute("name"), Is.EqualTo("notes/readme.txt"));
        Assert.That(testCase.Element("skipped")?.Attribute("message")?.Value, Is.EqualTo("never mentions 政府信息公开"));
    }

    [TestCase("zh", "已跳过（不是年度报告）：never mentions 政府信息公开")]
    [TestCase("en", "skipped (not a report): never mentions 政府信息公开")]
    public void SarifRender_SkippedFile_IsANoteNotAnError(string language, string text)
    {
        var run = ExampleRuns.Examples with { Skipped = [new InputError("notes/readme.txt", "never mentions 政府信息公开")] };
        var sarif = JObject.Parse(new SarifRenderer().RenderToString(run, new RenderOptions { Language = language }));
        var notifications = sarif.SelectTokens("$.runs[0].invocations[0].toolExecutionNotifications[*]").ToList();

        AssertValid(sarif, LoadSchema("sarif-2.1.0-subset.schema.json"));
        var note = notifications.Single(n => (string?)n["level"] == "note");
        Assert.That((string?)note["message"]!["text"], Is.EqualTo(text));
        Assert.That((string?)note.SelectToken("locations[0].physicalLocation.artifactLocation.uri"), Does.EndWith("notes/readme.txt"));
        Assert.That(notifications.Count(n => (string?)n["level"] == "error"), Is.EqualTo(run.InputErrors.Count), "input errors stay errors");
    }

    [Test]
    public void JUnitStructure_BrokenCounts_AreReported()
    {
        var xml = XDocument.Parse("""
            <testsuites tests="2" failures="0"><testsuite name="a" tests="3" failures="0"><testcase name="x" classname="c"><failure message="m" type="error"/></testcase></testsuite></testsuites>
            """);

        Assert.That(JUnitStructure.Problems(xml), Has.Count.GreaterThanOrEqualTo(3));
    }
}

/// <summary>
/// A structural validator of JUnit XML as CI systems read it (the Ant/Jenkins JUnit schema): a <c>testsuites</c> root whose
/// counts add up over its <c>testsuite</c> children, each suite named, its <c>tests</c>/<c>failures</c>/<c>errors</c> equal
/// to its test cases, every test case with <c>name</c> and <c>classname</c>, unique within the suite, and failure/error
/// elements with <c>message</c> and <c>type</c>.
/// </summary>
internal static class JUnitStructure
{
    public static IReadOnlyList<string> Problems(XDocument xml)
    {
        var problems = new List<string>();
        var root = xml.Root;
        if (root?.Name.LocalName != "testsuites")
        {
            return ["root element must be <testsuites>"];
        }

        var suites = root.Elements("testsuite").ToList();
        Count(root, "tests", suites.Sum(s => s.Elements("testcase").Count()), problems);
        Count(root, "failures", suites.Sum(s => s.Elements("testcase").Count(c => c.Element("failure") is not null)), problems);
        Count(root, "errors", suites.Sum(s => s.Elements("testcase").Count(c => c.Element("error") is not null)), problems);
        Count(root, "skipped", suites.Sum(s => s.Elements("testcase").Count(c => c.Element("skipped") is not null)), problems);
        foreach (var suite in suites)
        {
            var name = (string?)suite.Attribute("name");
            if (string.IsNullOrEmpty(name))
            {
                problems.Add("a testsuite has no name");
            }

            var cases = suite.Elements("testcase").ToList();
            Count(suite, "tests", cases.Count, problems);
            Count(suite, "failures", cases.Count(c => c.Element("failure") is not null), problems);
            Count(suite, "errors", cases.Count(c => c.Element("error") is not null), problems);
            Count(suite, "skipped", cases.Count(c => c.Element("skipped") is not null), problems);
            foreach (var element in suite.Elements())
            {
                if (element.Name.LocalName is not ("testcase" or "properties" or "system-out" or "system-err"))
                {
                    problems.Add($"suite {name}: unexpected element <{element.Name.LocalName}>");
                }
            }

            foreach (var c in cases)
            {
                if (string.IsNullOrEmpty((string?)c.Attribute("name")) || string.IsNullOrEmpty((string?)c.Attribute("classname")))
                {
                    problems.Add($"suite {name}: a testcase lacks name or classname");
                }

                foreach (var outcome in c.Elements().Where(e => e.Name.LocalName is "failure" or "error"))
                {
                    if (outcome.Attribute("message") is null || outcome.Attribute("type") is null)
                    {
                        problems.Add($"suite {name}, case {(string?)c.Attribute("name")}: <{outcome.Name.LocalName}> lacks message or type");
                    }
                }

                if (c.Elements().Count(e => e.Name.LocalName is "failure" or "error" or "skipped") > 1)
                {
                    problems.Add($"suite {name}, case {(string?)c.Attribute("name")}: more than one outcome");
                }
            }

            foreach (var duplicate in cases.GroupBy(c => ((string?)c.Attribute("classname"), (string?)c.Attribute("name"))).Where(g => g.Count() > 1))
            {
                problems.Add($"suite {name}: duplicate testcase {duplicate.Key}");
            }
        }

        return problems;
    }

    private static void Count(XElement element, string attribute, int actual, List<string> problems)
    {
        var text = (string?)element.Attribute(attribute);
        if (text is null)
        {
            problems.Add($"<{element.Name.LocalName} {(string?)element.Attribute("name")}> has no {attribute} attribute");
        }
        else if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n != actual)
        {
            problems.Add($"<{element.Name.LocalName} {(string?)element.Attribute("name")}> {attribute}={text}, but it holds {actual}");
        }
    }
}

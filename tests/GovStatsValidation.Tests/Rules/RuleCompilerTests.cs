using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

/// <summary>forEach expansion: '@…' sets resolved against the schema, literal lists, several variables, substitution into texts.</summary>
[TestFixture]
public sealed class RuleCompilerTests
{
    private static IReadOnlyList<CompiledRule> Compile(string ruleBody, SchemaVersion schema)
    {
        var set = RuleSetLoader.Parse(RuleHarness.OneRule(ruleBody), "test.rules.json");
        var problems = new List<DataFileProblem>();
        var compiled = RuleCompiler.Compile([set], SchemaCatalog.Get(schema), null, null, problems);
        Assert.That(problems, Is.Empty);
        return compiled;
    }

    [Test]
    public void Compile_ColumnsOfApplications_OneInstancePerColumn()
    {
        var rules = Compile("\"forEach\": { \"col\": \"@columns:applications\" }, \"expression\": \"requests.new[$col] >= 0\"", SchemaVersion.Format2021);
        Assert.That(rules.Select(r => r.InstanceKey), Is.EqualTo(new[]
        {
            "col=natural_person", "col=org.commercial", "col=org.research", "col=org.social_welfare", "col=org.legal_service", "col=org.other", "col=total",
        }));
    }

    [Test]
    public void Compile_PartsOfApplications_LeavesOutTotalColumn()
    {
        var rules = Compile("\"forEach\": { \"col\": \"@parts:applications\" }, \"expression\": \"requests.new[$col] >= 0\"", SchemaVersion.Format2019);
        Assert.That(rules.Select(r => r.InstanceKey).ToList(), Has.Count.EqualTo(6).And.None.EqualTo("col=total"));
    }

    [TestCase(SchemaVersion.Format2019, 23, "row=requests.new", "row=requests.carry_forward")]
    [TestCase(SchemaVersion.Format2021, 25, "row=requests.new", "row=requests.carry_forward")]
    public void Compile_RowsOfApplications_EveryValueRowNoHeaders(SchemaVersion schema, int count, string first, string last)
    {
        var rules = Compile("\"forEach\": { \"row\": \"@rows:applications\" }, \"expression\": \"$row[total] >= 0\"", schema);
        Assert.Multiple(() =>
        {
            Assert.That(rules, Has.Count.EqualTo(count));
            Assert.That(rules[0].InstanceKey, Is.EqualTo(first));
            Assert.That(rules[^1].InstanceKey, Is.EqualTo(last));
            Assert.That(rules.Select(r => r.InstanceKey), Has.None.EqualTo("row=result").And.None.EqualTo("row=result.withheld"));
        });
    }

    [TestCase(SchemaVersion.Pre2019, "@cells:count", 56)]
    [TestCase(SchemaVersion.Pre2019, "@cells:amount", 2)]
    [TestCase(SchemaVersion.Pre2019, "@cells:all", 58)]
    [TestCase(SchemaVersion.Pre2019, "@cells:signed", 0)]
    [TestCase(SchemaVersion.Format2019, "@cells:signed", 5)]
    [TestCase(SchemaVersion.Format2019, "@cells:amount", 1)]
    [TestCase(SchemaVersion.Format2021, "@cells:amount", 1)]
    public void Compile_CellSets_OneInstancePerCellOfKind(SchemaVersion schema, string set, int count)
    {
        var rules = Compile($"\"forEach\": {{ \"cell\": \"{set}\" }}, \"expression\": \"!isunreadable($cell)\"", schema);
        Assert.That(rules, Has.Count.EqualTo(count));
    }

    [Test]
    public void Compile_TwoVariables_CartesianProduct()
    {
        var rules = Compile("\"forEach\": { \"row\": [\"review\", \"litigation.direct\"], \"col\": \"@parts:review_litigation\" }, \"expression\": \"$row[$col] >= 0\"",
            SchemaVersion.Format2021);
        Assert.Multiple(() =>
        {
            Assert.That(rules, Has.Count.EqualTo(8));
            Assert.That(rules.Select(r => r.ExpressionText), Does.Contain("litigation.direct[pending] >= 0"));
            Assert.That(rules.Select(r => r.InstanceKey).Distinct().Count(), Is.EqualTo(8));
        });
    }

    [Test]
    public void Compile_LiteralListMixedWithSet_Concatenates()
    {
        var rules = Compile("\"forEach\": { \"cell\": [\"review.total\", \"@cells:amount\"] }, \"expression\": \"$cell >= 0\"", SchemaVersion.Pre2019);
        Assert.That(rules.Select(r => r.InstanceKey), Is.EqualTo(new[] { "cell=review.total", "cell=fees.total", "cell=org.budget" }));
    }

    [Test]
    public void Check_ForEachInstance_FillsColumnPlaceholdersInMessage()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule(
            "\"forEach\": { \"col\": \"@parts:applications\" }, \"expression\": \"requests.new[$col] == 0\"", schemas: "\"2021\"", message: "{col} {colLabel} {actual}"));
        var finding = checker.Findings(ReportBuilder.Clean2021().Build(), "test.rule").Single(f => f.Instance == "col=org.research");
        Assert.That(finding.Message.Zh, Is.EqualTo("org.research 科研机构 2"));
        Assert.That(finding.Message.En, Is.EqualTo("org.research org.research 2"), "English names a column by its id, never by its Chinese label");
    }

    [Test]
    public void Substitute_LongerNameFirst_DoesNotClobberPrefix()
    {
        var text = RuleCompiler.Substitute("$row[$col] $rows", new Dictionary<string, string> { ["row"] = "r", ["rows"] = "R", ["col"] = "c" });
        Assert.That(text, Is.EqualTo("r[c] R"));
    }
}

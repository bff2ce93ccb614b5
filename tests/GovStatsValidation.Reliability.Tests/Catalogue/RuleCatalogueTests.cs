using GovStatsValidation.Checking;
using GovStatsValidation.Reliability.Tests.Support;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Reliability.Tests.Catalogue;

/// <summary>Broken user rule files: each must fail at load with every problem named by file, line, column and rule id.</summary>
public class RuleCatalogueTests
{
    private const string Head = "{\n  \"id\": \"user.checks\",\n  \"title\": { \"zh\": \"自定义\", \"en\": \"Custom\" },\n  \"schemas\": [\"2021\"],\n  \"rules\": [\n";
    private const string Tail = "\n  ]\n}\n";

    private static string Rule(string id, string expression, string extra = "") =>
        "    {\n" +
        $"      \"id\": \"{id}\",\n" +
        "      \"severity\": \"error\",\n" +
        "      \"title\": { \"zh\": \"测试\", \"en\": \"Test\" },\n" +
        "      \"message\": { \"zh\": \"{formula}\", \"en\": \"{formula}\" },\n" +
        $"      \"expression\": {Newtonsoft.Json.JsonConvert.ToString(expression)}{extra}\n" +
        "    }";

    /// <summary>Loads the rule files of a folder as the CLI's --rules does; the outcome is the load error or the findings on a small report.</summary>
    internal static string Load(params (string Name, string Text)[] files)
    {
        using var dir = new TempDir();
        foreach (var (name, text) in files)
        {
            dir.Write(name, text);
        }

        try
        {
            var options = new GovStatsValidationOptions { Language = "en" };
            options.RuleFolders.Add(dir.Path);
            var catalog = new RuleCatalog(options);
            catalog.CompileAll();
            var checker = new ReportChecker(catalog, options, []);
            var report = Json.ReportJson.Read(Samples.Json2021(), "report.json");
            var result = checker.Check(report);
            return "loaded; findings of user rules on a small report:\n" +
                string.Concat(result.Findings.Where(f => f.RuleId.StartsWith("user.", StringComparison.Ordinal)).Select(f => "  " + Pipeline.Finding(f) + "\n"));
        }
        catch (RuleLoadException e)
        {
            return string.Concat(e.Problems.Select(p => p.ToString().Replace(dir.Path, "<dir>", StringComparison.Ordinal) + "\n"));
        }
    }

    private static string One(params string[] rules) => Load(("user.rules.json", Head + string.Join(",\n", rules) + Tail));

    [Test]
    public void Load_ValidRule_Evaluated() => Snapshot.Match(One(Rule("user.flow", "requests.new[total] + requests.carried_over[total] == result.total[total] + requests.carry_forward[total]"), Rule("user.fails", "requests.new[total] == 11")));

    [Test]
    public void Load_NotJson_SyntaxErrorWithLine() => Snapshot.Match(Load(("user.rules.json", Head + "    { \"id\": \"user.a\", }" + Tail)));

    [Test]
    public void Load_TruncatedFile_SyntaxError() => Snapshot.Match(Load(("user.rules.json", Head + Rule("user.a", "review[total] >= 0")[..40])));

    [Test]
    public void Load_ExpressionSyntaxError_PositionNamed() => Snapshot.Match(One(Rule("user.a", "review[total] + * 2 >= 0")));

    [Test]
    public void Load_UnbalancedParentheses_Error() => Snapshot.Match(One(Rule("user.a", "((((review[total] >= 0")));

    [Test]
    public void Load_UnknownCellId_DidYouMean() => Snapshot.Match(One(Rule("user.a", "reveiw[total] >= 0")));

    [Test]
    public void Load_UnknownFunction_Error() => Snapshot.Match(One(Rule("user.a", "median(review[total]) >= 0")));

    [Test]
    public void Load_TypeErrorBooleanPlusNumber_Error() => Snapshot.Match(One(Rule("user.a", "(review[total] > 0) + 1 >= 0")));

    [Test]
    public void Load_TypeErrorNumberAsCondition_Error() => Snapshot.Match(One(Rule("user.a", "review[total] + 1")));

    [Test]
    public void Load_WrongJsonTypes_ErrorsNotCrash() =>
        Snapshot.Match(One(Rule("user.a", "review[total] >= 0", ",\n      \"requires\": [{}],\n      \"disabled\": \"yes\",\n      \"when\": {\"x\": 1}")));

    [Test]
    public void Load_SeverityAndForEachWrongTypes_ErrorsNotCrash() =>
        Snapshot.Match(One(Rule("user.a", "$cell >= 0", ",\n      \"forEach\": {\"cell\": [1, {}]},\n      \"missing\": {\"blank\": {}}").Replace("\"severity\": \"error\"", "\"severity\": [\"error\"]", StringComparison.Ordinal)));

    [Test]
    public void Load_UnknownForEachSet_Error() => Snapshot.Match(One(Rule("user.a", "$cell >= 0", ",\n      \"forEach\": {\"cell\": \"@cells:everything\"}")));

    [Test]
    public void Load_UnboundVariable_Error() => Snapshot.Match(One(Rule("user.a", "$col >= 0")));

    [Test]
    public void Load_SelfReferentialForEach_Error() => Snapshot.Match(One(Rule("user.a", "requests.new[$col] >= 0", ",\n      \"forEach\": {\"col\": \"$col\"}")));

    [Test]
    public void Load_DuplicateRuleIdInFile_Error() => Snapshot.Match(One(Rule("user.a", "review[total] >= 0"), Rule("user.a", "review[total] < 0")));

    [Test]
    public void Load_TwoFilesOverridingEachOther_LastInPathOrderWins() =>
        Snapshot.Match(Load(
            ("a.rules.json", Head.Replace("user.checks", "user.a-set", StringComparison.Ordinal) + Rule("user.x", "requests.new[total] >= 100") + Tail),
            ("b.rules.json", Head.Replace("user.checks", "user.b-set", StringComparison.Ordinal) + Rule("user.x", "requests.new[total] < 5") + Tail)));

    [Test]
    public void Load_ContradictoryRules_LoadedAndExactlyOneFails() =>
        Snapshot.Match(One(Rule("user.low", "requests.new[total] < 5"), Rule("user.high", "requests.new[total] >= 5")));

    [Test]
    public void Load_LongChain_NoStackOverflow() => Snapshot.Match(One(Rule("user.a", string.Join(" + ", Enumerable.Repeat("requests.new[total]", 20_000)) + " >= 0")));

    [Test]
    public void Load_ExponentialNesting_DepthLimitedNoStackOverflow() => Snapshot.Match(One(Rule("user.a", new string('(', 100_000) + "1" + new string(')', 100_000) + " >= 0")));

    [Test]
    public void Load_DivisionByZeroConstant_EvaluatesWithoutCrash() => Snapshot.Match(One(Rule("user.a", "requests.new[total] / 0 == 0")));

    [Test]
    public void Load_MultiplicationOverflow_ReportedNotCrashed() => Snapshot.Match(One(Rule("user.a", "requests.new[total] * 10000000000 * 10000000000 >= 0")));

    [Test]
    public void Load_HugeConstant_ErrorNotCrash() => Snapshot.Match(One(Rule("user.a", "requests.new[total] < 99999999999999999999999999")));

    [Test]
    public void Load_UnknownPlaceholder_Error() =>
        Snapshot.Match(One(Rule("user.a", "review[total] >= 0").Replace("\"{formula}\", \"en\": \"{formula}\"", "\"{formula}\", \"en\": \"{secret}\"", StringComparison.Ordinal)));

    [Test]
    public void Load_ManyProblems_AllListedAtOnce() =>
        Snapshot.Match(Load(
            ("a.rules.json", Head + Rule("user.a", "reveiw[total] >= 0") + ",\n" + Rule("user.b", "review[total] +") + Tail),
            ("b.rules.json", "{ \"id\": \"b\", \"rules\": 5 }")));
}

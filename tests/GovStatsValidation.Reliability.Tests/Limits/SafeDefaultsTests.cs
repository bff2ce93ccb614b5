using System.Text.RegularExpressions;
using GovStatsValidation.Reliability.Tests.Catalogue;
using GovStatsValidation.Reliability.Tests.Support;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Reliability.Tests.Limits;

/// <summary>Safe defaults that hold for the whole code base: no backtracking regexes, no type names from input, a closed rule language.</summary>
public class SafeDefaultsTests
{
    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f)));

    [Test]
    public void Sources_EveryRegex_NonBacktrackingOrTimeout()
    {
        var uses = new List<string>();
        var unsafeUses = new List<string>();
        foreach (var (file, text) in Sources())
        {
            foreach (Match m in Regex.Matches(text, @"\[GeneratedRegex\([^\n]*|new Regex\([^;]*|(?:^|[^\w.])Regex\.(?:IsMatch|Match|Matches|Replace|Split)\([^;]*", RegexOptions.NonBacktracking))
            {
                uses.Add($"{file}: {m.Value}");
                if (!m.Value.Contains("NonBacktracking", StringComparison.Ordinal) && !m.Value.Contains("TimeSpan", StringComparison.Ordinal) && !m.Value.Contains("matchTimeout", StringComparison.Ordinal))
                {
                    unsafeUses.Add($"{file}: {m.Value}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(uses, Is.Not.Empty, "the scan finds the regexes it guards (InputDiscovery's glob)");
            Assert.That(unsafeUses, Is.Empty, "a regex without RegexOptions.NonBacktracking or a match timeout");
        });
    }

    [Test]
    public void Sources_TypeNameHandling_OnlyNone()
    {
        var settings = Sources().SelectMany(s => Regex.Matches(s.Text, @"TypeNameHandling\s*=\s*TypeNameHandling\.(\w+)", RegexOptions.NonBacktracking).Select(m => $"{s.File}: {m.Groups[1].Value}")).ToList();
        Assert.That(settings, Is.Not.Empty.And.All.EndsWith(": None"));
    }

    [Test]
    public void Sources_NoSerializerBindersOrDynamicTypeLoading()
    {
        var found = Sources().Where(s => Regex.IsMatch(s.Text, @"SerializationBinder|Type\.GetType\(|Activator\.CreateInstance|Assembly\.Load", RegexOptions.NonBacktracking)).Select(s => s.File).ToList();
        Assert.That(found, Is.Empty);
    }

    [Test]
    public void Read_DollarTypeInClaims_PlainClaimNoTypeResolved()
    {
        var json = Samples.Json2021().Replace("\"cells\": {", "\"claims\": [{\"$type\": \"System.Diagnostics.Process, System.Diagnostics.Process\", \"kind\": \"figure\", \"text\": \"x\", \"location\": {\"line\": 1}}], \"cells\": {", StringComparison.Ordinal);
        var report = Json.ReportJson.Read(json, "type.json");
        Assert.That(report.Claims.Single().GetType(), Is.EqualTo(typeof(Model.NarrativeClaim)));
    }

    [Test]
    public void Load_ExpressionsReachingOutsideTheLanguage_CleanLoadErrors()
    {
        static string Rule(string id, string expression) =>
            "    {\n" +
            $"      \"id\": \"{id}\",\n      \"severity\": \"error\",\n      \"title\": {{ \"zh\": \"t\", \"en\": \"t\" }},\n      \"message\": {{ \"zh\": \"m\", \"en\": \"m\" }},\n" +
            $"      \"expression\": {Newtonsoft.Json.JsonConvert.ToString(expression)}\n    }}";
        string[] hostile =
        [
            "System.IO.File.Delete(\"x\")",
            "typeof(x) == 1",
            "review[total].GetType() == 1",
            "new object() == 1",
            "\"text\" == 1",
            "System.Environment.Exit(1) == 0",
            "Process.Start(\"sh\") == 0",
            "review[total] = 5",
            "review[total]; year == 1",
            "`id` == 1",
            "@review == 1",
            "sum(System.IO.Directory.GetFiles(\"/\")) >= 0",
        ];
        var rules = string.Join(",\n", hostile.Select((e, i) => Rule($"user.h{i}", e)));
        var text = RuleCatalogueTests.Load(("user.rules.json", "{\n  \"id\": \"user.hostile\",\n  \"title\": { \"zh\": \"t\", \"en\": \"t\" },\n  \"schemas\": [\"2021\"],\n  \"rules\": [\n" + rules + "\n  ]\n}\n"));
        Snapshot.Match(text);
    }
}

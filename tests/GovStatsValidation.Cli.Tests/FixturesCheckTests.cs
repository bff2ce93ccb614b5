using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>
/// <c>check tests/data/fixtures</c>: every file of the folder (HTML pages, one saved as .txt and one in GB18030, Word
/// files, and the expected canonical JSON beside each) is read, each kind sniffed by content, and each report gives
/// exactly the deliberate errors its expected JSON lists, narrative and structure checks included.
/// </summary>
public sealed class FixturesCheckTests
{
    private const string Folder = "tests/data/fixtures";

    [Test]
    public void Check_FixturesFolder_EveryFileReadByContentWithExactlyItsDeliberateFindings()
    {
        var (code, output, error) = Cli.Run("check", Folder, "--format", "json", "--lang", "en");
        var json = JObject.Parse(output);
        var reports = ((JArray)json["reports"]!).Cast<JObject>().ToDictionary(r => Path.GetFileName((string)r["source"]!));
        var expectedFiles = Directory.GetFiles(Folder, "*.expected.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitFindings), error);
            Assert.That(json["inputErrors"], Is.Empty);
            Assert.That(expectedFiles, Has.Count.EqualTo(6));
            Assert.That(reports.Keys, Is.EquivalentTo(Directory.GetFiles(Folder).Select(Path.GetFileName).Where(n => n != "README.md")), "every report file of the folder was checked");
            foreach (var expectedFile in expectedFiles)
            {
                var expected = JObject.Parse(File.ReadAllText(Path.Combine(Folder, expectedFile)));
                var file = (string)expected["source"]!["file"]!;
                var deliberate = ((JArray)expected["deliberate"]!)
                    .SelectMany(d => Enumerable.Repeat($"{(string)d["severity"]!} {(string)d["rule"]!}", (int)d["count"]!)).Order(StringComparer.Ordinal).ToList();
                foreach (var name in new[] { file, expectedFile })
                {
                    var report = reports[name];
                    var found = ((JArray)report["findings"]!).Where(f => (string)f["severity"]! is "error" or "warning")
                        .Select(f => $"{(string)f["severity"]!} {(string)f["rule"]!}").Order(StringComparer.Ordinal).ToList();
                    Assert.That(found, Is.EqualTo(deliberate), $"{name}: findings at error/warning level");
                    Assert.That((string?)report["schema"], Is.EqualTo((string)expected["schema"]!), $"{name}: schema");
                    Assert.That((int?)report["year"], Is.EqualTo((int)expected["year"]!), $"{name}: year");
                    Assert.That((string?)report["agency"], Is.EqualTo((string)expected["agency"]!["name"]!), $"{name}: agency");
                }

                // The fixture itself: its kind sniffed from the content (a .txt holding markup is HTML), its encoding detected.
                Assert.That((string?)reports[file]["input"]!["format"], Is.EqualTo((string)expected["source"]!["format"]!), $"{file}: format");
                Assert.That((string?)reports[file]["input"]!["encoding"], Is.EqualTo((string?)expected["source"]!["encoding"]), $"{file}: encoding");
            }
        });
    }
}

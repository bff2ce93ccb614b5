using System.Globalization;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Properties;

/// <summary>
/// The long fuzz run (run by <c>tests/fuzz/run-fuzz.sh N</c>, never by a plain <c>dotnet test</c>): FUZZ_INPUTS inputs
/// (default 100,000) from FUZZ_SEED; crashing inputs are written to FUZZ_OUT (default the temp folder) for replay.
/// </summary>
[Explicit("long fuzz run: tests/fuzz/run-fuzz.sh N")]
[Category("LongFuzz")]
public class LongFuzzTests
{
    [Test]
    public void Fuzz_ManyGeneratedInputs_NoCrash()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("FUZZ_INPUTS") ?? "100000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "8", CultureInfo.InvariantCulture);
        var output = Environment.GetEnvironmentVariable("FUZZ_OUT") ?? Path.Combine(Path.GetTempPath(), "govstats-fuzz");
        var texts = Fuzzer.SharedTexts();
        var result = new Fuzzer(seed, texts).Run(count, done => TestContext.Progress.WriteLine($"fuzz: {done} inputs"));
        Directory.CreateDirectory(output);
        for (var i = 0; i < result.Crashes.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(output, $"crash-{i:D4}.bin"), result.Crashes[i].Input);
            File.WriteAllText(Path.Combine(output, $"crash-{i:D4}.txt"), $"{result.Crashes[i].Kind}\n{result.Crashes[i].Exception}");
        }

        File.WriteAllBytes(Path.Combine(output, "slowest.bin"), result.SlowestInput);
        var summary = $"seed {seed}, {texts.Count} shared texts as seeds: {Fuzzer.Summary(result)}";
        TestContext.Progress.WriteLine("FUZZ RESULT: " + summary);
        File.WriteAllText(Path.Combine(output, "summary.txt"), summary + "\n");
        Assert.That(result.Crashes.Select(c => c.Kind + ": " + c.Exception.Split('\n')[0]).Distinct(), Is.Empty, $"crashing inputs in {output}");
    }
}

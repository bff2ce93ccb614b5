using FsCheck;
using FsCheck.Fluent;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Properties;

/// <summary>The order of the files in a batch (and the threads that check them) never changes any finding.</summary>
public class BatchOrderPropertyTests
{
    [Test]
    public void Run_ShuffledFileList_SameFindingsPerFile()
    {
        using var dir = new TempDir();
        var fuzzer = new Fuzzer(77, Fuzzer.SharedTexts());
        var files = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            files.Add(dir.Write($"input-{i:D2}.{(i % 3 == 0 ? "json" : "txt")}", i % 4 == 0 ? Samples.Utf8(Samples.Json2021($"\"review[total]\": {i}")) : fuzzer.Next().Input));
        }

        var baseline = PerFile(Pipeline.Run(files));
        Assert.That(baseline, Has.Count.EqualTo(40));
        Prop.ForAll(Arb.From(Gen.Shuffle(files.ToArray())), shuffled => PerFile(Pipeline.Run(shuffled)).SequenceEqual(baseline))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    /// <summary>Findings, input errors and files skipped as not reports, keyed by file, sorted by file name.</summary>
    private static List<KeyValuePair<string, string>> PerFile(Reporting.CheckRun run) =>
        run.Results.Select(r => KeyValuePair.Create(Path.GetFileName(r.Report.Source)!, string.Join("\n", r.Findings.Select(Pipeline.Finding))))
            .Concat(run.InputErrors.Select(e => KeyValuePair.Create(Path.GetFileName(e.Source), $"input error line {e.Line}: {e.Message}")))
            .Concat(run.Skipped.Select(e => KeyValuePair.Create(Path.GetFileName(e.Source), $"skipped: {e.Message}")))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
}

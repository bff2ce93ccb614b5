using FsCheck;
using FsCheck.Fluent;
using GovStatsValidation.Json;
using GovStatsValidation.Readers;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Properties;

/// <summary>Determinism and equivalence: the same input always gives the same findings, however it travels.</summary>
public class ConsistencyPropertyTests
{
    private static PublishedReportReader Published => Pipeline.Published;

    private static IReadOnlyList<string> FindingsOf(Model.AnnualReport report) => Pipeline.Checker.Check(report).Findings.Select(Pipeline.Finding).ToList();

    /// <summary>Text → report → canonical JSON → report: the findings are the same as checking the report read from the text.</summary>
    private static bool AssertRoundTrip(byte[] text, string name)
    {
        Model.AnnualReport fromText;
        try
        {
            fromText = Published.ToReport(new ReportReader().Read(text), name);
        }
        catch (Exception e) when (e is ReportLoadException or ReportReadException)
        {
            return false; // not a report: nothing to round-trip
        }

        var json = ReportJson.Write(fromText);
        var fromJson = ReportJson.Read(json, name);
        Assert.That(FindingsOf(fromJson), Is.EqualTo(FindingsOf(fromText)), $"{name}: findings changed through JSON");
        Assert.That(ReportJson.Write(fromJson), Is.EqualTo(json), $"{name}: JSON not stable");
        return true;
    }

    [Test]
    public void Check_SameInputTwice_SameFindings()
    {
        var texts = Fuzzer.SharedTexts();
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var fuzzer = new Fuzzer(seed, texts);
            var (_, input) = fuzzer.Next();
            string Outcome()
            {
                try
                {
                    return string.Join("\n", new Fuzzer(seed, texts).CheckBytes(input));
                }
                catch (Exception e) when (e is ReportLoadException or ReportReadException)
                {
                    return "error: " + e.Message;
                }
            }

            return Outcome() == Outcome();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Test]
    public void RoundTrip_GeneratedTexts_SameFindingsAsText()
    {
        var gen = Gen.Zip(Gen.ArrayOf(Gen.Choose(0, 5000), 5), Gen.Choose(2014, 2018), (counts, year) => (counts, year));
        Prop.ForAll(Arb.From(gen), t =>
        {
            var (n, year) = t;
            AssertRoundTrip(Samples.Utf8(Samples.Pre2019Text("示例县人民政府", year, n[0], n[1], n[2], n[3], n[4])), $"generated-{year}.txt");
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Test]
    public void RoundTrip_MutatedTexts_SameFindingsAsText()
    {
        var texts = Fuzzer.SharedTexts();
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            AssertRoundTrip(new Fuzzer(seed, texts).Next().Input, $"mutated-{seed}.txt");
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Test]
    public void RoundTrip_SharedRealTexts_SameFindingsAsText()
    {
        var texts = Repo.RequireSharedTexts();
        var compared = texts.Count(t => AssertRoundTrip(t.Bytes, t.Name));
        Assert.That(compared, Is.EqualTo(texts.Count), "every shared real text reads as a report");
    }

    [Test]
    public void Load_SameJsonTwice_SameReportAndFindings()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var fuzzer = new Fuzzer(seed, []);
            var (_, input) = fuzzer.Next();
            var text = System.Text.Encoding.UTF8.GetString(input);
            string Outcome()
            {
                try
                {
                    var report = ReportJson.Read(text, "x.json");
                    return ReportJson.Write(report) + string.Join("\n", FindingsOf(report));
                }
                catch (ReportLoadException e)
                {
                    return e.Message;
                }
            }

            return Outcome() == Outcome();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}

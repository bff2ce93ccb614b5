using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Properties;

/// <summary>Reading never fails other than with the documented exceptions, whatever the input (bounded runs for CI).</summary>
public class ExtractionPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static bool OnlyDocumentedFailures(Fuzzer fuzzer, byte[] input)
    {
        try
        {
            fuzzer.CheckBytes(input);
        }
        catch (Exception e) when (e is ReportLoadException or Readers.ReportReadException)
        {
        }

        return true; // any other exception propagates and fails the property with its input
    }

    [Test]
    public void Check_RandomTokenText_OnlyDocumentedExceptions()
    {
        var fuzzer = new Fuzzer(1, []);
        var tokens = Gen.Elements("一、", "（一）", "主动公开政府信息数", "收到申请数", "本年新收政府信息公开申请数量", "总计", "条", "件", "——", "12", "-3", "2.5", "99999999999999999999", "\t", "\n", "|", " ", "2020年政府信息公开工作年度报告", "<td>", "（", "１２");
        Prop.ForAll(Arb.From(Gen.ArrayOf(tokens)), parts => OnlyDocumentedFailures(fuzzer, Encoding.UTF8.GetBytes(string.Concat(parts)))).Check(Quick);
    }

    [Test]
    public void Check_RandomBytes_OnlyDocumentedExceptions()
    {
        var fuzzer = new Fuzzer(2, []);
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => OnlyDocumentedFailures(fuzzer, bytes)).Check(Quick);
    }

    [Test]
    public void Check_RandomUnicodeStrings_OnlyDocumentedExceptions()
    {
        var fuzzer = new Fuzzer(3, []);
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => OnlyDocumentedFailures(fuzzer, Encoding.UTF8.GetBytes(text ?? ""))).Check(Quick);
    }

    [Test]
    public void Check_MutatedCorpusText_OnlyDocumentedExceptions()
    {
        var texts = Repo.RequireSharedTexts().Select(t => t.Bytes).ToList();
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var fuzzer = new Fuzzer(seed, texts);
            return OnlyDocumentedFailures(fuzzer, fuzzer.Next().Input);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    [Test]
    public void Check_ShortFuzzRun_NoCrash()
    {
        var result = new Fuzzer(20240601, Fuzzer.SharedTexts()).Run(2_000);
        TestContext.Out.WriteLine(Fuzzer.Summary(result));
        Assert.That(result.Crashes.Select(c => $"{c.Kind}: {c.Exception}"), Is.Empty);
    }
}

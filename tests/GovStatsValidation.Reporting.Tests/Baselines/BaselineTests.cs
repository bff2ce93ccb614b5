using GovStatsValidation.Reporting.Baselines;
using GovStatsValidation.Rules;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests.Baselines;

public sealed class BaselineTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static int FindingCount(CheckRun run) => run.Results.Sum(r => r.Findings.Count);

    [Test]
    public void FromRun_ToJsonThenParse_RoundTrips()
    {
        var baseline = Baseline.FromRun(ExampleRuns.Examples, "known", "auditor", new DateOnly(2026, 1, 31));

        var parsed = Baseline.Parse(baseline.ToJson());

        Assert.That(parsed.Entries, Is.EqualTo(baseline.Entries));
        Assert.That(parsed.ToJson(), Is.EqualTo(baseline.ToJson()));
        Assert.That(baseline.Entries, Has.Count.EqualTo(FindingCount(ExampleRuns.Examples)));
    }

    [Test]
    public void Apply_EveryFindingAccepted_ShowsNothingAndCountsThem()
    {
        var run = ExampleRuns.Examples;
        var baseline = Baseline.FromRun(run, "known", "auditor", Today.AddDays(30));

        var filtered = baseline.Apply(run, Today);

        Assert.Multiple(() =>
        {
            Assert.That(FindingCount(filtered), Is.Zero);
            Assert.That(filtered.Baseline!.Accepted, Is.EqualTo(FindingCount(run)));
            Assert.That(filtered.Baseline.Expired, Is.Empty);
            Assert.That(filtered.Baseline.Stale, Is.Empty);
            Assert.That(filtered.Results, Has.Count.EqualTo(run.Results.Count), "reports stay listed");
        });
    }

    [Test]
    public void Apply_ExpiredEntry_ShowsTheFindingAgainAndListsTheEntry()
    {
        var run = ExampleRuns.Examples;
        var entries = Baseline.FromRun(run, "known", "auditor", Today.AddDays(30)).Entries.ToList();
        entries[0] = entries[0] with { Expires = Today.AddDays(-1) };

        var filtered = new Baseline(entries).Apply(run, Today);

        Assert.Multiple(() =>
        {
            Assert.That(FindingCount(filtered), Is.EqualTo(1));
            Assert.That(filtered.Baseline!.Expired.Single().Fingerprint, Is.EqualTo(entries[0].Fingerprint));
            Assert.That(filtered.Baseline.StateOf(entries[0].Fingerprint), Is.EqualTo(BaselineState.Expired));
        });
    }

    [Test]
    public void Apply_EntryExpiringToday_StillAccepts()
    {
        var run = ExampleRuns.Examples;

        var filtered = Baseline.FromRun(run, "known", "auditor", Today).Apply(run, Today);

        Assert.That(FindingCount(filtered), Is.Zero);
    }

    [Test]
    public void Apply_FiguresChanged_ShowsTheFindingAsChanged()
    {
        var run = ExampleRuns.Examples;
        var entries = Baseline.FromRun(run, "known", "auditor", Today.AddDays(30)).Entries.ToList();
        var index = entries.FindIndex(e => e.Actual is not null);
        entries[index] = entries[index] with { Actual = entries[index].Actual + 1 };

        var filtered = new Baseline(entries).Apply(run, Today);

        Assert.That(FindingCount(filtered), Is.EqualTo(1));
        Assert.That(filtered.Baseline!.StateOf(entries[index].Fingerprint), Is.EqualTo(BaselineState.Changed));
    }

    [Test]
    public void Apply_EntryMatchingNoFinding_IsStaleOnlyWhenItsReportWasChecked()
    {
        var run = ExampleRuns.Examples;
        var checkedReport = run.Results[0].Report;
        var stale = new BaselineEntry { Fingerprint = "0000000000000000", Rule = "x", Agency = checkedReport.Agency.Name, Year = checkedReport.Year, Expires = Today };
        var elsewhere = stale with { Fingerprint = "1111111111111111", Agency = "别的单位" };

        var filtered = new Baseline([stale, elsewhere]).Apply(run, Today);

        Assert.Multiple(() =>
        {
            Assert.That(filtered.Baseline!.Stale, Is.EqualTo(new[] { stale }));
            Assert.That(filtered.Baseline.NotChecked, Is.EqualTo(1));
            Assert.That(FindingCount(filtered), Is.EqualTo(FindingCount(run)));
        });
    }

    /// <summary>
    /// A run that could not have reported an entry's finding (its rule switched off, or its severity below the run's minimum)
    /// does not call the entry stale: it is counted as not compared. The CLI's `--min-severity error` with a baseline of
    /// warnings and infos, and `--disable RULE`, used to call every such entry stale.
    /// </summary>
    [Test]
    public void Apply_EntriesTheRunCouldNotReport_NotStaleButNotCompared()
    {
        var run = ExampleRuns.Examples;
        var baseline = Baseline.FromRun(run, "known", "auditor", Today.AddDays(30));
        var belowError = baseline.Entries.Where(e => e.Severity < Severity.Error).ToList();
        var disabledRule = baseline.Entries.First(e => e.Severity == Severity.Error).Rule;
        var withoutThem = run with
        {
            Results = run.Results.Select(r => r with { Findings = r.Findings.Where(f => f.Severity == Severity.Error && f.RuleId != disabledRule).ToList() }).ToList(),
            CrossReport = run.CrossReport?.Where(c => c.Finding.Severity == Severity.Error && c.Finding.RuleId != disabledRule).ToList(),
        };

        var plain = baseline.Apply(withoutThem, Today);
        var scoped = baseline.Apply(withoutThem, Today, Severity.Error, new HashSet<string>(StringComparer.Ordinal) { disabledRule });

        Assert.Multiple(() =>
        {
            Assert.That(belowError, Is.Not.Empty, "the examples have warnings and infos");
            Assert.That(baseline.Entries.All(e => e.Severity is not null), Is.True, "baseline create records each entry's severity");
            Assert.That(plain.Baseline!.Stale, Has.Count.EqualTo(belowError.Count + baseline.Entries.Count(e => e.Rule == disabledRule)), "compared with everything: all stale");
            Assert.That(scoped.Baseline!.Stale, Is.Empty);
            Assert.That(scoped.Baseline.NotComparable, Is.EqualTo(plain.Baseline.Stale.Count));
            Assert.That(FindingCount(scoped), Is.Zero, "the error findings are still accepted");
        });
    }

    [Test]
    public void ToJsonParse_Severity_RoundTrips()
    {
        var baseline = Baseline.FromRun(ExampleRuns.Examples, "known", "auditor", Today.AddDays(30));

        var again = Baseline.Parse(baseline.ToJson());

        Assert.That(again.Entries.Select(e => e.Severity), Is.EqualTo(baseline.Entries.Select(e => e.Severity)));
        Assert.That(baseline.ToJson(), Does.Contain("\"severity\": \"error\""));
    }

    [Test]
    public void Parse_BrokenEntries_ListsEveryProblemWithItsLine()
    {
        const string json = """
            {
              "version": 1,
              "entries": [
                { "fingerprint": "abc", "rule": "r", "agency": "a", "year": "2020", "expires": "2025-01-01" },
                { "fingerprint": "def", "rule": "r", "agency": "a", "year": 2020, "expires": "next year" }
              ]
            }
            """;

        var e = Assert.Throws<GovStatsValidationException>(() => Baseline.Parse(json, "b.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("2 problem(s)"));
            Assert.That(e.Message, Does.Contain("b.json(4,").And.Contain("'year' must be a whole number, found the string \"2020\""));
            Assert.That(e.Message, Does.Contain("b.json(5,").And.Contain("'expires' must be a date"));
        });
    }

    [Test]
    public void Render_AppliedBaseline_EveryFormatReportsExpiredEntries()
    {
        var run = ExampleRuns.Examples;
        var entries = Baseline.FromRun(run, "known", "auditor", Today.AddDays(30)).Entries.ToList();
        entries[0] = entries[0] with { Expires = Today.AddDays(-1) };
        var filtered = new Baseline(entries).Apply(run, Today);

        foreach (var renderer in RunRenderersTests.Registered.All.Where(r => r.Format is not ("junit" or "sarif")))
        {
            Assert.That(renderer.RenderToString(filtered), Does.Contain(entries[0].Fingerprint), renderer.Format);
        }

        Assert.That(new SarifRenderer().RenderToString(filtered), Does.Contain("\"baselineState\": \"unchanged\""));
    }
}

using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Localization;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats explain FILE</c>: every rule evaluated on one report — passed, failed or not applicable — with the numbers filled in.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "One report file" };
        var outcome = new Option<string>("--outcome") { Description = "Show only rules with this outcome: all, failed, passed, na", DefaultValueFactory = _ => "all" };
        outcome.AcceptOnlyFromAmong("all", "failed", "passed", "na");
        var pipeline = new CheckPipeline();
        var command = new Command("explain", "Evaluate every rule on one report and show pass, fail or not applicable with the numbers") { file, outcome };
        pipeline.AddTo(command, threads: false);
        command.SetAction(parse =>
        {
            if (!pipeline.DisabledRulesKnown(parse, context))
            {
                return CliApp.ExitUnusable;
            }

            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"no such file: {path}");
                return CliApp.ExitUnusable;
            }

            using var services = pipeline.Services(parse, threads: false);
            services.GetRequiredService<RuleCatalog>().CompileAll();
            var checker = services.GetRequiredService<IReportChecker>();
            var report = services.GetRequiredService<IReportLoader>().LoadAsync(path).GetAwaiter().GetResult();
            report.Source = CheckPipeline.Relative(path);
            var evaluations = checker.Explain(report);
            var filter = parse.GetValue(outcome) switch
            {
                "failed" => (RuleOutcome?)RuleOutcome.Failed,
                "passed" => RuleOutcome.Passed,
                "na" => RuleOutcome.NotApplicable,
                _ => null,
            };
            var culture = Messages.MessageCatalog.Culture(parse.GetValue(pipeline.Language));
            var year = report.Year > 0 ? report.Year.ToString(CultureInfo.InvariantCulture) : Messages.MessageCatalog.Get(culture, "year.unknown");
            Write(context.Out, report.Source, Messages.MessageCatalog.Get(culture, "explain.header", ("agency", report.Agency.Name), ("year", year), ("schema", report.Schema.ToToken())),
                evaluations, filter, culture);
            var result = checker.Check(report);
            if (filter is null or RuleOutcome.Failed)
            {
                WriteOtherKinds(context.Out, services.GetRequiredService<IRuleCatalog>(), result.Findings, culture);
            }

            if (result.Localization is { } localization)
            {
                WriteLocalization(context.Out, localization, culture);
            }

            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// The checks of the other kinds the rule catalogue lists (input, narrative, structure): their findings on this report
    /// and how many gave none; the cross-report rules, which need the other reports, by number.
    /// </summary>
    internal static void WriteOtherKinds(TextWriter w, IRuleCatalog catalog, IReadOnlyList<Finding> findings, CultureInfo culture)
    {
        RuleKind[] kinds = [RuleKind.Input, RuleKind.Narrative, RuleKind.Structure];
        var rules = catalog.Rules.Where(r => kinds.Contains(r.Kind)).ToList();
        var shown = findings.Where(f => catalog.Find(f.RuleId) is { } rule && kinds.Contains(rule.Kind)).ToList();
        w.WriteLine(Messages.MessageCatalog.Get(culture, "explain.other-kinds", ("count", shown.Count)));
        foreach (var finding in shown)
        {
            var severity = Messages.MessageCatalog.Get(culture, $"stats.{finding.Severity.ToString().ToLowerInvariant()}");
            w.WriteLine(Messages.MessageCatalog.Get(culture, "explain.other-finding", ("severity", severity), ("rule", finding.RuleId), ("message", finding.Message.In(culture))));
        }

        w.WriteLine(Messages.MessageCatalog.Get(culture, "explain.other-none", ("count", rules.Count(r => shown.All(f => f.RuleId != r.Id)))));
        w.WriteLine(Messages.MessageCatalog.Get(culture, "explain.cross", ("count", catalog.Rules.Count(r => r.Kind == RuleKind.Cross))));
    }

    /// <summary>The localization's reasoning: per located error the cells, their corrections, each piece of evidence with its weight, ties and confidence.</summary>
    internal static void WriteLocalization(TextWriter w, ReportLocalization localization, CultureInfo culture)
    {
        w.WriteLine(Messages.MessageCatalog.Get(culture, "explain.localization-which-cell-is-wrong"));
        foreach (var error in localization.Errors)
        {
            w.WriteLine($"  {Messages.MessageCatalog.Get(culture, "explain.rules")}: {string.Join(", ", error.Rules)}");
            WriteSet(Messages.MessageCatalog.Get(culture, "explain.best"), error.Cells);
            foreach (var tie in error.TiedWith)
            {
                WriteSet(Messages.MessageCatalog.Get(culture, "explain.tied"), tie);
            }

            if (error.RunnerUp is { } next)
            {
                WriteSet(Messages.MessageCatalog.Get(culture, "explain.next"), next);
            }

            w.WriteLine($"    {Messages.MessageCatalog.Get(culture, "explain.confidence")}: {error.Confidence.ToString().ToLowerInvariant()} — {error.Why.In(culture)}");
        }

        foreach (var rule in localization.Unresolved)
        {
            w.WriteLine($"  {Messages.MessageCatalog.Get(culture, "explain.not-localized")}: {rule}");
        }

        void WriteSet(string title, IReadOnlyList<CellCorrection> cells)
        {
            foreach (var c in cells)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {title}: {c.Cell} ({c.Role.ToString().ToLowerInvariant()}) {Model.CellValue.Format(c.Current)} → {Model.CellValue.Format(c.Proposed)}, {Messages.MessageCatalog.Get(culture, "explain.weight")} {c.Weight:0.00}"));
                foreach (var e in c.Evidence)
                {
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        {e.Weight,6:0.00}  {e.Kind}: {e.Text.In(culture)}"));
                }
            }
        }
    }

    internal static void Write(TextWriter w, string source, string header, IReadOnlyList<RuleEvaluation> evaluations, RuleOutcome? filter, CultureInfo culture)
    {
        var words = Messages.MessageCatalog.For(culture);
        w.WriteLine(source);
        w.WriteLine($"  {header}");
        foreach (var e in evaluations.Where(e => filter is null || e.Outcome == filter))
        {
            var word = words.Format(e.Outcome switch
            {
                RuleOutcome.Passed => "explain.passed",
                RuleOutcome.Failed => "explain.failed",
                _ => "explain.not-applicable",
            });
            var instance = e.Instance.Length > 0 ? $" [{e.Instance}]" : "";
            w.WriteLine($"  {word}  {e.RuleId}{instance}");
            w.WriteLine(e.Outcome == RuleOutcome.NotApplicable
                ? $"        {words.Format("explain.reason-prefix", ("reason", e.ReasonText?.In(culture) ?? e.Reason))}"
                : $"        {e.FormulaText?.In(culture) ?? e.Formula}");
        }

        int Count(RuleOutcome o) => evaluations.Count(e => e.Outcome == o);
        w.WriteLine(words.Format("explain.summary", ("count", evaluations.Count), ("passed", Count(RuleOutcome.Passed)),
            ("failed", Count(RuleOutcome.Failed)), ("na", Count(RuleOutcome.NotApplicable))));
    }
}

using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Readers;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats rules list</c>, <c>rules show ID</c>, <c>rules lint DIR</c> (every data file of a folder).</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        // Rule ids, titles and messages come from user rule files: shown, never executed, on a terminal.
        context = context with { Out = new Reporting.TerminalSafeWriter(context.Out), Error = new Reporting.TerminalSafeWriter(context.Error) };
        return new Command("rules", "The rule sets: list them, show one rule with an example that fails, lint a rule folder")
        {
            List(context),
            Show(context),
            Lint(context),
            CoverageCommand.Create(context, Catalog, RulesOption()),
        };
    }

    private static Command List(CliContext context)
    {
        var rules = RulesOption();
        var schema = new Option<string?>("--schema") { Description = "Only rules that apply to this format" };
        schema.AcceptOnlyFromAmong("pre2019", "2019", "2021");
        var language = LanguageOption();
        var command = new Command("list", "List every rule: id, severity, formats, title") { rules, schema, language };
        command.SetAction(parse =>
        {
            var catalog = Catalog(parse.GetValue(rules));
            SchemaVersion? only = SchemaVersions.TryParse(parse.GetValue(schema), out var v) ? v : null;
            var lang = parse.GetValue(language)!;
            foreach (var set in catalog.Sets)
            {
                var shown = set.Rules.Where(r => only is null || r.Schemas.Contains(only.Value)).ToList();
                if (shown.Count == 0)
                {
                    continue;
                }

                context.Out.WriteLine($"{set.Id}  {set.Title.In(lang)}  ({set.Source})");
                foreach (var rule in shown)
                {
                    context.Out.WriteLine($"  {rule.Id,-52} {Severity(rule.Severity),-7} {Schemas(rule),-18} {rule.Title.In(lang)}{(rule.Disabled ? " (disabled)" : "")}");
                }
            }

            // The other kinds (input, narrative, structure, cross-report) apply to every format the package reads.
            var others = Descriptions(parse.GetValue(rules)).Rules.Where(r => r.Kind != RuleKind.Table).ToList();
            foreach (var kind in others.GroupBy(r => r.Kind))
            {
                context.Out.WriteLine($"{Kind(kind.Key)}  {KindTitle(kind.Key, lang)}");
                foreach (var rule in kind)
                {
                    context.Out.WriteLine($"  {rule.Id,-52} {Severity(rule.Severity),-7} {"all",-18} {rule.Title.In(lang)}");
                }
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{catalog.Rules.Count(r => only is null || r.Schemas.Contains(only.Value)) + others.Count} rule(s)"));
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The rule id" };
        var rules = RulesOption();
        var language = LanguageOption();
        var noExample = new Option<bool>("--no-example") { Description = "Do not search for an example that fails" };
        var command = new Command("show", "Show a rule: expression, messages, formats, and a generated example on which it fails") { id, rules, language, noExample };
        command.SetAction(parse =>
        {
            var catalog = Catalog(parse.GetValue(rules));
            var ruleId = parse.GetValue(id)!;
            var rule = catalog.Rules.FirstOrDefault(r => r.Id == ruleId);
            var descriptions = Descriptions(parse.GetValue(rules));
            if (rule is null && descriptions.Find(ruleId) is { } other)
            {
                // Input, narrative, structure and cross-report rules are implemented in code: their id, kind, severity, title and origin.
                context.Out.WriteLine(other.Id);
                context.Out.WriteLine($"  title      {other.Title.Zh} / {other.Title.En}");
                context.Out.WriteLine($"  kind       {Kind(other.Kind)}");
                context.Out.WriteLine($"  severity   {Severity(other.Severity)}");
                context.Out.WriteLine($"  defined in {other.Source}");
                return CliApp.ExitOk;
            }

            if (rule is null)
            {
                var near = descriptions.Rules.Select(r => r.Id).Where(x => x.Contains(ruleId, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
                context.Error.WriteLine($"no rule '{ruleId}'{(near.Count > 0 ? $"; did you mean: {string.Join(", ", near)}" : "")}");
                return CliApp.ExitUnusable;
            }

            var lang = parse.GetValue(language)!;
            var w = context.Out;
            w.WriteLine(rule.Id);
            w.WriteLine($"  title      {rule.Title.Zh} / {rule.Title.En}");
            w.WriteLine($"  severity   {Severity(rule.Severity)}{(rule.Emit == EmitMode.Always ? $" (always reported; {Severity(rule.PassSeverity)} when it holds)" : "")}");
            w.WriteLine($"  schemas    {Schemas(rule)}");
            w.WriteLine($"  defined in {rule.DefinedIn}");
            w.WriteLine($"  expression {rule.Expression}");
            if (rule.When is { } when)
            {
                w.WriteLine($"  when       {when}");
            }

            if (rule.Actual is { } actual)
            {
                w.WriteLine($"  actual     {actual}");
            }

            if (rule.Expected is { } expected)
            {
                w.WriteLine($"  expected   {expected}");
            }

            if (rule.Requires.Count > 0)
            {
                w.WriteLine($"  requires   {string.Join(", ", rule.Requires)}");
            }

            foreach (var (name, values) in rule.ForEach)
            {
                w.WriteLine($"  forEach    ${name} in {string.Join(", ", values)}");
            }

            if (rule.Tolerance != 0)
            {
                w.WriteLine($"  tolerance  {rule.Tolerance.ToString(CultureInfo.InvariantCulture)}");
            }

            var m = rule.Missing;
            w.WriteLine($"  missing    blank={Lower(m.Blank)}, absent={Lower(m.Absent)}, placeholder={Lower(m.Placeholder)}, unreadable={Lower(m.Unreadable)}");
            if (rule.Suspect is { } suspect)
            {
                w.WriteLine($"  suspect    {suspect}");
            }

            w.WriteLine($"  message zh {rule.Message.Zh}");
            w.WriteLine($"  message en {rule.Message.En}");
            if (parse.GetValue(noExample))
            {
                return CliApp.ExitOk;
            }

            foreach (var version in rule.Schemas)
            {
                w.WriteLine();
                var instances = 0;
                var example = rule.Disabled ? null : RuleExamples.Find(catalog, rule.Id, version, out instances);
                if (instances == 0)
                {
                    w.WriteLine($"  example ({version.ToToken()}): none — the rule has no instance in this format{(rule.Disabled ? " (disabled)" : "")}");
                    continue;
                }

                if (example is null)
                {
                    w.WriteLine($"  example ({version.ToToken()}): none found by small changes to an all-zero report");
                    continue;
                }

                w.WriteLine($"  example ({version.ToToken()}): {RuleExamples.Describe(example, lang)}");
                if (example.Evaluation.Instance.Length > 0)
                {
                    w.WriteLine($"    instance  {example.Evaluation.Instance}");
                }

                w.WriteLine($"    formula   {example.Evaluation.Formula}");
                if (example.Finding is { } f)
                {
                    w.WriteLine($"    finding   {Severity(f.Severity)}: {f.Message.In(lang)}");
                }

            }

            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Lint(CliContext context)
    {
        var dir = new Argument<string>("DIR") { Description = "A folder of data files: rule sets (*.rules.json) and any other data file under rules/ (table descriptions, lexicons, concept maps, check sets, agency files)" };
        var command = new Command("lint", "Load every data file of a folder with the loader that reads it, and compile its rule sets against every format without running them; list every problem (exit 2 when there are any)") { dir };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            if (!Directory.Exists(folder))
            {
                context.Error.WriteLine($"no such folder: {folder}");
                return CliApp.ExitUnusable;
            }

            var problems = Problems(folder, out var sets).ToList();
            var data = DataFileLint.Check(folder);
            problems.AddRange(data.SelectMany(d => d.Problems));
            foreach (var p in problems)
            {
                context.Out.WriteLine(Format(p));
            }

            foreach (var unknown in data.Where(d => d.Kind is null && d.Problems.Count == 0))
            {
                context.Out.WriteLine($"{unknown.Path}: note: not a kind of data file govstats loads (its \"$schema\" names none of rules/schema); not checked");
            }

            var ruleFiles = IO.FileTree.Under(folder, DataFileLint.IsRuleFile).Files.Count;
            var dataFiles = data.Count(d => d.Kind is not null);
            if (problems.Count > 0)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s) in {ruleFiles + dataFiles} file(s)"));
                return CliApp.ExitUnusable;
            }

            if (dataFiles > 0)
            {
                var kinds = data.Where(d => d.Kind is not null).GroupBy(d => d.Kind!.Name).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataFiles} data file(s) ({string.Join(", ", kinds)}): no problems"));
            }

            if (ruleFiles > 0 || dataFiles == 0)
            {
                var rules = sets.Sum(s => s.Rules.Count);
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{ruleFiles} file(s), {sets.Count} rule set(s), {rules} rule(s): no problems; compiled for {string.Join(", ", SchemaVersions.All.Select(v => v.ToToken()))}"));
            }

            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>Every problem of a rule folder: loading (JSON, properties, placeholders) and compiling for every format, de-duplicated.</summary>
    internal static IReadOnlyList<DataFileProblem> Problems(string folder, out IReadOnlyList<RuleSet> sets)
    {
        // Each file on its own, so that one broken file does not hide the compile problems of the others.
        var problems = new List<DataFileProblem>();
        var loaded = new List<RuleSet>();
        var tree = IO.FileTree.Under(folder, name => name.EndsWith(".rules.json", StringComparison.Ordinal));
        problems.AddRange(tree.Skipped.Select(s => new DataFileProblem(s.Path, null, null, null, s.Message)));
        foreach (var path in tree.Files)
        {
            try
            {
                loaded.Add(RuleSetLoader.Parse(IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxDataFileBytes, IO.SafeFile.TooLarge), path));
            }
            catch (RuleLoadException e)
            {
                problems.AddRange(e.Problems);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new DataFileProblem(path, null, null, null, e.Message));
            }
        }

        sets = loaded;
        var options = new GovStatsValidationOptions { UseBuiltInRules = false };
        foreach (var set in loaded)
        {
            options.RuleSets.Add(set);
        }

        try
        {
            new RuleCatalog(options).CompileAll();
        }
        catch (RuleLoadException e)
        {
            problems.AddRange(e.Problems);
        }

        return problems.Distinct().ToList();
    }

    /// <summary>A problem as compilers print them: <c>file:line:column: error: [rule] message</c>.</summary>
    internal static string Format(DataFileProblem p)
    {
        var location = p.Line is { } l ? $":{l.ToString(CultureInfo.InvariantCulture)}:{(p.Column ?? 1).ToString(CultureInfo.InvariantCulture)}" : "";
        return $"{p.File}{location}: error: {(p.Item is null ? "" : $"[{p.Item}] ")}{p.Message}";
    }

    private static Option<string[]> RulesOption() => new("--rules") { Description = "Folder of *.rules.json that adds to or overrides the built-in rule sets (repeatable)" };

    private static Option<string> LanguageOption()
    {
        var option = new Option<string>("--lang") { Description = "Language (zh or en)", DefaultValueFactory = _ => "zh" };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    /// <summary>The catalogue of every rule of every kind, with the table rules of the given folders.</summary>
    private static IRuleCatalog Descriptions(string[]? folders)
    {
        using var services = new ServiceCollection()
            .AddGovStatsValidation(o =>
            {
                foreach (var folder in folders ?? [])
                {
                    o.RuleFolders.Add(folder);
                }
            })
            .AddReaders()
            .AddCrossReport()
            .BuildServiceProvider();
        var catalog = services.GetRequiredService<IRuleCatalog>();
        _ = catalog.Rules;
        return catalog;
    }

    private static string Kind(RuleKind kind) => kind.ToString().ToLowerInvariant();

    private static string KindTitle(RuleKind kind, string lang) => (kind switch
    {
        RuleKind.Input => new LocalizedText("输入检查", "Input checks"),
        RuleKind.Narrative => new LocalizedText("正文与统计表比对", "Narrative against the tables"),
        RuleKind.Structure => new LocalizedText("章节结构", "Section structure"),
        RuleKind.Cross => new LocalizedText("跨报告比对", "Across reports"),
        _ => new LocalizedText("表格规则", "Table rules"),
    }).In(lang);

    private static RuleCatalog Catalog(string[]? folders)
    {
        var options = new GovStatsValidationOptions();
        foreach (var folder in folders ?? [])
        {
            options.RuleFolders.Add(folder);
        }

        return new RuleCatalog(options);
    }

    private static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Lower(MissingTreatment treatment) => treatment.ToString().ToLowerInvariant();

    private static string Schemas(RuleDefinition rule) => string.Join(",", rule.Schemas.Select(s => s.ToToken()));
}

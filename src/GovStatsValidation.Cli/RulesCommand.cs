using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Readers;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats rules list</c>, <c>rules show ID</c>, <c>rules lint DIR</c>.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        // Rule ids, titles and messages come from user rule files: shown, never executed, on a terminal.
        context = context with { Out = new Reporting.TerminalSafeWriter(context.Out), Error = new Reporting.TerminalSafeWriter(context.Error) };
        return new Command("rules", "Every rule of every kind: list them, show one (a table rule with an example that fails), lint a rule folder, the cells each rule reads")
        {
            List(context),
            Show(context),
            Lint(context),
            CoverageCommand.Create(context, RulesOption()),
        };
    }

    private static Command List(CliContext context)
    {
        var rules = RulesOption();
        var schema = new Option<string?>("--schema") { Description = "Only rules that apply to this format" };
        schema.AcceptOnlyFromAmong("pre2019", "2019", "2021");
        var language = LanguageOption();
        var command = new Command("list", "List every rule of every kind: id, severity, formats, title") { rules, schema, language };
        command.SetAction(parse =>
        {
            using var services = Services(parse.GetValue(rules));
            var catalog = services.GetRequiredService<IRuleCatalog>();
            SchemaVersion? only = SchemaVersions.TryParse(parse.GetValue(schema), out var v) ? v : null;
            var lang = parse.GetValue(language)!;
            var shown = 0;
            foreach (var kind in catalog.Rules.Where(r => only is null || r.Schemas.Contains(only.Value)).GroupBy(r => r.Kind))
            {
                context.Out.WriteLine($"{Kind(kind.Key)}  {KindTitle(kind.Key).In(lang)}");
                foreach (var rule in kind)
                {
                    var schemas = rule.Definition is null ? "all" : Schemas(rule.Definition);
                    context.Out.WriteLine($"  {rule.Id,-52} {Severity(rule.Severity),-7} {schemas,-18} {rule.Title.In(lang)}{(rule.Definition?.Disabled == true ? " (disabled)" : "")}");
                    shown++;
                }
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shown} rule(s)"));
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
            using var services = Services(parse.GetValue(rules));
            var descriptions = services.GetRequiredService<IRuleCatalog>();
            var ruleId = parse.GetValue(id)!;
            var description = descriptions.Find(ruleId);
            if (description is null)
            {
                var near = descriptions.Rules.Select(r => r.Id).Where(x => x.Contains(ruleId, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
                context.Error.WriteLine($"no rule '{ruleId}'{(near.Count > 0 ? $"; did you mean: {string.Join(", ", near)}" : "")}");
                return CliApp.ExitUnusable;
            }

            if (description.Definition is not { } rule)
            {
                // Input, narrative, structure and some cross-report checks are implemented in code: their id, kind, severity, title and origin.
                context.Out.WriteLine(description.Id);
                context.Out.WriteLine($"  title      {description.Title.Zh} / {description.Title.En}");
                context.Out.WriteLine($"  kind       {Kind(description.Kind)}");
                context.Out.WriteLine($"  severity   {Severity(description.Severity)}");
                context.Out.WriteLine($"  defined in {description.Source}");
                return CliApp.ExitOk;
            }

            var catalog = services.GetRequiredService<RuleCatalog>();
            var lang = parse.GetValue(language)!;
            var w = context.Out;
            w.WriteLine(rule.Id);
            w.WriteLine($"  title      {rule.Title.Zh} / {rule.Title.En}");
            w.WriteLine($"  kind       {Kind(description.Kind)}");
            w.WriteLine($"  severity   {Severity(rule.Severity)}{(rule.Emit == EmitMode.Always ? $" (always reported; {Severity(rule.PassSeverity)} when it holds)" : "")}");
            w.WriteLine($"  schemas    {Schemas(rule)}");
            if (rule.Relation is { } relation)
            {
                w.WriteLine($"  relation   {Relation(relation)}{(relation == RuleRelation.Children ? "" : $" ({string.Join(",", rule.CounterpartSchemas.Select(s => s.ToToken()))}{(rule.SamePairOnly ? ", same format only" : "")})")}");
            }

            if (rule.Variants.Count > 0)
            {
                w.WriteLine($"  variants   {string.Join(", ", rule.Variants)}");
            }

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
            if (rule.NotApplicable is { } notApplicable)
            {
                w.WriteLine($"  n/a zh     {notApplicable.Zh}");
                w.WriteLine($"  n/a en     {notApplicable.En}");
            }

            // A cross-report rule needs two reports: the example search changes one report's cells.
            if (parse.GetValue(noExample) || rule.Relation is not null)
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
        var dir = new Argument<string>("DIR") { Description = "A folder of data files: rule files (*.rules.json, *.cross.json) and any other data file under rules/ (table descriptions, lexicons, concept maps, check sets, agency files)" };
        var command = new Command("lint", "Load every data file of a folder with the loader that reads it, and compile its rule files (table and cross-report rules) against every format without running them; list every problem (exit 2 when there are any)") { dir };
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

            var files = IO.FileTree.Under(folder, RuleSetLoader.IsRuleFile).Files.Count;
            var dataFiles = data.Count(d => d.Kind is not null);
            if (problems.Count > 0)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s) in {files + dataFiles} file(s)"));
                return CliApp.ExitUnusable;
            }

            if (dataFiles > 0)
            {
                var kinds = data.Where(d => d.Kind is not null).GroupBy(d => d.Kind!.Name).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataFiles} data file(s) ({string.Join(", ", kinds)}): no problems"));
            }

            if (files > 0 || dataFiles == 0)
            {
                var rules = sets.Sum(s => s.Rules.Count);
                var cross = sets.Sum(s => s.Rules.Count(r => r.Relation is not null));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{files} file(s), {sets.Count} rule set(s), {rules} rule(s) ({rules - cross} table, {cross} cross-report): no problems; compiled for {string.Join(", ", SchemaVersions.All.Select(v => v.ToToken()))}"));
            }

            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// Every problem of a rule folder: loading (JSON, properties, placeholders) each table and cross-report rule file, then
    /// compiling its table rules for every format and its cross-report rules for every pair of formats they declare, de-duplicated.
    /// </summary>
    internal static IReadOnlyList<DataFileProblem> Problems(string folder, out IReadOnlyList<RuleSet> sets)
    {
        // Each file on its own, so that one broken file does not hide the compile problems of the others.
        var problems = new List<DataFileProblem>();
        var loaded = new List<RuleSet>();
        var tree = IO.FileTree.Under(folder, RuleSetLoader.IsRuleFile);
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
        var crossOptions = new CrossReportOptions { UseBuiltInRules = false };
        foreach (var set in loaded)
        {
            options.RuleSets.Add(set);
            crossOptions.RuleSets.Add(set);
        }

        try
        {
            new RuleCatalog(options).CompileAll();
        }
        catch (RuleLoadException e)
        {
            problems.AddRange(e.Problems);
        }

        try
        {
            _ = new CrossReportChecker(crossOptions); // compiles every cross-report rule for every pair of formats it declares
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

    private static Option<string[]> RulesOption() => new("--rules") { Description = "Folder of rule files (*.rules.json, *.cross.json) that adds to or overrides the built-in rules (repeatable)" };

    private static Option<string> LanguageOption()
    {
        var option = new Option<string>("--lang") { Description = "Language (zh or en)", DefaultValueFactory = _ => "zh" };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    /// <summary>Every package's services, with the rules of the given folders: the catalogue of every rule of every kind (<see cref="IRuleCatalog"/>) and the compiled table rules.</summary>
    internal static ServiceProvider Services(string[]? folders) => new ServiceCollection()
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

    private static string Kind(RuleKind kind) => kind.ToString().ToLowerInvariant();

    private static LocalizedText KindTitle(RuleKind kind) => Messages.MessageCatalog.Text($"rules.kind.{Kind(kind)}");

    private static string Relation(RuleRelation relation) => relation switch
    {
        RuleRelation.PreviousYear => "previousYear (prev.)",
        RuleRelation.Parent => "parent (parent.)",
        _ => "children (children.)",
    };

    private static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Lower(MissingTreatment treatment) => treatment.ToString().ToLowerInvariant();

    private static string Schemas(RuleDefinition rule) => string.Join(",", rule.Schemas.Select(s => s.ToToken()));
}

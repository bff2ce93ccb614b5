using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Cli;

/// <summary>Runs the cross-report checks over the reports of one <c>check</c> run (when more than one report was given).</summary>
internal static class CrossReports
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".text" };

    /// <summary>
    /// The run with its cross-report findings, the reports of each jurisdiction (for the HTML jurisdiction view) and the
    /// figures compared across reports (the concept map's concepts that are sums of cells).
    /// </summary>
    public static CheckRun Check(CheckRun run, Severity minimum)
    {
        var checker = new CrossReportChecker(new CrossReportOptions { MinimumSeverity = minimum, TextProvider = Text });
        var reports = run.Results.Select(r => r.Report).ToList();
        var errors = new List<InputError>();
        var entries = new List<CrossReportEntry>();
        IReadOnlyList<JurisdictionGroup> groups;
        try
        {
            groups = ReportSet.Build(reports, checker.Resolver, Text).Jurisdictions;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
        {
            // The per-file results stand; only the cross-report part is lost, and said so.
            return run with { InputErrors = [.. run.InputErrors, new InputError("(cross-report checks)", Internal(e))] };
        }

        foreach (var group in groups)
        {
            try
            {
                entries.AddRange(checker.CheckJurisdiction(group)
                    .Select(c => new CrossReportEntry(c.Jurisdiction, c.Subject.Source, c.Subject.Agency, c.Subject.Year, c.Finding,
                        c.Sources.Select(s => s.ToString()).ToList())));
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
            {
                // One jurisdiction's defect never costs the others (or the per-file results) their findings.
                errors.Add(new InputError($"(cross-report checks of {group.Name}: {string.Join(", ", group.Reports.Select(r => r.Report.Source).Take(5))})", Internal(e)));
            }
        }

        // Grouped again for the view without reading texts a second time: government reports are known by name.
        var jurisdictions = groups
            .Select(g => new JurisdictionReports(g.Name, g.Reports
                .Select(e => new JurisdictionMember(e.AsSource.ToString(), e.Identity.IsGovernment || e.Scope == ReportScope.Jurisdiction))
                .ToList()))
            .ToList();
        return run with { CrossReport = entries, Jurisdictions = jurisdictions, Concepts = ViewConcepts.Value, InputErrors = [.. run.InputErrors, .. errors] };
    }

    private static string Internal(Exception e) => $"internal error in the cross-report checks (please report it): {e.GetType().Name}: {e.Message}";

    private static readonly Lazy<IReadOnlyList<ViewConcept>> ViewConcepts = new(() => Concepts(ConceptMap.BuiltIn));

    /// <summary>
    /// The concepts of a concept map as rows of the jurisdiction view: per format, the cells whose sum the concept is. A
    /// format whose expression is more than a sum of cells is left out (the view shows no figure there rather than a wrong one).
    /// </summary>
    /// <remarks>
    /// The concept map has no concept for applications handled (办结 / 办理结果总计); the view adds it from the core cells
    /// (<see cref="Handled"/>). Rows follow the flow of applications, then reviews, lawsuits and documents, then the rest by id.
    /// </remarks>
    internal static IReadOnlyList<ViewConcept> Concepts(ConceptMap map)
    {
        var concepts = map.Concepts
            .Select(c => new ViewConcept(c.Id, c.Title, c.Expressions
                .Select(kv => (Version: kv.Key, Cells: SumOfCells(kv.Value)))
                .Where(x => x.Cells is not null)
                .ToDictionary(x => x.Version, x => x.Cells!)))
            .Where(c => c.Cells.Count > 0)
            .ToList();
        if (!concepts.Any(c => c.Id == Handled.Id))
        {
            concepts.Add(Handled);
        }

        return concepts
            .OrderBy(c => Array.IndexOf(RowOrder, c.Id) is var i and >= 0 ? i : RowOrder.Length)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static readonly string[] RowOrder =
        ["applications.received", "applications.carried_over", "applications.handled", "applications.carried_forward", "reviews.total", "lawsuits.total", "normative_docs.issued"];

    /// <summary>Applications handled in the year: 申请办结数 in the pre-2019 统计表, 办理结果 总计 in the 2019 and 2021 formats.</summary>
    internal static ViewConcept Handled { get; } = new(
        "applications.handled",
        new LocalizedText("办结的申请", "applications handled"),
        new Dictionary<SchemaVersion, IReadOnlyList<CellId>>
        {
            [SchemaVersion.Pre2019] = [new CellId("requests.completed")],
            [SchemaVersion.Format2019] = [new CellId("result.total[total]")],
            [SchemaVersion.Format2021] = [new CellId("result.total[total]")],
        });

    private static IReadOnlyList<CellId>? SumOfCells(string expression)
    {
        var terms = expression.Split('+', StringSplitOptions.TrimEntries);
        return terms.All(t => t.Length > 0 && t.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '[' or ']') && char.IsAsciiLetter(t[0]))
            ? terms.Select(t => new CellId(t)).ToList()
            : null;
    }

    /// <summary>The text of a report read from a plain-text file, decoded as the readers decode it (UTF-8, UTF-16, GB18030).</summary>
    private static string? Text(AnnualReport report)
    {
        // The Source here is the path discovery found (CheckPipeline sets it), never a path from report data.
        if (report.Source is not { } path || !TextExtensions.Contains(Path.GetExtension(path)) || IO.SafeFile.KindOf(path) != IO.FileKind.Regular)
        {
            return null;
        }

        try
        {
            return TextDecoding.Decode(IO.SafeFile.ReadAllBytes(path, PublishedReportReader.MaxBytes, IO.SafeFile.TooLarge)).Text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

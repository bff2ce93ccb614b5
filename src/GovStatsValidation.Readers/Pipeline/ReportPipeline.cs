using System.Runtime.CompilerServices;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Model;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>The default <see cref="IReportPipeline"/>.</summary>
internal sealed class ReportPipeline : IReportPipeline
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".text" };

    private readonly IReportChecker _checker;
    private readonly IReportLoader _loader;
    private readonly CrossReportChecker? _cross;
    private readonly ReportReadingOptions _options;

    /// <summary>The reader that gives the prose of HTML, Word and PDF reports to the shared facts: built once, when first needed.</summary>
    private readonly Lazy<ReportReader> _textReader = new(() => new ReportReader());

    public ReportPipeline(IReportChecker checker, IReportLoader loader, IOptions<ReportReadingOptions> options, CrossReportChecker? cross)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(options);
        _checker = checker;
        _loader = loader;
        _cross = cross;
        _options = options.Value;
    }

    public ReportInputs Discover(IEnumerable<string> paths) => ReportPipelines.Discover(paths);

    public async Task<ReportCheckResult> CheckFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var report = await _loader.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        report.Source = Display(path);
        return _checker.Check(report);
    }

    public async Task<ReportCheckResult> CheckStreamAsync(Stream content, string name, CancellationToken cancellationToken = default)
    {
        var report = await _loader.LoadAsync(content, name, cancellationToken).ConfigureAwait(false);
        return _checker.Check(report);
    }

    public Task<ReportSetResult> CheckAsync(IEnumerable<string> paths, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        CheckAsync(Discover(paths), progress, cancellationToken);

    public async Task<ReportSetResult> CheckAsync(ReportInputs inputs, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = inputs.Files;
        var results = new ReportCheckResult?[files.Count];
        var errors = new ReportInputError?[files.Count];
        var notReports = new ReportInputError?[files.Count];
        // The file each report was read from: report texts for the cross-report checks come from there, never from a path in the report's data.
        var readFrom = new ConditionalWeakTable<AnnualReport, string>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism < 1 ? -1 : _options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) =>
        {
            var source = Display(files[i]);
            try
            {
                var report = await _loader.LoadAsync(files[i], token).ConfigureAwait(false);
                report.Source = source;
                readFrom.AddOrUpdate(report, files[i]);
                results[i] = _checker.Check(report);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (ReportLoadException e) when (e.NotAReport)
            {
                notReports[i] = new ReportInputError(source, e.Reason, e.Line);
            }
            catch (ReportLoadException e)
            {
                errors[i] = new ReportInputError(source, e.Cell is null ? e.Reason : $"cell '{e.Cell}': {e.Reason}", e.Line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                errors[i] = new ReportInputError(source, e.Message);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
            {
                // A defect in a reader or a rule: reported against this file, so one input never stops the batch.
                errors[i] = new ReportInputError(source, $"internal error while checking this file (please report it): {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                progress?.Report(source);
            }
        }).ConfigureAwait(false);

        var checkedReports = results.OfType<ReportCheckResult>().ToList();
        var inputErrors = errors.OfType<ReportInputError>()
            .Concat(inputs.Skipped.Select(s => new ReportInputError(Display(s.Path), s.Message)))
            .Concat(inputs.Missing.Select(m => new ReportInputError(m, "no such file or folder")))
            .ToList();
        var result = new ReportSetResult(checkedReports, inputErrors) { NotReports = notReports.OfType<ReportInputError>().ToList() };
        // Cross-report checks need two reports; an agency file that expects reports asks who has reported even of one.
        if (_cross is null || (checkedReports.Count < 2 && _cross.Resolver.Map.Expected.Count == 0) || checkedReports.Count == 0)
        {
            return result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // The per-file error boundary covers the cross-report checks too: a defect there costs its jurisdiction's
        // cross-report findings (reported as an input error), never the per-file results or the other jurisdictions.
        ReportSet set;
        try
        {
            set = ReportSet.Build(checkedReports.Select(r => r.Report), _cross.Resolver, report => Text(readFrom, report));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
        {
            return result with { InputErrors = [.. inputErrors, new ReportInputError("(cross-report checks)", Internal(e))] };
        }

        var cross = new List<CrossReportFinding>();
        var crossErrors = new List<ReportInputError>();
        var position = new Dictionary<AnnualReport, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < checkedReports.Count; i++)
        {
            position[checkedReports[i].Report] = i;
        }

        foreach (var group in set.Jurisdictions)
        {
            try
            {
                cross.AddRange(_cross.CheckJurisdiction(group));
                Relocalize(group, checkedReports, position);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
            {
                crossErrors.Add(new ReportInputError($"(cross-report checks of {group.Name}: {string.Join(", ", group.Reports.Select(r => r.Report.Source).Take(5))})", Internal(e)));
            }
        }

        cross = CrossYearSuspects.Assign(cross, checkedReports);

        // Who has reported (with the agency map's expected bodies, or the bodies seen in any year).
        IReadOnlyList<ReportingCoverage>? coverage = null;
        try
        {
            coverage = ReportCoverage.Of(set, _cross.Resolver);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
        {
            crossErrors.Add(new ReportInputError("(who has reported)", Internal(e)));
        }

        return result with { Results = checkedReports, CrossReport = cross, Jurisdictions = set.Jurisdictions, InputErrors = [.. inputErrors, .. crossErrors], Coverage = coverage };
    }

    /// <summary>A report with failures whose body's report of the year before is in the set is localized again with it as evidence.</summary>
    private void Relocalize(JurisdictionGroup group, List<ReportCheckResult> results, Dictionary<AnnualReport, int> position)
    {
        foreach (var entry in group.Reports)
        {
            if (position.TryGetValue(entry.Report, out var i) && results[i].Localization is not null
                && group.Find(entry.Identity.Key, entry.Report.Year - 1) is { } previous)
            {
                results[i] = _checker.Relocalize(results[i], previous.Report);
            }
        }
    }

    private static string Internal(Exception e) => $"internal error in the cross-report checks (please report it): {e.GetType().Name}: {e.Message}";

    /// <summary>
    /// The text of a report for the cross-report facts, read again from the file it came from: a plain-text file decoded as
    /// the readers decode it (UTF-8, UTF-16, GB18030); an HTML, Word or PDF file through the readers' text layer (a PDF is
    /// parsed again, so its facts cost a second read; holding every report's text for the whole set would cost more memory).
    /// </summary>
    private string? Text(ConditionalWeakTable<AnnualReport, string> readFrom, AnnualReport report)
    {
        if (!readFrom.TryGetValue(report, out var path))
        {
            return null;
        }

        try
        {
            var bytes = IO.SafeFile.ReadAllBytes(path, PublishedReportReader.MaxBytes, IO.SafeFile.TooLarge);
            return TextExtensions.Contains(Path.GetExtension(path))
                ? TextDecoding.Decode(bytes).Text
                : string.Join('\n', _textReader.Value.Read(bytes).Text.OriginalLines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReportReadException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The source shown for a file: relative to <see cref="ReportReadingOptions.RelativeTo"/> when set and not far up.</summary>
    private string Display(string path)
    {
        // A name that is not UTF-8 is shown with its bytes (\xFF); the file itself is opened by its exact bytes.
        if (_options.RelativeTo is not { } root)
        {
            return IO.SafeFile.Display(path);
        }

        var relative = Path.GetRelativePath(root, path);
        return IO.SafeFile.Display(relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 3 ? path : relative);
    }
}

using GovStatsValidation.Checking;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>
/// What <c>govstats check</c> does, as a library: read report files or streams (the reader chosen by content), check each
/// with every registered finding source (table rules, narrative figures, section structure), read folders in parallel
/// with results in a deterministic order, and run the cross-report checks over the set. Registered by <c>AddReaders</c>.
/// </summary>
public interface IReportPipeline
{
    /// <summary>The files that paths stand for: files, folders (searched recursively) and globs (<c>*</c>, <c>?</c>, <c>**</c>).</summary>
    /// <param name="paths">The paths.</param>
    /// <returns>The files, sorted and de-duplicated, and the paths that named nothing.</returns>
    ReportInputs Discover(IEnumerable<string> paths);

    /// <summary>Reads and checks one report file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report and its findings.</returns>
    /// <exception cref="ReportLoadException">The file is not a report that can be read; the message names file, line and cell.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    Task<ReportCheckResult> CheckFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Reads and checks one report from a stream (read to its end, not closed).</summary>
    /// <param name="content">The content: JSON, text, HTML or Word.</param>
    /// <param name="name">The file name, for messages and as the report's source.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report and its findings.</returns>
    /// <exception cref="ReportLoadException">The content is not a report that can be read.</exception>
    Task<ReportCheckResult> CheckStreamAsync(Stream content, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads and checks every file that the paths stand for (see <see cref="Discover"/>), then checks the reports against
    /// each other. A file that cannot be read is an input error of the result; the others are still checked.
    /// </summary>
    /// <param name="paths">Files, folders and globs.</param>
    /// <param name="progress">Told the source of each file when it is done (from any thread), if given.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The results, in file order.</returns>
    Task<ReportSetResult> CheckAsync(IEnumerable<string> paths, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="CheckAsync(IEnumerable{string}, IProgress{string}?, CancellationToken)"/>, for inputs already discovered.</summary>
    /// <param name="inputs">The files (and the paths that named nothing, reported as input errors).</param>
    /// <param name="progress">Told the source of each file when it is done (from any thread), if given.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The results, in file order.</returns>
    Task<ReportSetResult> CheckAsync(ReportInputs inputs, IProgress<string>? progress = null, CancellationToken cancellationToken = default);
}

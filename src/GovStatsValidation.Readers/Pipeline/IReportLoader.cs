using GovStatsValidation.Model;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>
/// Reads one report file or stream into the report model, the reader chosen by content (canonical JSON; plain text, HTML
/// or Word), with the narrative figures of the text read as claims. Registered by <c>AddReaders</c>.
/// </summary>
public interface IReportLoader
{
    /// <summary>Reads a report file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report; its <see cref="AnnualReport.Source"/> is <paramref name="path"/>.</returns>
    /// <exception cref="ReportLoadException">The file is empty, too large or not a report; the message names file, line and cell.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    Task<AnnualReport> LoadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Reads a report from a stream (read to its end; not closed).</summary>
    /// <param name="content">The content.</param>
    /// <param name="name">The file name, for messages and as the report's <see cref="AnnualReport.Source"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ReportLoadException">The content is empty, too large or not a report.</exception>
    Task<AnnualReport> LoadAsync(Stream content, string name, CancellationToken cancellationToken = default);
}

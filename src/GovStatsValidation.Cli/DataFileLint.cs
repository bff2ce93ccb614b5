using GovStatsValidation.CrossReport;
using GovStatsValidation.Json;
using GovStatsValidation.Readers.Narrative;

namespace GovStatsValidation.Cli;

/// <summary>
/// The data files of a folder other than rule files (table descriptions, concept maps, lexicons, check sets, agency files),
/// each checked by the loader that reads it at run time, with the one error model of every data file.
/// </summary>
internal static class DataFileLint
{
    /// <summary>Every kind of data file the packages load, besides rule files.</summary>
    public static IReadOnlyList<DataFileKind> Kinds { get; } = [DataFileKind.TableDescription, .. CrossReportDataFiles.Kinds, .. NarrativeDataFiles.Kinds];

    /// <summary>One file: its kind (<see langword="null"/> when it is no known kind) and its problems.</summary>
    internal sealed record Result(string Path, DataFileKind? Kind, IReadOnlyList<DataFileProblem> Problems);

    /// <summary>Checks every <c>*.json</c> under a folder (recursively, in ordinal path order) that is neither a rule file nor an editor schema (<c>*.schema.json</c>).</summary>
    public static IReadOnlyList<Result> Check(string folder)
    {
        var results = new List<Result>();
        var tree = IO.FileTree.Under(folder, name => name.EndsWith(".json", StringComparison.Ordinal) && !Rules.RuleSetLoader.IsRuleFile(name) && !name.EndsWith(".schema.json", StringComparison.Ordinal));
        results.AddRange(tree.Skipped.Select(s => new Result(s.Path, null, [new DataFileProblem(s.Path, null, null, null, s.Message)])));
        foreach (var path in tree.Files)
        {
            string text;
            try
            {
                text = IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxDataFileBytes, IO.SafeFile.TooLarge);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or GovStatsValidationException)
            {
                results.Add(new Result(path, null, [new DataFileProblem(path, null, null, null, $"cannot read the file: {e.Message}")]));
                continue;
            }

            var kind = Kinds.FirstOrDefault(k => k.Matches(path, text));
            results.Add(new Result(path, kind, kind?.Check(path, text) ?? []));
        }

        return results;
    }
}

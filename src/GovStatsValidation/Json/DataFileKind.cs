using System.Text.RegularExpressions;

namespace GovStatsValidation.Json;

/// <summary>
/// A kind of data file under <c>rules/</c> (a table description, a concept map, a narrative lexicon …): how a file of the
/// kind is recognised, by its name or by the editor schema its <c>"$schema"</c> names, and the loader that checks it. Each
/// package lists the kinds it loads (<see cref="TableDescription"/> here; <c>CrossReportDataFiles.Kinds</c>,
/// <c>NarrativeDataFiles.Kinds</c>), so <c>govstats rules lint</c> checks every kind of data file with the loader that
/// reads it at run time, and reports its problems as every loader does (<see cref="DataFileProblem"/>).
/// </summary>
public sealed partial class DataFileKind
{
    private readonly Func<string, bool> _matchesName;
    private readonly Action<string, string> _load;

    /// <summary>Creates a kind.</summary>
    /// <param name="name">What the kind is, e.g. <c>table description</c>.</param>
    /// <param name="schema">The file name of its editor schema under <c>rules/schema/</c>, e.g. <c>table.schema.json</c>.</param>
    /// <param name="matchesName">Whether a file name (without folder) is one of the kind's names, e.g. <c>*.table.json</c>.</param>
    /// <param name="load">Loads a file's text under its name; throws <see cref="DataFileLoadException"/> with every problem.</param>
    public DataFileKind(string name, string schema, Func<string, bool> matchesName, Action<string, string> load)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(matchesName);
        ArgumentNullException.ThrowIfNull(load);
        Name = name;
        Schema = schema;
        _matchesName = matchesName;
        _load = load;
    }

    /// <summary>What the kind is.</summary>
    public string Name { get; }

    /// <summary>The file name of the kind's editor schema (<c>rules/schema/…</c>).</summary>
    public string Schema { get; }

    /// <summary>Table descriptions (<c>rules/tables/*.table.json</c>), read by <see cref="Schemas.SchemaCatalog"/>.</summary>
    public static DataFileKind TableDescription { get; } = new(
        "table description", "table.schema.json", n => n.EndsWith(".table.json", StringComparison.Ordinal),
        (text, path) => Schemas.SchemaCatalog.ReadDescription(text, path));

    /// <summary>
    /// Whether a file is of this kind: its <c>"$schema"</c> names the kind's schema, or, when it names none, its file name
    /// is one of the kind's names.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="text">The file's text.</param>
    /// <returns><see langword="true"/> when the file is of this kind.</returns>
    public bool Matches(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return SchemaOf(text) is { } schema
            ? schema == Schema || schema.EndsWith("/" + Schema, StringComparison.Ordinal)
            : _matchesName(Path.GetFileName(path));
    }

    /// <summary>Checks a file of this kind with the loader that reads it at run time.</summary>
    /// <param name="path">The file's path, named in every problem.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>Every problem of the file (none when it loads).</returns>
    public IReadOnlyList<DataFileProblem> Check(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            _load(text, path);
            return [];
        }
        catch (DataFileLoadException e)
        {
            return e.Problems;
        }
    }

    /// <summary>The <c>"$schema"</c> a data file's text names near its top, if any (read without parsing, so a broken file is still recognised).</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The schema reference, or <see langword="null"/>.</returns>
    public static string? SchemaOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var match = SchemaProperty().Match(text.Length > 4096 ? text[..4096] : text);
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex("\"\\$schema\"\\s*:\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SchemaProperty();
}

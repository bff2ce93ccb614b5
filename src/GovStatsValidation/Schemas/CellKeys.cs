using System.Collections.Frozen;

namespace GovStatsValidation.Schemas;

/// <summary>
/// A process-wide number for every cell id of the built-in formats and their variants. A report's cells take the number
/// of their id when they are set (<see cref="Model.ReportCells"/>), and each format maps numbers to its frame slots, so
/// loading a report into a frame looks no id up.
/// </summary>
internal static class CellKeys
{
    /// <summary>The key of an id no built-in format has.</summary>
    public const int None = -1;

    private static readonly Lazy<FrozenDictionary<string, int>> Keys = new(Build);

    /// <summary>The key of a cell id, or <see cref="None"/>.</summary>
    public static int Of(CellId id) => id.Value is { } value && Keys.Value.TryGetValue(value, out var key) ? key : None;

    /// <summary>How many keys there are.</summary>
    public static int Count => Keys.Value.Count;

    private static FrozenDictionary<string, int> Build()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var version in SchemaVersions.All)
        {
            var schema = SchemaCatalog.Get(version);
            foreach (var described in schema.Variants.Prepend(schema))
            {
                foreach (var cell in described.Cells)
                {
                    keys.TryAdd(cell.Id.Value, keys.Count);
                }
            }
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

namespace GovStatsValidation.Schemas;

/// <summary>
/// The stable English id of one table cell: the row id, and for tables with columns the column id in
/// brackets, e.g. <c>active.total</c>, <c>requests.new[natural_person]</c>, <c>review[total]</c>.
/// </summary>
/// <param name="Value">The id text.</param>
public readonly record struct CellId(string Value) : IComparable<CellId>
{
    /// <summary>The row part of the id (before the bracket).</summary>
    public string Row => Value.IndexOf('[') is var i and >= 0 ? Value[..i] : Value;

    /// <summary>The column part of the id (inside the brackets), or <see langword="null"/> for a table without columns.</summary>
    public string? Column => Value.IndexOf('[') is var i and >= 0 && Value.EndsWith(']') ? Value[(i + 1)..^1] : null;

    /// <summary>Builds the id of a row and optional column.</summary>
    public static CellId Of(string row, string? column) => new(column is null ? row : $"{row}[{column}]");

    /// <inheritdoc/>
    public int CompareTo(CellId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Whether an id sorts before another (ordinal order of the id texts).</summary>
    public static bool operator <(CellId left, CellId right) => left.CompareTo(right) < 0;

    /// <summary>Whether an id sorts before or equals another.</summary>
    public static bool operator <=(CellId left, CellId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether an id sorts after another.</summary>
    public static bool operator >(CellId left, CellId right) => left.CompareTo(right) > 0;

    /// <summary>Whether an id sorts after or equals another.</summary>
    public static bool operator >=(CellId left, CellId right) => left.CompareTo(right) >= 0;

    /// <summary>Converts an id text to a <see cref="CellId"/>.</summary>
    public static implicit operator CellId(string value) => new(value);
}

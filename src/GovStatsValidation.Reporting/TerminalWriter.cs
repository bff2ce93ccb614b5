using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace GovStatsValidation.Reporting;

/// <summary>Text painted in an ANSI colour by the renderer itself; the only way a control character reaches a terminal.</summary>
internal readonly struct Painted
{
    private Painted(string raw) => Raw = raw;

    public string Raw { get; }

    /// <summary>Paints text (escaped first) when colours are on; plain escaped text otherwise.</summary>
    public static Painted Paint(bool color, string code, string text) =>
        new(color ? $"\u001b[{code}m{Escaping.Terminal(text)}\u001b[0m" : Escaping.Terminal(text));
}

/// <summary>
/// Lines for a terminal, escaped by construction: the literal parts of an interpolated line are the renderer's own text
/// and are written as they are; every value in a hole is passed through <see cref="Escaping.Terminal"/>, except
/// <see cref="Painted"/> values (whose text was escaped when painted). There is no way to write an unescaped string.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner)
{
    public void Line() => inner.WriteLine();

    public void Line(TerminalLine line) => inner.WriteLine(line.ToStringAndClear());
}

/// <summary>The interpolated string handler of <see cref="TerminalWriter.Line(TerminalLine)"/>.</summary>
[InterpolatedStringHandler]
internal ref struct TerminalLine
{
    private readonly StringBuilder _sb;

    public TerminalLine(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string value) => _sb.Append(value);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public readonly void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public readonly void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public readonly void AppendFormatted<T>(T value, int alignment, string? format)
    {
        if (value is Painted painted)
        {
            _sb.Append(painted.Raw);
            return;
        }

        var text = value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "";
        text = Escaping.Terminal(text);
        if (alignment > 0)
        {
            text = text.PadLeft(alignment);
        }
        else if (alignment < 0)
        {
            text = text.PadRight(-alignment);
        }

        _sb.Append(text);
    }

    public readonly string ToStringAndClear()
    {
        var s = _sb.ToString();
        _sb.Clear();
        return s;
    }
}

/// <summary>
/// A writer for messages printed to a terminal (errors, <c>rules lint</c>, <c>rules show</c>): every line break is kept,
/// every other control character (escape sequences, carriage returns, bidirectional overrides) is shown by
/// <see cref="Escaping.Terminal"/> instead of being executed.
/// </summary>
/// <param name="inner">Where the escaped text goes.</param>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <inheritdoc/>
    public override void Write(char value) => Write(value.ToString());

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var lines = value.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                inner.Write('\n');
            }

            var line = lines[i];
            // A Windows line end before the break is a line end, not a carriage return that rewrites the line.
            if (i < lines.Length - 1 && line.EndsWith('\r'))
            {
                inner.Write(Escaping.Terminal(line[..^1]));
                inner.Write('\r');
            }
            else
            {
                inner.Write(Escaping.Terminal(line));
            }
        }
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();
}

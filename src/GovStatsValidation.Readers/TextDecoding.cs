using System.Text;

namespace GovStatsValidation.Readers;

/// <summary>How <see cref="TextDecoding"/> chose the encoding of a byte sequence.</summary>
public enum EncodingDecision
{
    /// <summary>A byte order mark at the start of the data named the encoding.</summary>
    ByteOrderMark,

    /// <summary>The bytes are valid UTF-8 (no BOM).</summary>
    ValidUtf8,

    /// <summary>No BOM, but the distribution of zero bytes shows UTF-16.</summary>
    Utf16Heuristic,

    /// <summary>The bytes are not valid UTF-8; GB18030 (a superset of GBK and GB2312) was used.</summary>
    FallbackGb18030,

    /// <summary>The caller named the encoding.</summary>
    Explicit,

    /// <summary>Mostly UTF-8 with some lines that are not (e.g. GB18030 pasted in): each line decoded on its own, the others listed as issues.</summary>
    MixedPerLine,
}

/// <summary>Bytes that could not be decoded in the chosen encoding.</summary>
/// <param name="ByteOffset">Offset of the first offending byte in the input.</param>
/// <param name="Length">Number of offending bytes.</param>
/// <param name="Message">What is wrong.</param>
public sealed record DecodingIssue(long ByteOffset, int Length, string Message);

/// <summary>The result of decoding: the text, the encoding and why it was chosen.</summary>
public sealed class DecodedText
{
    internal DecodedText(string text, string encodingName, EncodingDecision decision, string reason, IReadOnlyList<DecodingIssue> issues)
    {
        Text = text;
        EncodingName = encodingName;
        Decision = decision;
        Reason = reason;
        Issues = issues;
    }

    /// <summary>The decoded text, BOM removed. Invalid byte sequences appear as U+FFFD and are listed in <see cref="Issues"/>.</summary>
    public string Text { get; }

    /// <summary>Web name of the encoding used (<c>utf-8</c>, <c>utf-16LE</c>, <c>utf-16BE</c>, <c>GB18030</c>).</summary>
    public string EncodingName { get; }

    /// <summary>How the encoding was decided.</summary>
    public EncodingDecision Decision { get; }

    /// <summary>A human-readable sentence explaining the decision.</summary>
    public string Reason { get; }

    /// <summary>Byte sequences invalid in the chosen encoding, with their offsets. Empty when the input decoded cleanly.</summary>
    public IReadOnlyList<DecodingIssue> Issues { get; }
}

/// <summary>Thrown when an input cannot be read as a report (binary data, unknown container).</summary>
public sealed class ReportReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ReportReadException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause.</param>
    public ReportReadException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Whether the content is of no report format at all (an image, an archive, a spreadsheet): skipped in a folder.</summary>
    internal bool NotAReport { get; init; }
}

/// <summary>Bytes to text for report files: UTF-8 (with or without BOM), UTF-16 LE/BE, GB18030/GBK.
/// Never guesses silently: the result names the encoding and the reason.</summary>
public static class TextDecoding
{
    private static readonly Lazy<Encoding> Gb18030Strict = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    });

    /// <summary>The GB18030 encoding (registers the code pages provider on first use).</summary>
    internal static Encoding Gb18030 => Gb18030Strict.Value;

    /// <summary>Decodes report bytes, detecting the encoding.</summary>
    /// <param name="bytes">The file content.</param>
    /// <returns>The text with the encoding name, the decision and any invalid byte sequences.</returns>
    /// <exception cref="ReportReadException">The data is binary (NUL bytes outside UTF-16 text, or control bytes).</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            var body = bytes[3..];
            RejectBinary(body, 3);
            return DecodeUtf8(body, 3, EncodingDecision.ByteOrderMark, "UTF-8 byte order mark (EF BB BF) at the start");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return DecodeUtf16(bytes[2..], 2, littleEndian: true, EncodingDecision.ByteOrderMark, "UTF-16 LE byte order mark (FF FE) at the start");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return DecodeUtf16(bytes[2..], 2, littleEndian: false, EncodingDecision.ByteOrderMark, "UTF-16 BE byte order mark (FE FF) at the start");
        }

        var utf16 = GuessUtf16(bytes);
        if (utf16 is { } le)
        {
            return DecodeUtf16(bytes, 0, le, EncodingDecision.Utf16Heuristic,
                le ? "no BOM; zero bytes at odd offsets indicate UTF-16 LE" : "no BOM; zero bytes at even offsets indicate UTF-16 BE");
        }

        RejectBinary(bytes, 0);
        var invalidAt = FirstInvalidUtf8(bytes);
        if (invalidAt < 0)
        {
            return DecodeUtf8(bytes, 0, EncodingDecision.ValidUtf8, "no BOM; the bytes are valid UTF-8");
        }

        if (DecodeMixed(bytes) is { } mixed)
        {
            return mixed;
        }

        var issues = FindGb18030Issues(bytes);
        var text = Gb18030.GetString(bytes);
        return new DecodedText(text, "GB18030", EncodingDecision.FallbackGb18030,
            $"no BOM; not valid UTF-8 (first invalid byte at offset {invalidAt}); decoded as GB18030 (superset of GBK)", issues);
    }

    /// <summary>Decodes with a named encoding, still reporting invalid bytes.</summary>
    /// <param name="bytes">The data.</param>
    /// <param name="encodingName">An encoding name such as <c>utf-8</c>, <c>gbk</c>, <c>gb18030</c>, <c>utf-16</c>.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ReportReadException">The data is binary.</exception>
    /// <exception cref="ArgumentException">The encoding name is unknown.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string encodingName)
    {
        ArgumentNullException.ThrowIfNull(encodingName);
        var name = encodingName.Trim().ToLowerInvariant();
        switch (name)
        {
            case "utf-8" or "utf8":
                RejectBinary(bytes, 0);
                return DecodeUtf8(bytes, 0, EncodingDecision.Explicit, "encoding named by the caller");
            case "utf-16" or "utf-16le" or "unicode":
                return DecodeUtf16(bytes, 0, true, EncodingDecision.Explicit, "encoding named by the caller");
            case "utf-16be":
                return DecodeUtf16(bytes, 0, false, EncodingDecision.Explicit, "encoding named by the caller");
            case "gbk" or "gb2312" or "gb18030" or "cp936":
                RejectBinary(bytes, 0);
                return new DecodedText(Gb18030.GetString(bytes), "GB18030", EncodingDecision.Explicit,
                    $"encoding named by the caller ({encodingName}, read as GB18030)", FindGb18030Issues(bytes));
            default:
                throw new ArgumentException($"Unknown encoding '{encodingName}'.", nameof(encodingName));
        }
    }

    private static DecodedText DecodeUtf8(ReadOnlySpan<byte> bytes, long baseOffset, EncodingDecision decision, string reason)
    {
        var issues = new List<DecodingIssue>();
        var pos = 0;
        while (pos < bytes.Length)
        {
            var bad = FirstInvalidUtf8(bytes[pos..]);
            if (bad < 0)
            {
                break;
            }

            var at = pos + bad;
            var len = InvalidUtf8RunLength(bytes[at..]);
            issues.Add(new DecodingIssue(baseOffset + at, len, $"invalid UTF-8 sequence at byte offset {baseOffset + at}"));
            pos = at + len;
        }

        return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", decision, reason, issues);
    }

    private static DecodedText DecodeUtf16(ReadOnlySpan<byte> bytes, long baseOffset, bool littleEndian, EncodingDecision decision, string reason)
    {
        var issues = new List<DecodingIssue>();
        if (bytes.Length % 2 != 0)
        {
            issues.Add(new DecodingIssue(baseOffset + bytes.Length - 1, 1, "odd number of bytes in UTF-16 data; last byte ignored"));
            bytes = bytes[..^1];
        }

        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = littleEndian
                ? (char)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8))
                : (char)((bytes[2 * i] << 8) | bytes[(2 * i) + 1]);
        }

        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                    continue;
                }

                issues.Add(new DecodingIssue(baseOffset + (2L * i), 2, $"unpaired high surrogate at byte offset {baseOffset + (2L * i)}"));
                chars[i] = '\uFFFD';
            }
            else if (char.IsLowSurrogate(c))
            {
                issues.Add(new DecodingIssue(baseOffset + (2L * i), 2, $"unpaired low surrogate at byte offset {baseOffset + (2L * i)}"));
                chars[i] = '\uFFFD';
            }
            else if (c == '\0' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'))
            {
                throw new ReportReadException($"Binary data: control character U+{(int)c:X4} at byte offset {baseOffset + (2L * i)} in UTF-16 text.");
            }
        }

        var name = littleEndian ? "utf-16LE" : "utf-16BE";
        return new DecodedText(new string(chars), name, decision, reason, issues);
    }

    /// <summary>Returns true for LE, false for BE, null when the data does not look like UTF-16.</summary>
    private static bool? GuessUtf16(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length & ~1, 4096);
        if (n < 4)
        {
            return null;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0)
            {
                zeroEven++;
            }

            if (bytes[i + 1] == 0)
            {
                zeroOdd++;
            }
        }

        // UTF-8 and GB18030 text never contains zero bytes; UTF-16 text has ASCII code units (digits, spaces, line breaks)
        // whose zero byte sits at odd offsets (LE) or even offsets (BE).
        if (zeroEven == 0 && zeroOdd == 0)
        {
            return null;
        }

        int le = 0, be = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i + 1] == 0 && IsAsciiText(bytes[i]))
            {
                le++;
            }

            if (bytes[i] == 0 && IsAsciiText(bytes[i + 1]))
            {
                be++;
            }
        }

        if (le >= 2 && le > 4 * be)
        {
            return true;
        }

        if (be >= 2 && be > 4 * le)
        {
            return false;
        }

        return null;
    }

    private static bool IsAsciiText(byte b) => b == 0x09 || b == 0x0A || b == 0x0D || (b >= 0x20 && b < 0x7F);

    private static void RejectBinary(ReadOnlySpan<byte> bytes, long baseOffset)
    {
        // An old Office file (Word 97–2003 .doc, WPS) may well be a report: unreadable, never skipped as "not a report".
        var oldOffice = baseOffset == 0 && bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        if (oldOffice)
        {
            throw new ReportReadException("An old Office file (Word 97–2003 .doc, .wps or .xls): it cannot be read; save it as .docx (or PDF) to check it.");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ReportReadException($"Binary data: NUL byte at offset {baseOffset + nul}; not a text report (a .docx or .pdf must be read by its own reader).") { NotAReport = true };
        }

        var controls = 0;
        var first = -1;
        var n = Math.Min(bytes.Length, 65536);
        for (var i = 0; i < n; i++)
        {
            var b = bytes[i];
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1A)
            {
                controls++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        if (controls > 0 && controls * 100 > n)
        {
            throw new ReportReadException($"Binary data: {controls} control bytes in the first {n} bytes (first at offset {baseOffset + first}).") { NotAReport = true };
        }
    }

    /// <summary>Offset of the first byte that starts an invalid UTF-8 sequence, or -1.</summary>
    /// <summary>
    /// A file whose lines with non-ASCII bytes are mostly valid UTF-8 is decoded line by line: a line that is not valid
    /// UTF-8 is read as GB18030 and listed as an issue, so one pasted line or a stray byte never garbles the whole report.
    /// Null when most such lines are not UTF-8 (the whole file is then GB18030).
    /// </summary>
    private static DecodedText? DecodeMixed(ReadOnlySpan<byte> bytes)
    {
        var utf8Lines = 0;
        var otherLines = 0;
        for (var start = 0; start < bytes.Length;)
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            var line = end < 0 ? bytes[start..] : bytes[start..(start + end)];
            if (line.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            {
                if (FirstInvalidUtf8(line) < 0)
                {
                    utf8Lines++;
                }
                else
                {
                    otherLines++;
                }
            }

            start = end < 0 ? bytes.Length : start + end + 1;
        }

        if (utf8Lines <= otherLines * 2)
        {
            return null;
        }

        var sb = new StringBuilder(bytes.Length);
        var issues = new List<DecodingIssue>();
        var lineNumber = 1;
        for (var start = 0; start < bytes.Length; lineNumber++)
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            var length = end < 0 ? bytes.Length - start : end + 1;
            var line = bytes.Slice(start, length);
            var bad = FirstInvalidUtf8(line);
            if (bad < 0)
            {
                sb.Append(Encoding.UTF8.GetString(line));
            }
            else
            {
                var gbIssues = FindGb18030Issues(line);
                var decoded = Gb18030.GetString(line);
                sb.Append(decoded);
                issues.Add(new DecodingIssue(start + bad, length - bad,
                    $"line {lineNumber} is not valid UTF-8 (byte offset {start + bad}); read as GB18030{(gbIssues.Count > 0 ? " with invalid bytes" : "")}: '{decoded.TrimEnd('\r', '\n')}'"));
            }

            start += length;
        }

        return new DecodedText(sb.ToString(), "utf-8+GB18030", EncodingDecision.MixedPerLine,
            $"no BOM; {utf8Lines} line(s) with non-ASCII text are UTF-8 and {otherLines} are not; those were read as GB18030, line by line", issues);
    }

    internal static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            // Fast path for ASCII.
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            var len = Utf8SequenceLength(bytes[i..]);
            if (len <= 0)
            {
                return i;
            }

            i += len;
        }

        return -1;
    }

    private static int InvalidUtf8RunLength(ReadOnlySpan<byte> bytes)
    {
        var i = 1;
        while (i < bytes.Length && i < 4 && bytes[i] >= 0x80 && bytes[i] < 0xC0)
        {
            i++;
        }

        return i;
    }

    /// <summary>Length of the valid multi-byte sequence at the start, or 0 when invalid.</summary>
    private static int Utf8SequenceLength(ReadOnlySpan<byte> s)
    {
        var b0 = s[0];
        int need;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF)
        {
            need = 1;
            min = 0x80;
        }
        else if (b0 >= 0xE0 && b0 <= 0xEF)
        {
            need = 2;
            min = 0x800;
        }
        else if (b0 >= 0xF0 && b0 <= 0xF4)
        {
            need = 3;
            min = 0x10000;
        }
        else
        {
            return 0;
        }

        if (s.Length < need + 1)
        {
            return 0;
        }

        var cp = b0 & (0x3F >> need);
        for (var k = 1; k <= need; k++)
        {
            var c = s[k];
            if ((c & 0xC0) != 0x80)
            {
                return 0;
            }

            cp = (cp << 6) | (c & 0x3F);
        }

        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            return 0;
        }

        return need + 1;
    }

    /// <summary>Scans GB18030 byte structure and lists invalid sequences with their offsets.</summary>
    internal static IReadOnlyList<DecodingIssue> FindGb18030Issues(ReadOnlySpan<byte> bytes)
    {
        var issues = new List<DecodingIssue>();
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            if (b == 0x80 || b == 0xFF)
            {
                issues.Add(new DecodingIssue(i, 1, $"invalid GB18030 lead byte 0x{b:X2} at byte offset {i}"));
                i++;
                continue;
            }

            if (i + 1 >= bytes.Length)
            {
                issues.Add(new DecodingIssue(i, 1, $"truncated GB18030 sequence at byte offset {i}"));
                break;
            }

            var b1 = bytes[i + 1];
            if ((b1 >= 0x40 && b1 <= 0x7E) || (b1 >= 0x80 && b1 <= 0xFE))
            {
                i += 2;
                continue;
            }

            if (b1 >= 0x30 && b1 <= 0x39)
            {
                if (i + 3 < bytes.Length && bytes[i + 2] >= 0x81 && bytes[i + 2] <= 0xFE && bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39)
                {
                    i += 4;
                    continue;
                }

                issues.Add(new DecodingIssue(i, Math.Min(4, bytes.Length - i), $"invalid GB18030 four-byte sequence at byte offset {i}"));
                i += 2;
                continue;
            }

            issues.Add(new DecodingIssue(i, 2, $"invalid GB18030 trail byte 0x{b1:X2} at byte offset {i + 1}"));
            i++;
        }

        return issues;
    }
}

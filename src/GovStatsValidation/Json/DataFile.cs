using System.Globalization;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Json;

/// <summary>
/// One data file under <c>rules/</c> (or a user's copy of one) being read: its JSON with line information, and every
/// problem found in it so far. Every loader of a data file reads through this type, so all of them report the same
/// problems the same way (<see cref="DataFileProblem"/>: file, 1-based line and column, item, message) and throw them
/// all at once (<see cref="ThrowIfAny"/>). Malformed JSON is one problem at its position; each duplicated key is a
/// problem at the duplicate (the first value is kept so the rest of the file is still checked); the typed accessors
/// report a missing or wrongly typed property instead of throwing, so one pass lists every problem of a file.
/// </summary>
public sealed class DataFile
{
    private readonly List<DataFileProblem> _problems = [];

    private DataFile(string name) => Name = name;

    /// <summary>The file's name as problems name it: the embedded name (<c>rules/tables/2021.table.json</c>) or the user's path.</summary>
    public string Name { get; }

    /// <summary>The top-level object, or <see langword="null"/> when the text is not a JSON object (a problem says why).</summary>
    public JObject? Root { get; private set; }

    /// <summary>Every problem found so far, in the order found.</summary>
    public IReadOnlyList<DataFileProblem> Problems => _problems;

    /// <summary>Whether any problem was found.</summary>
    public bool HasProblems => _problems.Count > 0;

    /// <summary>Parses a data file's text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="name">The file name problems are reported under.</param>
    /// <returns>The file; <see cref="Root"/> is <see langword="null"/> when the text is not a JSON object.</returns>
    public static DataFile Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        var file = new DataFile(name);
        file.Load(json);
        return file;
    }

    /// <summary>
    /// Reads a user's data file from disk (regular files only, at most <see cref="ProcessingLimits.MaxDataFileBytes"/>, UTF-8);
    /// a file that cannot be read is a problem of the file, not an exception.
    /// </summary>
    /// <param name="path">The path, named in every problem as given.</param>
    /// <returns>The file.</returns>
    public static DataFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxDataFileBytes, IO.SafeFile.TooLarge);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or GovStatsValidationException)
        {
            var file = new DataFile(path);
            file._problems.Add(new DataFileProblem(path, null, null, null, $"cannot read the file: {e.Message}"));
            return file;
        }

        return Parse(text, path);
    }

    /// <summary>Reads a data file embedded in an assembly under its <c>rules/…</c> name.</summary>
    /// <param name="assembly">The assembly that embeds the file.</param>
    /// <param name="name">The resource name, e.g. <c>rules/cross/concepts.json</c>.</param>
    /// <returns>The file.</returns>
    /// <exception cref="InvalidOperationException">The assembly embeds no such file (a build defect).</exception>
    public static DataFile ReadEmbedded(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(name);
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), name);
    }

    /// <summary>Throws every problem found at once, if there is any.</summary>
    /// <exception cref="DataFileLoadException">The file has problems; all are listed.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new DataFileLoadException(_problems.ToList());
        }
    }

    /// <summary>Reports a problem at a token's position.</summary>
    /// <param name="at">The token the problem is in (its line and column are reported), or <see langword="null"/> for the whole file.</param>
    /// <param name="item">The item (rule id, row id, concept, alias), when the problem is in one.</param>
    /// <param name="message">What is wrong.</param>
    public void Report(JToken? at, string? item, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (line, column) = at is null ? (null, null) : Position(at);
        _problems.Add(new DataFileProblem(Name, line, column, item, message));
    }

    /// <summary>The 1-based line and column of a token, when the JSON was read with line information.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The position, or two <see langword="null"/>s.</returns>
    public static (int? Line, int? Column) Position(JToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var info = (IJsonLineInfo)token;
        return info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (null, null);
    }

    /// <summary>Reports every property of an object that is not one of <paramref name="known"/> (names starting with <c>$</c>, such as <c>$schema</c> and <c>$comment</c>, are always allowed).</summary>
    /// <param name="owner">The object.</param>
    /// <param name="item">The item the object describes, when it is one.</param>
    /// <param name="known">The property names the object may have.</param>
    public void CheckProperties(JObject owner, string? item, params IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(known);
        foreach (var property in owner.Properties())
        {
            if (!property.Name.StartsWith('$') && !known.Contains(property.Name, StringComparer.Ordinal))
            {
                Report(property, item, $"unknown property '{property.Name}' (known: {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>A string property.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The string, or <see langword="null"/> when missing or not a string (reported).</returns>
    public string? GetString(JObject owner, string name, string? item, bool required = false) =>
        Get(owner, name, item, required, "a string", t => t.Type == JTokenType.String, t => (string?)t);

    /// <summary>An integer property that fits in <see cref="int"/>.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The integer, or <see langword="null"/> when missing or not an integer (reported).</returns>
    public int? GetInteger(JObject owner, string name, string? item, bool required = false) =>
        Get(owner, name, item, required, "an integer", t => t is JValue { Type: JTokenType.Integer, Value: long v } && v is >= int.MinValue and <= int.MaxValue, t => (int?)(long)t);

    /// <summary>A number property (integer or decimal).</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The number, or <see langword="null"/> when missing or not a number (reported).</returns>
    public decimal? GetNumber(JObject owner, string name, string? item, bool required = false) =>
        Get(owner, name, item, required, "a number", IsDecimal, t => decimal.Parse(((JValue)t).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>A boolean property.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The value, or <see langword="null"/> when missing or not <c>true</c>/<c>false</c> (reported).</returns>
    public bool? GetBoolean(JObject owner, string name, string? item, bool required = false) =>
        Get(owner, name, item, required, "true or false", t => t.Type == JTokenType.Boolean, t => (bool?)t);

    /// <summary>An object property.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The object, or <see langword="null"/> when missing or not an object (reported).</returns>
    public JObject? GetObject(JObject owner, string name, string? item, bool required = false) =>
        Get(owner, name, item, required, "an object", t => t.Type == JTokenType.Object, t => (JObject)t);

    /// <summary>An array property.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The array, or <see langword="null"/> when missing or not an array (reported).</returns>
    public JArray? GetArray(JObject owner, string name, string? item, bool required = false) =>
        Get(owner, name, item, required, "an array", t => t.Type == JTokenType.Array, t => (JArray)t);

    /// <summary>The objects of an array property; an element that is not an object is reported and left out.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The objects (none when the property is missing or not an array).</returns>
    public IReadOnlyList<JObject> GetObjects(JObject owner, string name, string? item, bool required = false)
    {
        var result = new List<JObject>();
        foreach (var element in GetArray(owner, name, item, required) ?? [])
        {
            if (element is JObject o)
            {
                result.Add(o);
            }
            else
            {
                Report(element, item, $"each element of '{name}' must be an object");
            }
        }

        return result;
    }

    /// <summary>An array of strings; an element that is not a string is reported and left out.</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The strings (none when the property is missing or not an array).</returns>
    public IReadOnlyList<string> GetStrings(JObject owner, string name, string? item, bool required = false)
    {
        return StringsOf(GetArray(owner, name, item, required), name, item);
    }

    /// <summary>The strings of an array token (for arrays that are values of a map rather than named properties).</summary>
    /// <param name="array">The array, or <see langword="null"/>.</param>
    /// <param name="what">What the array is, for problems.</param>
    /// <param name="item">The item, for problems.</param>
    /// <returns>The strings; an element that is not a string is reported and left out.</returns>
    public IReadOnlyList<string> StringsOf(JArray? array, string what, string? item)
    {
        var result = new List<string>();
        foreach (var element in array ?? [])
        {
            if (element.Type == JTokenType.String)
            {
                result.Add((string)element!);
            }
            else
            {
                Report(element, item, $"each element of '{what}' must be a string");
            }
        }

        return result;
    }

    /// <summary>A text in both languages: an object with <c>"zh"</c> and <c>"en"</c> strings (and nothing else).</summary>
    /// <param name="owner">The object holding the property.</param>
    /// <param name="name">The property name.</param>
    /// <param name="item">The item, for problems.</param>
    /// <param name="required">Whether a missing property is a problem.</param>
    /// <returns>The text, or <see langword="null"/> when missing or malformed (reported).</returns>
    public LocalizedText? GetText(JObject owner, string name, string? item, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var token = owner[name];
        if (token is null)
        {
            if (required)
            {
                Report(owner, item, $"missing '{name}' (an object with \"zh\" and \"en\" strings)");
            }

            return null;
        }

        return TextOf(token, name, item);
    }

    /// <summary>A text in both languages from a token: an object with <c>"zh"</c> and <c>"en"</c> strings.</summary>
    /// <param name="token">The token.</param>
    /// <param name="what">What the text is, for problems.</param>
    /// <param name="item">The item, for problems.</param>
    /// <returns>The text, or <see langword="null"/> when malformed (reported).</returns>
    public LocalizedText? TextOf(JToken token, string what, string? item)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token is JObject o && o["zh"]?.Type == JTokenType.String && o["en"]?.Type == JTokenType.String)
        {
            CheckProperties(o, item, "zh", "en");
            return new LocalizedText((string)o["zh"]!, (string)o["en"]!);
        }

        Report(token, item, $"'{what}' must be an object with \"zh\" and \"en\" strings");
        return null;
    }

    private T? Get<T>(JObject owner, string name, string? item, bool required, string kind, Func<JToken, bool> accepts, Func<JToken, T> convert)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(name);
        var token = owner[name];
        if (token is null)
        {
            if (required)
            {
                Report(owner, item, $"missing '{name}' ({kind})");
            }

            return default;
        }

        if (!accepts(token))
        {
            Report(token, item, $"'{name}' must be {kind}, not {Describe(token)}");
            return default;
        }

        return convert(token);
    }

    private static bool IsDecimal(JToken token)
    {
        if (token.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            return false;
        }

        return decimal.TryParse(((JValue)token).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => $"the string \"{Shorten((string)token!)}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {((JValue)token).ToString(CultureInfo.InvariantCulture)}",
        JTokenType.Boolean => (bool)token ? "true" : "false",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private void Load(string json)
    {
        try
        {
            // First pass: every duplicated key (the loaded tree keeps only one value, so the pass over tokens finds them).
            using (var scan = Reader(json))
            {
                var keys = new Stack<HashSet<string>>();
                while (scan.Read())
                {
                    switch (scan.TokenType)
                    {
                        case JsonToken.StartObject:
                            keys.Push(new HashSet<string>(StringComparer.Ordinal));
                            break;
                        case JsonToken.EndObject:
                            keys.Pop();
                            break;
                        case JsonToken.PropertyName:
                            var key = (string)scan.Value!;
                            if (!keys.Peek().Add(key))
                            {
                                _problems.Add(new DataFileProblem(Name, scan.LineNumber, scan.LinePosition, null,
                                    $"duplicate key '{key}' in one object (at {Parent(scan.Path)}); the first one is kept"));
                            }

                            break;
                    }
                }
            }

            // Second pass: the tree, with line information; a duplicated key keeps its first value. Malformed JSON throws here
            // at its position (the first pass stops quietly at a truncated end).
            using var reader = Reader(json);
            if (!reader.Read())
            {
                _problems.Add(new DataFileProblem(Name, null, null, null, "the file is empty; it must hold a JSON object"));
                return;
            }

            var token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Ignore,
                CommentHandling = CommentHandling.Ignore,
            });
            if (reader.Read())
            {
                _problems.Add(new DataFileProblem(Name, reader.LineNumber, reader.LinePosition, null, "not valid JSON: more text after the end of the JSON value"));
                return;
            }

            if (token is JObject root)
            {
                Root = root;
            }
            else
            {
                Report(token, null, $"the file must hold a JSON object, not {Describe(token)}");
            }
        }
        catch (JsonReaderException e)
        {
            _problems.Add(new DataFileProblem(Name, e.LineNumber == 0 ? null : e.LineNumber, e.LinePosition == 0 ? null : e.LinePosition, null,
                $"not valid JSON: {StripLocation(e.Message)}"));
        }
    }

    private static JsonTextReader Reader(string json) =>
        new(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 64 };

    private static string Parent(string path)
    {
        var end = path.LastIndexOfAny(['.', '[']);
        return end > 0 ? path[..end] : "the top level";
    }

    private static string StripLocation(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}

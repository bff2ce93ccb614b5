using Newtonsoft.Json.Linq;

namespace GovStatsValidation.TestUtils;

/// <summary>Broken copies of the data files under <c>rules/</c>, for the tests of their loaders' error model.</summary>
public static class BrokenDataFiles
{
    /// <summary>The text of a data file under <c>rules/</c> (path relative to it, e.g. <c>cross/concepts.json</c>).</summary>
    public static string Original(string relativePath) => File.ReadAllText(Path.Combine(RepoPaths.Rules, relativePath));

    /// <summary>
    /// A copy of a data file with <paramref name="change"/> applied to its JSON (a wrong type, an unknown property …) and
    /// the key <c>$dup</c> written twice at its top, so the copy has one duplicate-key problem besides the change's own.
    /// </summary>
    public static string Copy(string relativePath, Action<JObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var root = JObject.Parse(Original(relativePath));
        change(root);
        var text = root.ToString();
        return "{\n  \"$dup\": 1,\n  \"$dup\": 2," + text[1..];
    }

    /// <summary>A copy cut in the middle (malformed JSON).</summary>
    public static string Truncated(string relativePath)
    {
        var text = Original(relativePath);
        return text[..(text.Length / 2)];
    }
}

using System.Text.RegularExpressions;

namespace GovStatsValidation.Readers;

/// <summary>Turns the PATH arguments (files, folders searched recursively, globs) into a sorted, de-duplicated file list.</summary>
internal static class InputDiscovery
{
    /// <summary>File names that are never reports (documentation beside the reports).</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "EXPECTED.md", "INDEX.md", "README.md" };

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> arguments)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add(Path.GetFullPath(argument));
            }
            else if (Directory.Exists(argument))
            {
                foreach (var file in Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories))
                {
                    var name = Path.GetFileName(file);
                    if (!name.StartsWith('.') && !Ignored.Contains(name))
                    {
                        files.Add(Path.GetFullPath(file));
                    }
                }
            }
            else if (argument.IndexOfAny(['*', '?']) >= 0)
            {
                var matched = Glob(argument).ToList();
                if (matched.Count == 0)
                {
                    missing.Add(argument);
                }

                files.UnionWith(matched);
            }
            else
            {
                missing.Add(argument);
            }
        }

        return (files.ToList(), missing);
    }

    /// <summary>Expands a glob: <c>*</c> and <c>?</c> within a path segment, <c>**</c> across folders.</summary>
    private static IEnumerable<string> Glob(string pattern)
    {
        var full = Path.GetFullPath(pattern.Replace("**", "__GLOBSTAR__", StringComparison.Ordinal)).Replace("__GLOBSTAR__", "**", StringComparison.Ordinal);
        var firstWildcard = full.IndexOfAny(['*', '?']);
        var root = Path.GetDirectoryName(full[..firstWildcard]) ?? "/";
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var regex = new Regex("^" + Regex.Escape(full).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$", RegexOptions.NonBacktracking);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (regex.IsMatch(Path.GetFullPath(file)))
            {
                yield return Path.GetFullPath(file);
            }
        }
    }
}

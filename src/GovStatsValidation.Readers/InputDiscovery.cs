using System.Text.RegularExpressions;

namespace GovStatsValidation.Readers;

/// <summary>
/// Turns the PATH arguments (files, folders searched recursively, globs) into a sorted, de-duplicated file list. Only
/// regular files are listed: FIFOs, devices and sockets, links to nothing and folders that cannot be read are returned as
/// skipped with the reason (never opened, never a hang); every real file is listed once however many paths or links reach
/// it (by device and inode), so symlink loops end at once; file names that are not UTF-8 are kept as bytes
/// (<see cref="IO.SafeFile.PathFromBytes"/>).
/// </summary>
internal static class InputDiscovery
{
    /// <summary>File names that are never reports (documentation beside the reports).</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "EXPECTED.md", "INDEX.md", "README.md" };

    private static bool Include(string name) => !name.StartsWith('.') && !Ignored.Contains(name);

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> arguments)
    {
        var (files, missing, _) = Discover(arguments);
        return (files, missing);
    }

    /// <summary>The files to read, the arguments that name nothing, and what was found but not read (with why).</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing, IReadOnlyList<IO.SkippedPath> Skipped) Discover(IEnumerable<string> arguments)
    {
        var tree = new IO.FileTree();
        var missing = new List<string>();
        foreach (var argument in arguments)
        {
            var kind = IO.SafeFile.KindOf(argument);
            if (kind == IO.FileKind.Directory)
            {
                tree.Walk(argument, Include);
            }
            else if (kind != IO.FileKind.Missing)
            {
                // A file named on the command line: read if it is a regular file, reported (not opened) otherwise.
                tree.AddFile(argument);
            }
            else if (argument.IndexOfAny(['*', '?']) >= 0)
            {
                var before = tree.Files.Count;
                foreach (var file in Glob(argument))
                {
                    tree.AddFile(file);
                }

                if (tree.Files.Count == before)
                {
                    missing.Add(argument);
                }
            }
            else
            {
                missing.Add(argument);
            }
        }

        var files = tree.Files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var skipped = tree.Skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        return (files, missing, skipped);
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
        var tree = new IO.FileTree();
        tree.Walk(root, _ => true);
        foreach (var file in tree.Files.Select(Path.GetFullPath))
        {
            if (regex.IsMatch(file))
            {
                yield return file;
            }
        }
    }
}

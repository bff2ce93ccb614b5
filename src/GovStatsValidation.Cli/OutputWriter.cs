using System.Security.Cryptography;
using System.Text;
using GovStatsValidation.IO;

namespace GovStatsValidation.Cli;

/// <summary>An output file could not be written; the message names the path the user gave.</summary>
internal sealed class OutputWriteException(string message, Exception? inner = null) : GovStatsValidationException(message, inner);

/// <summary>
/// Writes output to standard output or to the <c>--out</c> file. A regular file (or a path that does not exist yet) is
/// written atomically: a temporary file created exclusively (<c>O_EXCL</c>, never through a planted link) with an
/// unpredictable name in the target's own folder, locked while written, then renamed over the target; on any failure it
/// is removed, and a temporary file a killed run left behind is removed by the next run that writes there. A symlink is
/// followed to the file it names (the link stays a link). A FIFO or device (<c>/dev/stdout</c>) is written through, never
/// replaced. The target is compared with every input by identity (device and inode), so no path — a symlinked folder, a
/// hard link, <c>..</c> — can make the output overwrite an input.
/// </summary>
internal static class OutputWriter
{
    /// <summary>The end of every temporary file's name: <c>.{name}.{16 random hex digits}.govstats-tmp</c>.</summary>
    public const string TempSuffix = ".govstats-tmp";

    /// <summary>Why <paramref name="path"/> cannot be the output, or null: never over an input, never a folder.</summary>
    public static string? Problem(string? path, IReadOnlyList<string> inputs)
    {
        if (path is null)
        {
            return null;
        }

        var shown = SafeFile.Display(path);
        var kind = SafeFile.KindOf(path);
        if (kind == FileKind.Directory)
        {
            return $"--out {shown} is a folder; name a file";
        }

        if (kind == FileKind.Missing)
        {
            // Nothing there yet (or a dangling link): it cannot be an input.
            return null;
        }

        var target = SafeFile.IdentityOf(path);
        var resolved = target is null ? Resolve(path) : null;
        foreach (var input in inputs)
        {
            var same = target is { } id ? SafeFile.IdentityOf(input) == id : string.Equals(Resolve(input), resolved, StringComparison.Ordinal);
            if (same)
            {
                return $"--out {shown} is one of the input files; refusing to overwrite an input ({SafeFile.Display(input)})";
            }
        }

        return null;
    }

    /// <summary>Renders to standard output, or to <paramref name="path"/> as described on the class.</summary>
    /// <exception cref="OutputWriteException">The file could not be written (disk full, no permission, …); the message names <paramref name="path"/>.</exception>
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> render)
    {
        if (path is null)
        {
            render(stdout);
            stdout.Flush();
            return;
        }

        var kind = SafeFile.KindOf(path);
        if (kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket)
        {
            WriteThrough(path, render);
            return;
        }

        if (kind == FileKind.Directory)
        {
            throw new OutputWriteException($"cannot write --out {SafeFile.Display(path)}: it is a folder; name a file");
        }

        string target;
        try
        {
            target = FinalTarget(path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, e, null);
        }

        var folder = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        RemoveLeftovers(folder, name);
        string? temp = null;
        try
        {
            FileStream stream;
            while (true)
            {
                temp = Path.Combine(folder, $".{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}{TempSuffix}");
                try
                {
                    // CreateNew is O_CREAT|O_EXCL: never opens an existing file or follows a link planted at the name.
                    // FileShare.None takes an exclusive lock, which tells a live write from a killed run's leftover.
                    stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    break;
                }
                catch (IOException) when (File.Exists(temp) || new FileInfo(temp).LinkTarget is not null)
                {
                    // Taken (a 1 in 2^64 collision, or a planted name): another name.
                }
            }

            using (stream)
            {
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" })
                {
                    render(writer);
                }

                stream.Flush(flushToDisk: true);
                File.Move(temp, target, overwrite: true);
                temp = null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, e, temp);
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Removes the temporary files of earlier runs for <paramref name="name"/> that no live run holds (a killed run's leftovers).</summary>
    internal static void RemoveLeftovers(string folder, string name)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{name}.*{TempSuffix}").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            var middle = Path.GetFileName(candidate)[(name.Length + 2)..^TempSuffix.Length];
            if (middle.Length != 16 || !middle.All(char.IsAsciiHexDigitLower) || SafeFile.KindOf(candidate, followLinks: false) != FileKind.Regular)
            {
                continue;
            }

            try
            {
                // A run that is still writing holds the lock: opening fails and its file stays.
                using var held = new FileStream(candidate, FileMode.Open, FileAccess.Read, FileShare.None);
                File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // in use, or not ours to remove
            }
        }
    }

    private static void WriteThrough(string path, Action<TextWriter> render)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
            render(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, e, null, replaced: false);
        }
    }

    /// <summary>The file a path finally names: symbolic links followed (a dangling link names its target), <c>..</c> resolved.</summary>
    private static string FinalTarget(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var link = new FileInfo(full).LinkTarget;
            if (link is null)
            {
                return full;
            }

            full = Path.GetFullPath(link, Path.GetDirectoryName(full)!);
        }

        throw new IOException("too many levels of symbolic links");
    }

    private static string Resolve(string path)
    {
        try
        {
            return FinalTarget(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private static OutputWriteException Failure(string path, Exception e, string? temp, bool replaced = true)
    {
        var shown = SafeFile.Display(path);
        var reason = e.Message;
        if (temp is not null)
        {
            reason = reason.Replace(temp, path, StringComparison.Ordinal);
        }

        var full = e is DirectoryNotFoundException ? "a folder on the way does not exist" : reason;
        if (e.HResult == 28 || reason.Contains("No space left", StringComparison.OrdinalIgnoreCase) || e.HResult == unchecked((int)0x80070070))
        {
            full = "the disk is full (no space left on the device)";
        }

        return new OutputWriteException($"cannot write --out {shown}: {full}{(replaced ? "; any previous file there is unchanged" : "")}", e);
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort; the next run removes it
        }
    }
}

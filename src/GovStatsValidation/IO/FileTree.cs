using System.Runtime.InteropServices;

namespace GovStatsValidation.IO;

/// <summary>Something found while walking a folder that is not read, and why (a FIFO, a device, a folder that may not be read).</summary>
/// <param name="Path">The path (raw bytes of a non-UTF-8 name kept as in <see cref="SafeFile.PathFromBytes"/>).</param>
/// <param name="Message">Why it is not read.</param>
public sealed record SkippedPath(string Path, string Message);

/// <summary>
/// Walks folders the way input discovery needs: only regular files are listed (FIFOs, devices and sockets are reported, never
/// opened), every real file and folder is visited once however many links or paths reach it (by device and inode, so a
/// symlink loop ends at once), a folder that cannot be read is reported and the walk goes on, and file names are read as
/// bytes, so a name that is not UTF-8 is kept exactly (<see cref="SafeFile.PathFromBytes"/>).
/// </summary>
public sealed class FileTree
{
    private readonly HashSet<FileIdentity> _files = [];
    private readonly HashSet<FileIdentity> _folders = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>The regular files found, in the order found, as reached (the root given, then the names below it).</summary>
    public List<string> Files { get; } = [];

    /// <summary>What was found and not read, with the reason.</summary>
    public List<SkippedPath> Skipped { get; } = [];

    /// <summary>Adds one file named on the command line: listed when it is a regular file not already listed, else reported.</summary>
    /// <param name="path">The path.</param>
    public void AddFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = SafeFile.KindOf(path);
        if (kind != FileKind.Regular)
        {
            Skipped.Add(new SkippedPath(path, kind == FileKind.Missing ? "no such file or folder" : $"not a regular file but {SafeFile.Describe(kind)}; not read"));
            return;
        }

        Add(path);
    }

    /// <summary>Walks a folder and everything below it.</summary>
    /// <param name="root">The folder.</param>
    /// <param name="include">Whether a file name (not the path) is listed; names it rejects are passed over silently.</param>
    public void Walk(string root, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(include);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (SafeFile.IdentityOf(folder) is { } id && !_folders.Add(id))
            {
                // Reached again through a link: a loop, or the same folder under two names.
                continue;
            }

            List<(string Name, FileKind Kind)> entries;
            try
            {
                entries = List(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Skipped.Add(new SkippedPath(folder, $"folder not read: {e.Message}"));
                continue;
            }

            var subfolders = new List<string>();
            foreach (var (name, listed) in entries)
            {
                var path = Path.Join(folder, name);
                var kind = listed is FileKind.SymbolicLink or FileKind.Unknown ? SafeFile.KindOf(path) : listed;
                switch (kind)
                {
                    case FileKind.Directory:
                        subfolders.Add(path);
                        break;
                    case FileKind.Regular:
                        if (include(name))
                        {
                            Add(path);
                        }

                        break;
                    case FileKind.Missing:
                        if (include(name))
                        {
                            Skipped.Add(new SkippedPath(path, "a symbolic link to nothing (or a link loop); not read"));
                        }

                        break;
                    default:
                        if (include(name))
                        {
                            Skipped.Add(new SkippedPath(path, $"not a regular file but {SafeFile.Describe(kind)}; not read"));
                        }

                        break;
                }
            }

            // Depth first, in name order (the caller sorts the result anyway).
            subfolders.Sort(StringComparer.Ordinal);
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }

    /// <summary>The regular files below a folder whose names <paramref name="include"/> accepts, in ordinal order, and what was skipped.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="include">Which file names are wanted.</param>
    /// <returns>The walk.</returns>
    public static FileTree Under(string folder, Func<string, bool> include)
    {
        var tree = new FileTree();
        tree.Walk(folder, include);
        tree.Files.Sort(StringComparer.Ordinal);
        return tree;
    }

    private void Add(string path)
    {
        if (SafeFile.IdentityOf(path) is { } id ? _files.Add(id) : _paths.Add(Path.GetFullPath(path)))
        {
            Files.Add(path);
        }
    }

    /// <summary>The entries of a folder with the kind the folder listing gives (links not followed).</summary>
    private static List<(string Name, FileKind Kind)> List(string folder)
    {
        if (!SafeFile.Native)
        {
            var result = new List<(string, FileKind)>();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                result.Add((entry.Name, entry.LinkTarget is not null ? FileKind.SymbolicLink : entry is DirectoryInfo ? FileKind.Directory : FileKind.Regular));
            }

            return result;
        }

        var dir = NativeMethods.OpenDir(SafeFile.PathBytes(folder));
        if (dir == IntPtr.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno is 13 or 1
                ? new UnauthorizedAccessException($"permission denied ({SafeFile.Display(folder)})")
                : new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} ({SafeFile.Display(folder)})");
        }

        try
        {
            var entries = new List<(string, FileKind)>();
            var name = new List<byte>(256);
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = NativeMethods.ReadDir(dir);
                if (entry == IntPtr.Zero)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno != 0)
                    {
                        throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} ({SafeFile.Display(folder)})");
                    }

                    break;
                }

                // struct dirent on 64-bit Linux: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
                var type = Marshal.ReadByte(entry, 18);
                name.Clear();
                for (var i = 19; i < 19 + 256; i++)
                {
                    var b = Marshal.ReadByte(entry, i);
                    if (b == 0)
                    {
                        break;
                    }

                    name.Add(b);
                }

                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                entries.Add((SafeFile.PathFromBytes(name.ToArray()), type switch
                {
                    4 => FileKind.Directory,
                    8 => FileKind.Regular,
                    10 => FileKind.SymbolicLink,
                    1 => FileKind.Fifo,
                    2 => FileKind.CharacterDevice,
                    6 => FileKind.BlockDevice,
                    12 => FileKind.Socket,
                    _ => FileKind.Unknown,
                }));
            }

            return entries;
        }
        finally
        {
            _ = NativeMethods.CloseDir(dir);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
        public static extern IntPtr OpenDir(byte[] name);

        [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
        public static extern IntPtr ReadDir(IntPtr dir);

        [DllImport("libc", EntryPoint = "closedir", SetLastError = true)]
        public static extern int CloseDir(IntPtr dir);
    }
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace GovStatsValidation.IO;

/// <summary>What a path names on disk.</summary>
public enum FileKind
{
    /// <summary>Nothing at that path.</summary>
    Missing,

    /// <summary>A regular file: the only kind a report, baseline or rule file is read from.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A FIFO (named pipe): opening it for reading blocks until someone writes.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/zero</c>, <c>/dev/urandom</c>, a terminal, <c>/dev/stdout</c> on a terminal).</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>Something else the system did not describe.</summary>
    Unknown,
}

/// <summary>A file's identity on disk: the same for every path (hard link, symlink, <c>..</c>) that reaches it.</summary>
/// <param name="Device">The device the file lives on.</param>
/// <param name="Inode">The file's inode on that device.</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>A path that is not a regular file was not opened (a FIFO would block forever, a device never ends).</summary>
public sealed class NotARegularFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What the path is.</param>
    public NotARegularFileException(FileKind kind)
        : base($"not a regular file but {SafeFile.Describe(kind)}; only regular files are read")
    {
        Kind = kind;
    }

    /// <summary>What the path is.</summary>
    public FileKind Kind { get; }
}

/// <summary>
/// Opens only regular files, without blocking on FIFOs or reading devices, and tells files apart by identity (device and
/// inode). File names that are not valid UTF-8 are carried in .NET strings with each undecodable byte as the lone
/// surrogate U+DC80–U+DCFF (<see cref="PathFromBytes"/>), and every function here turns them back into the same bytes.
/// </summary>
public static class SafeFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;

    /// <summary>Whether the native calls are used (64-bit Linux); elsewhere the .NET file APIs stand in.</summary>
    internal static bool Native { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>What <paramref name="path"/> is.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">Follow a final symbolic link (the default) or describe the link itself.</param>
    /// <returns>The kind; <see cref="FileKind.Missing"/> also when the path cannot be looked at (dangling link, loop, no permission).</returns>
    public static FileKind KindOf(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Native)
        {
            var buffer = new byte[256];
            return Statx(AtFdCwd, PathBytes(path), followLinks ? 0 : AtSymlinkNoFollow, buffer) == 0 ? Kind(buffer) : FileKind.Missing;
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        return info switch
        {
            DirectoryInfo => FileKind.Directory,
            FileInfo { Exists: true } => FileKind.Regular,
            _ => FileKind.Missing,
        };
    }

    /// <summary>The identity of the file <paramref name="path"/> reaches (links followed), or null when it does not exist.</summary>
    /// <param name="path">The path.</param>
    /// <returns>Device and inode; on systems without them, null.</returns>
    public static FileIdentity? IdentityOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Native)
        {
            return null;
        }

        var buffer = new byte[256];
        return Statx(AtFdCwd, PathBytes(path), 0, buffer) == 0 ? Identity(buffer) : null;
    }

    /// <summary>
    /// Reads a regular file whole. A FIFO, device or socket is refused without blocking (<see cref="NotARegularFileException"/>);
    /// a file larger than <paramref name="maxBytes"/> is refused with the exception <paramref name="tooLarge"/> makes from its size.
    /// </summary>
    /// <param name="path">The path (links are followed).</param>
    /// <param name="maxBytes">The most bytes read.</param>
    /// <param name="tooLarge">Makes the exception for a file of the given size.</param>
    /// <returns>The content.</returns>
    /// <exception cref="NotARegularFileException">The path is not a regular file.</exception>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or is a folder.</exception>
    /// <exception cref="IOException">Another I/O problem.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, Func<long, Exception> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tooLarge);
        if (!Native)
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw new NotARegularFileException(FileKind.Directory);
            }

            if (info.Exists && info.Length > maxBytes)
            {
                throw tooLarge(info.Length);
            }

            var all = File.ReadAllBytes(path);
            return all.Length > maxBytes ? throw tooLarge(all.Length) : all;
        }

        using var handle = OpenRegular(path, out var size);
        if (size > maxBytes)
        {
            throw tooLarge(size);
        }

        // The size may change while reading (a file being written): read to the end, never past the limit.
        var content = new byte[checked((int)Math.Min(size, maxBytes) + 1)];
        long total = 0;
        while (true)
        {
            if (total == content.Length)
            {
                if (total > maxBytes)
                {
                    throw tooLarge(total);
                }

                Array.Resize(ref content, (int)Math.Min(maxBytes + 1, content.Length * 2L));
            }

            var read = RandomAccess.Read(handle, content.AsSpan((int)total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total == content.Length ? content : content.AsSpan(0, (int)total).ToArray();
    }

    /// <summary>Reads a regular file as text: UTF-8 (a byte order mark is honoured, also UTF-16's).</summary>
    /// <param name="path">The path.</param>
    /// <param name="maxBytes">The most bytes read.</param>
    /// <param name="tooLarge">Makes the exception for a file of the given size.</param>
    /// <returns>The text.</returns>
    /// <exception cref="NotARegularFileException">The path is not a regular file.</exception>
    public static string ReadAllText(string path, long maxBytes, Func<long, Exception> tooLarge)
    {
        var bytes = ReadAllBytes(path, maxBytes, tooLarge);
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The exception for a data file over its size limit: “file is N bytes; the limit is M”.</summary>
    /// <param name="size">The file's size.</param>
    /// <returns>An <see cref="IOException"/>.</returns>
    public static Exception TooLarge(long size) =>
        new IOException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"file is {size:N0} bytes; the limit is {ProcessingLimits.MaxDataFileBytes:N0}"));

    /// <summary>Opens a regular file for reading (a FIFO, device or socket is refused without blocking).</summary>
    /// <param name="path">The path (links are followed).</param>
    /// <returns>A stream at the start of the file.</returns>
    /// <exception cref="NotARegularFileException">The path is not a regular file.</exception>
    public static FileStream OpenRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Native)
        {
            return Directory.Exists(path) ? throw new NotARegularFileException(FileKind.Directory) : File.OpenRead(path);
        }

        return new FileStream(OpenRegular(path, out _), FileAccess.Read, 1);
    }

    /// <summary>A kind in words, for messages (“a FIFO (named pipe)”).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a file this tool reads",
    };

    /// <summary>The bytes of a path: UTF-8, except that the lone surrogates U+DC80–U+DCFF stand for the raw bytes 0x80–0xFF.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The bytes, NUL-terminated.</returns>
    public static byte[] PathBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = new List<byte>(path.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                var rune = new Rune(c, path[i + 1]);
                bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
                i++;
            }
            else if (c is >= '\uDC80' and <= '\uDCFF')
            {
                bytes.Add((byte)(c - 0xDC00));
            }
            else
            {
                var rune = char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
                bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            }
        }

        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>A path from its bytes: UTF-8 where valid; each other byte becomes the lone surrogate U+DC00 + byte.</summary>
    /// <param name="bytes">The bytes (no NUL).</param>
    /// <returns>The path, which <see cref="PathBytes"/> turns back into the same bytes.</returns>
    public static string PathFromBytes(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                bytes = bytes[consumed..];
            }
            else
            {
                sb.Append((char)(0xDC00 + bytes[0]));
                bytes = bytes[1..];
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether a path holds bytes that are not UTF-8 (see <see cref="PathFromBytes"/>).</summary>
    /// <param name="path">The path.</param>
    /// <returns>True when some character stands for a raw byte.</returns>
    public static bool HasRawBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var i = 0; i < path.Length; i++)
        {
            if (char.IsHighSurrogate(path[i]) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
            }
            else if (path[i] is >= '\uDC80' and <= '\uDCFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A path for messages: raw bytes shown as <c>\xNN</c>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The printable path.</returns>
    public static string Display(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!HasRawBytes(path))
        {
            return path;
        }

        var sb = new StringBuilder(path.Length + 8);
        for (var i = 0; i < path.Length; i++)
        {
            if (char.IsHighSurrogate(path[i]) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                sb.Append(path[i]).Append(path[++i]);
            }
            else if (path[i] is >= '\uDC80' and <= '\uDCFF')
            {
                sb.Append("\\x").Append(((int)path[i] - 0xDC00).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(path[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Opens a regular file for reading without blocking on a FIFO; refuses every other kind.</summary>
    internal static SafeFileHandle OpenRegular(string path, out long size)
    {
        var fd = Open(PathBytes(path), ORdOnly | ONonBlock | OCloExec, 0);
        if (fd < 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var buffer = new byte[256];
            if (Statx(fd, [0], AtEmptyPath, buffer) != 0)
            {
                throw Error(Marshal.GetLastPInvokeError(), path);
            }

            var kind = Kind(buffer);
            if (kind != FileKind.Regular)
            {
                throw kind == FileKind.Directory ? new UnauthorizedAccessException($"'{Display(path)}' is a folder, not a file") : new NotARegularFileException(kind);
            }

            size = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40));
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static Exception Error(int errno, string path) => errno switch
    {
        2 => new FileNotFoundException($"Could not find file '{Display(path)}'.", path),
        13 or 1 => new UnauthorizedAccessException($"Access to the path '{Display(path)}' is denied."),
        20 => new DirectoryNotFoundException($"Could not find a part of the path '{Display(path)}'."),
        _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)}: '{Display(path)}'"),
    };

    private static FileKind Kind(byte[] statx) => (BinaryPrimitives.ReadUInt16LittleEndian(statx.AsSpan(28)) & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    private static FileIdentity Identity(byte[] statx)
    {
        var ino = BinaryPrimitives.ReadUInt64LittleEndian(statx.AsSpan(32));
        var major = BinaryPrimitives.ReadUInt32LittleEndian(statx.AsSpan(136));
        var minor = BinaryPrimitives.ReadUInt32LittleEndian(statx.AsSpan(140));
        return new FileIdentity(((ulong)major << 32) | minor, ino);
    }

    internal static int Statx(int dirfd, byte[] path, int flags, byte[] buffer) => NativeMethods.Statx(dirfd, path, flags, StatxBasicStats, buffer);

    private static int Open(byte[] path, int flags, int mode) => NativeMethods.Open(path, flags, mode);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open(byte[] pathname, int flags, int mode);
    }
}

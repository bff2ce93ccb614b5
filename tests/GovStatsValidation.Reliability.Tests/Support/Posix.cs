using System.Runtime.InteropServices;

namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>FIFOs, hard links and symlinks for the tests that need them; tests skip with a reason where the system lacks them.</summary>
internal static class Posix
{
    /// <summary>Whether FIFOs, hard links and non-UTF-8 names can be made here (Linux).</summary>
    public static bool Available => OperatingSystem.IsLinux();

    /// <summary>Skips the test (Inconclusive) on systems without POSIX file kinds.</summary>
    public static void RequireLinux()
    {
        if (!Available)
        {
            Assert.Ignore("skipped: FIFOs, hard links and byte file names need Linux");
        }
    }

    /// <summary>Makes a FIFO.</summary>
    public static string MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (NativeMethods.Mkfifo(Bytes(path), Convert.ToInt32("644", 8)) != 0)
        {
            Assert.Ignore($"skipped: mkfifo failed (errno {Marshal.GetLastPInvokeError()})");
        }

        return path;
    }

    /// <summary>Makes a hard link.</summary>
    public static void HardLink(string existing, string link)
    {
        if (NativeMethods.Link(Bytes(existing), Bytes(link)) != 0)
        {
            Assert.Ignore($"skipped: link failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>Writes a file whose name is given as raw bytes (not necessarily UTF-8) inside a folder.</summary>
    public static void WriteRawName(string folder, byte[] name, byte[] content)
    {
        var path = new List<byte>(System.Text.Encoding.UTF8.GetBytes(folder + "/"));
        path.AddRange(name);
        path.Add(0);
        var fd = NativeMethods.Open([.. path], 0x41 | 0x200, Convert.ToInt32("644", 8)); // O_WRONLY|O_CREAT|O_TRUNC
        if (fd < 0)
        {
            Assert.Ignore($"skipped: cannot create a file with a raw byte name (errno {Marshal.GetLastPInvokeError()})");
        }

        using var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, true);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>The real user id of this process.</summary>
    public static uint Uid() => NativeMethods.GetUid();

    private static byte[] Bytes(string path) => [.. System.Text.Encoding.UTF8.GetBytes(path), 0];

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        public static extern int Mkfifo(byte[] path, int mode);

        [DllImport("libc", EntryPoint = "getuid")]
        public static extern uint GetUid();

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        public static extern int Link(byte[] existing, byte[] link);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open(byte[] path, int flags, int mode);
    }
}

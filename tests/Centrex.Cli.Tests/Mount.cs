using System.Diagnostics;

namespace Centrex.Cli.Tests;

/// <summary>
/// A real small (or read-only) tmpfs file system mounted for a test, so "disk full" and "read-only" are the kernel's own
/// ENOSPC and EROFS, not a simulation. Needs root (CI runs as root) or password-less sudo.
/// </summary>
internal sealed class Mount : IDisposable
{
    private Mount(string path) => Path = path;

    public string Path { get; }

    public static Mount Tmpfs(string path, string options)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        return new Mount(path);
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static void Run(string command, params string[] args)
    {
        var root = Environment.UserName == "root";
        var info = new ProcessStartInfo(root ? command : "sudo") { RedirectStandardError = true, UseShellExecute = false };
        if (!root)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add(command);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({error.Trim()}): the disk tests need root or password-less sudo");
        }
    }
}

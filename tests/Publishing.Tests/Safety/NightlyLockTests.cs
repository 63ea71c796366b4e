using System.Diagnostics;
using Publishing.Output;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// The nightly's lock on its output folder, through the command: a folder it cannot write fails at once with a
/// located PUB5001 and exit 1 (it used to take EROFS for "another run holds it" and retry for 30 minutes); a lock
/// held by a live run is named (pid, since when) and waited for a bounded time (--lock-wait), then it fails
/// clearly; the lock a killed run left is taken over.
/// </summary>
public sealed class NightlyLockTests
{
    private const string LockFile = ".nightly.lock";

    private static (int ExitCode, string Stdout, string Stderr, TimeSpan Took) Nightly(string root, params string[] more)
    {
        var info = PublishingProcess.StartInfo(["nightly", RepoPaths.Sample, "--out", root, "--templates", RepoPaths.Templates, "--date", "2021-01-15", .. more]);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr, clock.Elapsed);
    }

    [Fact]
    public void A_read_only_output_folder_fails_at_once_with_a_located_error()
    {
        using var readOnly = ReadOnlyFolder.Make();
        var root = Path.Combine(readOnly.Path, "nightly");

        var run = Nightly(root, "--lock-wait", "600");

        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Took.ShouldBeLessThan(TimeSpan.FromSeconds(60), "a folder that cannot be written is not a lock to wait for");
        run.Stderr.ShouldNotContain("等它结束");
        run.Stderr.ShouldNotContain("PUB9001");
        var error = run.Stderr.Split('\n').Single(l => l.Contains("error PUB5001"));
        error.ShouldStartWith(Publishing.Diagnostics.DisplayPaths.For(readOnly.Expected(root)) + ": error PUB5001: ", Case.Sensitive, run.Stderr);
        error.ShouldContain(readOnly.Reason, Case.Sensitive, $"{readOnly.How}: {error}");
    }

    [Fact]
    public void A_lock_held_by_a_live_run_is_named_and_waited_for_a_bounded_time()
    {
        var root = RepoPaths.NewTempDirectory("nightly");
        using var held = RunLock.Acquire(Path.Combine(root, LockFile), TimeSpan.Zero);   // this test process is the live holder

        var run = Nightly(root, "--lock-wait", "2");

        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stderr.ShouldContain($"另一个运行（进程 {Environment.ProcessId}，自 ");
        run.Stderr.ShouldContain("等它结束（最多 2 秒）");
        run.Stderr.ShouldContain($"{Publishing.Diagnostics.DisplayPaths.For(Path.Combine(root, LockFile))}: error PUB5001: 另一个运行（进程 {Environment.ProcessId}");
        run.Stderr.ShouldContain("已等了 2 秒，放弃");
        run.Took.ShouldBeGreaterThan(TimeSpan.FromSeconds(2));
        run.Took.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        Directory.GetDirectories(root).ShouldBeEmpty("a run that did not get the lock writes nothing");
    }

    [Fact]
    public void The_lock_a_killed_run_left_is_taken_over()
    {
        var root = RepoPaths.NewTempDirectory("nightly");
        var dead = DeadProcessId();
        File.WriteAllText(Path.Combine(root, LockFile), $"{dead}\t2021-01-14 23:00:00 UTC\n");

        var run = Nightly(root, "--lock-wait", "600");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldContain($"接管了进程 {dead} 留下的锁");
        run.Stderr.ShouldNotContain("等它结束");
        Directory.Exists(Path.Combine(root, "2021-01-15")).ShouldBeTrue();
    }

    [Fact]
    public void Lock_wait_takes_a_number_of_seconds()
    {
        var run = Nightly(RepoPaths.NewTempDirectory("nightly"), "--lock-wait", "soon");
        run.ExitCode.ShouldBe(2, run.Stderr);
        run.Stderr.ShouldContain("--lock-wait 后面需要等待的秒数");
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>
    /// A folder the command cannot write, made in a way that works where the tests run. CI runs as root, which
    /// ignores permission bits: there a tmpfs of our own is mounted and remounted read-only (EROFS, the case the
    /// issue met); where mounting is not allowed, root still cannot create files in sysfs (/sys); a user who is
    /// not root gets a folder without write permission (EACCES).
    /// </summary>
    private sealed class ReadOnlyFolder : IDisposable
    {
        public required string Path { get; init; }
        public required string Reason { get; init; }
        public required string How { get; init; }
        private bool Mounted { get; init; }
        /// <summary>Where the error is located: the folder the run could not make, or its lock file.</summary>
        public Func<string, string> Expected { get; init; } = root => root;

        public static ReadOnlyFolder Make()
        {
            var folder = RepoPaths.NewTempDirectory("read-only");
            if (Environment.UserName != "root" && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                return new ReadOnlyFolder { Path = folder, Reason = "没有写入权限", How = "chmod 0500 (not root)" };
            }
            if (Run(new ProcessStartInfo("mount") { ArgumentList = { "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder } })
                && Run(new ProcessStartInfo("mount") { ArgumentList = { "-o", "remount,ro", folder } }))
                return new ReadOnlyFolder { Path = folder, Reason = "只读文件系统", How = "tmpfs remounted read-only", Mounted = true };
            Unmount(folder);
            return new ReadOnlyFolder { Path = "/sys", Reason = "没有写入权限", How = "sysfs as root (mount not allowed here)" };
        }

        private static void Unmount(string folder) => Run(new ProcessStartInfo("umount") { ArgumentList = { folder } });

        private static bool Run(ProcessStartInfo info)
        {
            info.UseShellExecute = false;
            info.RedirectStandardError = true;
            info.RedirectStandardOutput = true;
            try
            {
                using var process = Process.Start(info)!;
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false; // not installed: the next way is tried
            }
        }

        public void Dispose()
        {
            if (Mounted) Unmount(Path);
        }
    }
}

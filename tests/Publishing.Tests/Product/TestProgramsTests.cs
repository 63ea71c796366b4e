using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Product;

/// <summary>
/// A fresh Debian machine with only the .NET SDK runs every test after scripts/install-deps.sh: every program a
/// test (or the command under test) starts comes from a package that script installs, or from Debian's essential
/// set. A test that starts a new program fails here until the program is in <see cref="PackageOf"/> and its
/// package in the script (qpdf was once missed: CI passed only because a developer's machine had it).
/// </summary>
public class TestProgramsTests
{
    /// <summary>Program a test starts → the Debian package that has it.</summary>
    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["chromium"] = "chromium",
        ["qpdf"] = "qpdf",
        ["git"] = "git",
        ["kill"] = "procps",
        ["mount"] = "mount",
        ["umount"] = "mount",
        ["true"] = "coreutils",
        ["mkfifo"] = "coreutils",
        ["sleep"] = "coreutils",
        ["sh"] = "dash",
        ["pdftoppm"] = "poppler-utils",
        ["pdffonts"] = "poppler-utils",
        ["pdfinfo"] = "poppler-utils",
        ["pdftotext"] = "poppler-utils",
        ["transicc"] = "liblcms2-utils",
        ["node"] = "nodejs",
    };

    /// <summary>Essential packages (always there on Debian) and the SDK the README asks for beforehand.</summary>
    private static readonly HashSet<string> Given = new(StringComparer.Ordinal) { "coreutils", "dash", "bash", "dotnet" };

    // new ProcessStartInfo("qpdf" …), Process.Start("kill", …), ExecutablePath = "/usr/bin/chromium",
    // a quoted path of a program in /usr/bin or /bin, and the shebang line of a script a test writes.
    private static readonly Regex[] Starts =
    [
        new(@"new\s+ProcessStartInfo\(\s*""(?<program>[^""/]+)""", RegexOptions.Compiled),
        new(@"Process\.Start\(\s*""(?<program>[^""/]+)""", RegexOptions.Compiled),
        new(@"""/(?:usr/)?s?bin/(?<program>[a-z0-9.+-]+)""", RegexOptions.Compiled),
        new(@"#!/(?:usr/)?bin/(?<program>[a-z0-9]+)", RegexOptions.Compiled),
    ];

    [Fact]
    public void Every_program_a_test_starts_is_installed_by_install_deps()
    {
        var started = ProgramsStartedByTests();
        started.Keys.ShouldContain("qpdf", "the scan must find the programs tests start (qpdf is started by PdfWriterTests)");
        started.Keys.ShouldContain("chromium");

        var installed = InstalledPackages();
        var missing = new List<string>();
        foreach (var (program, files) in started)
        {
            if (program == "dotnet") continue;
            if (!PackageOf.TryGetValue(program, out var package))
            {
                missing.Add($"{program} (started in {string.Join(", ", files)}) is not in {nameof(PackageOf)}: add its Debian package there and to scripts/install-deps.sh");
                continue;
            }
            if (!Given.Contains(package) && !installed.Contains(package))
                missing.Add($"{program} (started in {string.Join(", ", files)}) needs the package {package}, which scripts/install-deps.sh does not install");
        }
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_reads_every_way_tests_start_a_program()
    {
        const string source = """
            using var a = Process.Start(new ProcessStartInfo("qpdf", ["--check", path]));
            using var b = Process.Start("kill", new[] { "-TERM", id });
            var c = new LaunchOptions { ExecutablePath = "/usr/bin/chromium" };
            File.WriteAllText(shim, "#!/bin/sh\nexec git");
            """;
        ProgramsIn(source).ShouldBe(["chromium", "kill", "qpdf", "sh"], ignoreOrder: true);
    }

    /// <summary>The packages in install-deps.sh's `for package in …` list.</summary>
    private static HashSet<string> InstalledPackages()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "install-deps.sh"));
        var list = Regex.Match(script, @"for package in (?<list>[^;]+);");
        list.Success.ShouldBeTrue("scripts/install-deps.sh has no `for package in …;` list");
        return list.Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    private static SortedDictionary<string, SortedSet<string>> ProgramsStartedByTests()
    {
        var programs = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var tests = Path.Combine(RepoPaths.Root, "tests");
        foreach (var file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(tests, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin")) continue;
            if (Path.GetFileName(file) == nameof(TestProgramsTests) + ".cs") continue; // its own examples start nothing
            foreach (var program in ProgramsIn(File.ReadAllText(file)))
            {
                if (!programs.TryGetValue(program, out var files)) programs[program] = files = new SortedSet<string>(StringComparer.Ordinal);
                files.Add(relative);
            }
        }
        return programs;
    }

    private static IEnumerable<string> ProgramsIn(string source) =>
        Starts.SelectMany(start => start.Matches(source)).Select(m => m.Groups["program"].Value).Distinct();
}

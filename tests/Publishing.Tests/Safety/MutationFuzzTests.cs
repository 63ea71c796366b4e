using System.Diagnostics;
using System.Text;
using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// Thousands of random edits (fixed seed, bounded time) to the sample's CSV and Markdown (and now and
/// then its manifest) never produce an unhandled exception: only diagnostics.
/// </summary>
public sealed class MutationFuzzTests
{
    // PUBLISHING_FUZZ_SEED=n explores other edits; the default keeps the test reproducible.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PUBLISHING_FUZZ_SEED"), out var s) ? s : 20210115;
    private const int MaxIterations = 4000;
    private const int MinIterations = 1000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan HardLimit = TimeSpan.FromSeconds(90);

    private static readonly string[] Tokens =
    {
        "\"", "\"\"", ",", ",,", "\n", "\r\n", "\r", "\t", " ", "\0", "\uFEFF", "\uD800", "\uFFFD",
        "（", "）", "(", ")", "《", "》", "“", "”", "「", "」", "、", "，", "。", "；", "：",
        "{{", "}}", "{", "}", "{{13082121P45WZGGZ5EGH4.预算数}}", "{{X.Y}}", "{{.}}", "{{ }}", "{{13082121P45WZGGZ5EGH4.}}",
        "1. ", "2.", "999.", "（一）", "（九十九）", "一、", "十、", "（1）", "（0）", "零、", "百、", "一百零五、",
        "# ", "## ", "###### ", "#", "- ", "> ", "|", "|---|", "```", "`", "*", "**", "_", "[", "]", "](", "![", "<", ">",
        "javascript:alert(1)", "<script>alert(1)</script>", "&#0;", "&amp;", "&#x110000;", "\\",
        "≥", "≤", ">=", "%", "％", "-", "—", "~", ".", "..", "../", "/etc/passwd", "C:\\", ":",
        "0", "-1", "0.001", "1e5", "99999999999999999999999999999999", "79228162514264337593543950336", "NaN", "万元", "百分比",
        "and", "GDP", "明感", "设法涉诉", "产出指标", "成本指标", "满意度指标", "数量指标", "项目编码", "预算数", "3月底", "13月底",
        "信访", "稳定", "𠀀", "🙂",
    };

    [Fact]
    public void Random_edits_give_diagnostics_never_exceptions()
    {
        var root = RepoPaths.NewTempDirectory("publishing-fuzz");
        var document = Path.Combine(root, "doc");
        try
        {
            RepoPaths.CopyDirectory(RepoPaths.Sample, document);
            var files = Directory.GetFiles(document, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(document, f)).Order(StringComparer.Ordinal).ToList();
            var originals = files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(document, f)));
            var builder = new DocumentBuilder(new BuildOptions(document, Path.Combine(root, "out"), RepoPaths.Templates, OutputFormats.Html));
            var random = new Random(Seed);
            var clock = Stopwatch.StartNew();
            var iterations = 0;
            var codes = new SortedSet<string>(StringComparer.Ordinal);

            // Up to 4000 edits in 20 s; on a loaded machine it runs on (at most 90 s) until 1000 are done.
            for (; iterations < MaxIterations && (clock.Elapsed < TimeBudget || iterations < MinIterations) && clock.Elapsed < HardLimit; iterations++)
            {
                // Mostly Markdown and CSV; the manifest one time in ten.
                var candidates = random.Next(10) == 0 ? files.Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)).ToList()
                    : files.Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal)).ToList();
                var file = candidates[random.Next(candidates.Count)];
                var mutated = Mutate(originals[file], random);
                File.WriteAllBytes(Path.Combine(document, file), mutated);

                var diagnostics = new DiagnosticBag();
                try
                {
                    // Every 20th edit goes all the way through assembly (Scriban) to the HTML in memory.
                    if (iterations % 20 == 0) builder.Render(document, diagnostics);
                    else builder.Validate(document, diagnostics);
                    foreach (var d in diagnostics.Items)
                    {
                        d.Code.ShouldNotBe(DiagnosticCodes.InternalError);
                        d.Line.ShouldBeGreaterThanOrEqualTo(0);
                        d.ToString().ShouldNotContain("Exception");
                        codes.Add(d.Code);
                    }
                }
                catch (Exception e) when (e is not Shouldly.ShouldAssertException)
                {
                    var shown = Encoding.UTF8.GetString(mutated);
                    throw new Xunit.Sdk.XunitException(
                        $"iteration {iterations}, {file} edited to:\n{(shown.Length > 3000 ? shown[..3000] + "…" : shown)}\n\n{e}");
                }
                File.WriteAllBytes(Path.Combine(document, file), originals[file]);
            }

            iterations.ShouldBeGreaterThanOrEqualTo(MinIterations, $"only {iterations} edits in {HardLimit.TotalSeconds:0} s");
            // The edits reach the checks, not only the loader's first errors.
            codes.ShouldContain("PUB3002");
            codes.ShouldContain("PUB2006");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var text = Encoding.UTF8.GetString(original);
        var edits = 1 + random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            switch (random.Next(8))
            {
                case 0 or 1 or 2:
                    text = text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3:
                    if (text.Length > 0) text = text.Remove(Math.Min(at, text.Length - 1), Math.Min(1 + random.Next(40), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 4:
                {
                    var lines = text.Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(random.Next(lines.Count + 1), lines[line]);
                    text = string.Join('\n', lines);
                    break;
                }
                case 5:
                {
                    var lines = text.Split('\n').ToList();
                    var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                }
                case 6:
                    text = text[..Math.Min(at, text.Length)];
                    break;
                default:
                    // Raw bytes: invalid UTF-8, a GB18030 re-encoding, or a stray byte.
                    var bytes = random.Next(3) switch
                    {
                        0 => GbkOrUtf8(text),
                        1 => Encoding.UTF8.GetBytes(text).Concat(new[] { (byte)random.Next(256) }).ToArray(),
                        _ => Encoding.UTF8.GetBytes(text).Select(b => random.Next(200) == 0 ? (byte)random.Next(256) : b).ToArray(),
                    };
                    return bytes;
            }
        }
        return Encoding.UTF8.GetBytes(text);
    }

    private static byte[] GbkOrUtf8(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}

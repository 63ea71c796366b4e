using Publishing.Build;

namespace Publishing.Cli;

/// <summary>The parsed command line, or the usage error that stopped parsing.</summary>
public sealed record CommandLine(
    string Command,
    string ContentRoot,
    string OutputRoot,
    string? TemplatesDirectory,
    OutputFormats Formats,
    bool WarningsAsErrors,
    string? Error)
{
    /// <summary>build --since &lt;rev&gt;: compare with the content as committed at that git revision.</summary>
    public string? Since { get; init; }

    /// <summary>serve --port N (0: any free port).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Documents built at once (--jobs); 0 = one per processor core.</summary>
    public int Jobs { get; init; }

    /// <summary>The subset of documents this run builds (--shard i/n).</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>--rebuild: render every document even when its inputs are unchanged.</summary>
    public bool Rebuild { get; init; }

    /// <summary>nightly: how many runs to keep (--keep).</summary>
    public int Keep { get; init; } = Nightly.NightlyOptions.DefaultKeep;

    /// <summary>nightly: how long to wait for another nightly on the same output (--lock-wait seconds).</summary>
    public int LockWaitSeconds { get; init; } = Nightly.NightlyOptions.DefaultLockWaitSeconds;

    /// <summary>nightly: the run's date (--date yyyy-mm-dd), today (UTC) when not given.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>nightly --from dir: start from these outputs (a CI matrix's shards) instead of latest.</summary>
    public string? From { get; init; }

    /// <summary>workbook --form name: the form whose fill-in workbook is written.</summary>
    public string? FormName { get; init; }

    /// <summary>--timings (or PUBLISHING_TIMINGS=1): print where the run's time went, per stage.</summary>
    public bool Timings { get; init; }

    public const string Usage = """
        publishing — 把编辑写的 Markdown 和 CSV 排成部门预算绩效文本（HTML 预览和 PDF 草案）

        用法:
          publishing build    [内容目录] [--out 目录] [--format html,pdf,ofd] [--templates 目录] [--warnings-as-errors] [--since 修订]
                              [--jobs N] [--shard i/n] [--rebuild] [--timings]
          publishing validate [内容目录] [--templates 目录] [--warnings-as-errors] [--jobs N] [--shard i/n]
          publishing nightly  [内容目录] [--out artifacts/nightly] [--keep 14] [--date yyyy-mm-dd] [--from 目录] [--lock-wait 600]
                              [--templates 目录] [--warnings-as-errors] [--jobs N] [--shard i/n]
          publishing volume   [内容目录] [--out 目录] [--format pdf,ofd] [--templates 目录] [--warnings-as-errors] [--jobs N]
          publishing serve    [内容目录] [--port 8080] [--templates 目录] [--out 目录]
          publishing workbook --form 表单名 [--out 文件.xlsx] [--templates 目录]
          publishing --help

        内容目录: 一个文档的文件夹（含 document.yaml），或包含多个文档文件夹的目录。默认 content。
        --out       输出目录，默认 artifacts；每个文档写到 <输出目录>/<文档文件夹名>/
        --format    html、pdf、ofd 中的一个或几个，逗号分隔（默认 html,pdf；ofd 是国家版式文档格式 GB/T 33190，与 PDF 同版面）
        --templates 模板目录，默认是内容目录旁边的 templates/
        --warnings-as-errors  有警告时也视为失败（严格构建）
        --port      serve 的端口（只在本机 127.0.0.1 上监听；0 表示任选一个空闲端口）
        --since     变化页与 git 修订（如 HEAD~1、v2021-01）中的内容比较；默认与同一输出目录中上一次不同的草稿比较
        --jobs      同时构建的文档数，默认等于处理器核数
        --shard     只构建第 i 份（共 n 份，按文档文件夹名的哈希稳定划分），供多台 CI 机器分担，如 --shard 2/8
        --rebuild   全部重新生成；默认只重建输入（文档文件夹、模板、主题、字体、程序版本）有变化的文档
        --timings   结束时打印各阶段用时（墙钟与 CPU，所有文档合计；也可设环境变量 PUBLISHING_TIMINGS=1）
        --keep      nightly 保留最近几次构建，默认 14
        --lock-wait nightly 遇到另一个夜间构建正在使用同一输出目录时，最多等几秒（会说明是哪个进程、从何时起），默认 600；0 表示不等
        --date      nightly 这次构建的日期，默认今天（UTC）
        --from      nightly 以这个目录中已生成的结果为起点（如 CI 各分片的输出），输入未变的文档不再重建

        workbook: 写出一个表单的填报工作簿（Excel .xlsx，默认 artifacts/<表单名>.xlsx）：每张表一个工作表，列名行冻结，
                 可选值和指标体系的各级指标名有下拉列表，金额、百分比已设好格式，另有一页填写说明；
                 填好后放进文档的 data/ 文件夹，在 document.yaml 中写上它即可生成。
        volume:  全部文档合成一本汇编 PDF（<输出目录>/volume.pdf）：封面、总目录（各部门及其各部分的页码）、书签；
                 页码连续编排，或按主题 volume_numbering: per_document 每个部门从 1 起。
                 主题 ofd: true（或 --format ofd）时另写同版面的 OFD（<输出目录>/volume.ofd）。
        nightly: 检查并生成全部文档的 HTML、PDF 和预览站点，写到 <输出目录>/<日期>/（当天再次运行写到 <日期>.2 …），
                 附构建报告 report.json 和 report.html；全部成功时才把 <输出目录>/latest 指向它，失败时 latest 不动，
                 失败的原因和位置写在那次的 FAILED.txt。

        退出码: 0 成功；1 内容有错误；2 命令行用法错误；3 Publishing 内部错误；130/143 被 Ctrl+C / SIGTERM 中断
        （未完成的输出已清除，已生成的文件保持上一版或完整的新版）。
        问题按 路径(行,列): error|warning 代码: 说明 的格式报告。
        """;

    /// <summary>
    /// The options each command takes: one table, which the parser enforces (an option a command does not take is a
    /// usage error, never silently ignored) and the usage lines above must list (CommandLineTests keeps them in step).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> OptionsOf = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["build"] = ["--out", "--format", "--templates", "--warnings-as-errors", "--since", "--jobs", "--shard", "--rebuild", "--timings"],
        ["validate"] = ["--templates", "--warnings-as-errors", "--jobs", "--shard"],
        ["nightly"] = ["--out", "--keep", "--date", "--from", "--lock-wait", "--templates", "--warnings-as-errors", "--jobs", "--shard"],
        ["volume"] = ["--out", "--format", "--templates", "--warnings-as-errors", "--jobs"],
        ["serve"] = ["--port", "--templates", "--out"],
        ["workbook"] = ["--form", "--out", "--templates"],
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var used = new List<string>();
        string? command = null, content = null, output = null, templates = null, since = null;
        var port = 8080;
        var formats = OutputFormats.All;
        var strict = false;
        var jobs = 0;
        var shard = Shard.All;
        var rebuild = false;
        var timings = Environment.GetEnvironmentVariable("PUBLISHING_TIMINGS") is "1" or "true";
        var keep = Nightly.NightlyOptions.DefaultKeep;
        var lockWait = Nightly.NightlyOptions.DefaultLockWaitSeconds;
        DateOnly? date = null;
        string? from = null;
        string? form = null;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "help":
                    return new CommandLine("help", "", "", null, formats, false, null);
                case "--out" or "-o":
                    used.Add("--out");
                    if (++i >= args.Count) return Fail("--out 后面需要一个目录");
                    output = args[i];
                    break;
                case "--templates":
                    used.Add("--templates");
                    if (++i >= args.Count) return Fail("--templates 后面需要一个目录");
                    templates = args[i];
                    break;
                case "--format" or "-f":
                    used.Add("--format");
                    if (++i >= args.Count) return Fail("--format 后面需要 html、pdf、ofd 或其组合，如 html,pdf,ofd");
                    var parsed = ParseFormats(args[i]);
                    if (parsed is null) return Fail($"未知的输出格式“{args[i]}”：可用 html、pdf、ofd 或其组合，如 html,pdf,ofd");
                    formats = parsed.Value;
                    break;
                case "--since":
                    used.Add("--since");
                    if (++i >= args.Count || args[i].StartsWith('-')) return Fail("--since 后面需要一个 git 修订（如 HEAD~1）");
                    since = args[i];
                    break;
                case "--port":
                    used.Add("--port");
                    if (++i >= args.Count || !int.TryParse(args[i], out port) || port is < 0 or > 65535)
                        return Fail("--port 后面需要 0 到 65535 之间的端口号");
                    break;
                case "--warnings-as-errors":
                    used.Add("--warnings-as-errors");
                    strict = true;
                    break;
                case "--jobs" or "-j":
                    used.Add("--jobs");
                    if (++i >= args.Count || !int.TryParse(args[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out jobs) || jobs < 1)
                        return Fail("--jobs 后面需要一个正整数（同时构建的文档数）");
                    break;
                case "--shard":
                    used.Add("--shard");
                    if (++i >= args.Count || Shard.Parse(args[i]) is not { } parsedShard)
                        return Fail("--shard 后面需要 i/n（1 ≤ i ≤ n），如 --shard 2/8");
                    shard = parsedShard;
                    break;
                case "--rebuild":
                    used.Add("--rebuild");
                    rebuild = true;
                    break;
                case "--timings":
                    used.Add("--timings");
                    timings = true;
                    break;
                case "--keep":
                    used.Add("--keep");
                    if (++i >= args.Count || !int.TryParse(args[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out keep) || keep < 1)
                        return Fail("--keep 后面需要一个正整数（保留的夜间构建次数）");
                    break;
                case "--lock-wait":
                    used.Add("--lock-wait");
                    if (++i >= args.Count || !int.TryParse(args[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out lockWait))
                        return Fail("--lock-wait 后面需要等待的秒数（0 或正整数）");
                    break;
                case "--form":
                    used.Add("--form");
                    if (++i >= args.Count || args[i].StartsWith('-')) return Fail("--form 后面需要一个表单名（templates/forms/ 中的文件夹名）");
                    form = args[i];
                    break;
                case "--from":
                    used.Add("--from");
                    if (++i >= args.Count) return Fail("--from 后面需要一个目录");
                    from = args[i];
                    break;
                case "--date":
                    used.Add("--date");
                    if (++i >= args.Count || !DateOnly.TryParseExact(args[i], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsedDate))
                        return Fail("--date 后面需要日期 yyyy-mm-dd，如 --date 2021-01-15");
                    date = parsedDate;
                    break;
                default:
                    if (arg.StartsWith('-')) return Fail($"未知的选项“{arg}”");
                    if (command is null) command = arg;
                    else if (content is null) content = arg;
                    else return Fail($"多余的参数“{arg}”");
                    break;
            }
        }

        if (command is null) return Fail($"缺少命令：{string.Join("、", OptionsOf.Keys)}");
        if (!OptionsOf.ContainsKey(command)) return Fail($"未知的命令“{command}”：可用 {string.Join("、", OptionsOf.Keys)}");
        if (command == "workbook" && form is null) return Fail("workbook 需要 --form 表单名（templates/forms/ 中的文件夹名），如 publishing workbook --form budget-text --out 绩效目标表.xlsx");
        if (command != "workbook" && form is not null) return Fail("--form 只用于 workbook 命令");
        if (command == "workbook" && output is not null && !output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return Fail($"--out “{output}” 应是一个 .xlsx 文件名");
        // validate writes nothing: an output option there is a mistake, not something to ignore silently.
        if (command == "validate" && output is not null) return Fail("validate 不写输出，不接受 --out（要生成请用 build）");
        if (command == "validate" && args.Any(a => a is "--format" or "-f")) return Fail("validate 不写输出，不接受 --format（要生成请用 build）");
        if (used.FirstOrDefault(o => !OptionsOf[command].Contains(o)) is { } foreign)
        {
            var takers = OptionsOf.Where(c => c.Value.Contains(foreign)).Select(c => c.Key).ToList();
            return Fail($"{command} 不接受 {foreign}（它是 {string.Join("、", takers)} 的选项）；{command} 可用的选项：{string.Join(" ", OptionsOf[command])}");
        }
        if (templates is not null && !File.Exists(Path.Combine(templates, "document.html.sbn")))
            return Fail(Directory.Exists(templates)
                ? $"--templates “{templates}” 不是模板目录（其中没有 document.html.sbn）"
                : $"--templates 所指的目录“{templates}”不存在");
        if (command != "workbook" && output is not null && File.Exists(output)) return Fail($"--out “{output}” 是一个文件：请给一个目录（不存在时会自动建立）");
        var defaultOutput = command == "nightly" ? Path.Combine("artifacts", "nightly")
            : command == "workbook" ? Path.Combine("artifacts", form + ".xlsx") : "artifacts";
        return new CommandLine(command, content ?? "content", output ?? defaultOutput, templates, formats, strict, null)
        {
            Since = since, Port = port, Jobs = jobs, Shard = shard, Rebuild = rebuild, Timings = timings, Keep = keep, LockWaitSeconds = lockWait, Date = date, From = from, FormName = form,
        };

        CommandLine Fail(string message) => new("", "", "", null, formats, false, message);
    }

    private static OutputFormats? ParseFormats(string text)
    {
        var formats = OutputFormats.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name.ToLowerInvariant())
            {
                case "html": formats |= OutputFormats.Html; break;
                case "pdf": formats |= OutputFormats.Pdf; break;
                case "ofd": formats |= OutputFormats.Ofd; break;
                default: return null;
            }
        }
        return formats == OutputFormats.None ? null : formats;
    }
}

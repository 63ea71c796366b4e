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
    public const string Usage = """
        publishing — 把编辑写的 Markdown 和 CSV 排成部门预算绩效文本（HTML 预览和 PDF 草案）

        用法:
          publishing build    [内容目录] [--out 目录] [--format html,pdf] [--templates 目录] [--warnings-as-errors]
          publishing validate [内容目录] [--templates 目录] [--warnings-as-errors]
          publishing --help

        内容目录: 一个文档的文件夹（含 document.yaml），或包含多个文档文件夹的目录。默认 content。
        --out       输出目录，默认 artifacts；每个文档写到 <输出目录>/<文档文件夹名>/
        --format    html、pdf 或 html,pdf（默认两者）
        --templates 模板目录，默认是内容目录旁边的 templates/
        --warnings-as-errors  有警告时也视为失败（严格构建）

        退出码: 0 成功；1 内容有错误；2 命令行用法错误；3 Publishing 内部错误。
        问题按 路径(行,列): error|warning 代码: 说明 的格式报告。
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? command = null, content = null, output = null, templates = null;
        var formats = OutputFormats.All;
        var strict = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "help":
                    return new CommandLine("help", "", "", null, formats, false, null);
                case "--out" or "-o":
                    if (++i >= args.Count) return Fail("--out 后面需要一个目录");
                    output = args[i];
                    break;
                case "--templates":
                    if (++i >= args.Count) return Fail("--templates 后面需要一个目录");
                    templates = args[i];
                    break;
                case "--format" or "-f":
                    if (++i >= args.Count) return Fail("--format 后面需要 html、pdf 或 html,pdf");
                    var parsed = ParseFormats(args[i]);
                    if (parsed is null) return Fail($"未知的输出格式“{args[i]}”：可用 html、pdf 或 html,pdf");
                    formats = parsed.Value;
                    break;
                case "--warnings-as-errors":
                    strict = true;
                    break;
                default:
                    if (arg.StartsWith('-')) return Fail($"未知的选项“{arg}”");
                    if (command is null) command = arg;
                    else if (content is null) content = arg;
                    else return Fail($"多余的参数“{arg}”");
                    break;
            }
        }

        if (command is null) return Fail("缺少命令：build 或 validate");
        if (command is not ("build" or "validate")) return Fail($"未知的命令“{command}”：可用 build 或 validate");
        return new CommandLine(command, content ?? "content", output ?? "artifacts", templates, formats, strict, null);

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
                default: return null;
            }
        }
        return formats == OutputFormats.None ? null : formats;
    }
}

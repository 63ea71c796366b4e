using System.Text;
using Publishing.Build;
using Publishing.Cli;
using Publishing.Content;
using Publishing.Diagnostics;

Console.OutputEncoding = new UTF8Encoding(false);
try
{
    return Run(CommandLine.Parse(args));
}
catch (Exception e)
{
    // A bug in Publishing, not in the content: say so in one line, without a stack trace.
    Console.Error.WriteLine($"publishing: error {DiagnosticCodes.InternalError}: Publishing 内部错误（{e.GetType().Name}: {e.Message}）。请把这条信息和内容目录一起报告给开发者。");
    return 3;
}

static int Run(CommandLine line)
{
    if (line.Error is not null)
    {
        Console.Error.WriteLine($"publishing: {line.Error}");
        Console.Error.WriteLine("用 publishing --help 查看用法。");
        return 2;
    }
    if (line.Command == "help")
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }

    var documents = DocumentLoader.FindDocuments(line.ContentRoot);
    var diagnostics = new DiagnosticBag();
    if (documents.Count == 0)
    {
        diagnostics.Error(DiagnosticCodes.NoDocuments, DisplayPaths.For(line.ContentRoot), 0, 0,
            "这里没有文档：内容目录应是含 document.yaml 的文件夹，或包含这样的文件夹。");
        return Report(diagnostics, 0, 0);
    }

    var templates = line.TemplatesDirectory ?? FindTemplates(line.ContentRoot);
    if (templates is null)
    {
        Console.Error.WriteLine("publishing: 找不到 templates/ 目录；请用 --templates 指定。");
        return 2;
    }

    var builder = new DocumentBuilder(new BuildOptions(line.ContentRoot, line.OutputRoot, templates, line.Formats, line.WarningsAsErrors));
    var built = 0;
    foreach (var document in documents)
    {
        if (line.Command == "validate") builder.Validate(document, diagnostics);
        else if (builder.Build(document, diagnostics))
        {
            built++;
            Console.WriteLine($"已生成 {DisplayPaths.For(Path.Combine(line.OutputRoot, Path.GetFileName(document)))}/");
        }
    }
    var failed = diagnostics.HasErrors || (line.WarningsAsErrors && diagnostics.WarningCount > 0);
    Report(diagnostics, documents.Count, built);
    return failed ? 1 : 0;
}

static int Report(DiagnosticBag diagnostics, int documents, int built)
{
    foreach (var diagnostic in diagnostics.Sorted())
        Console.Error.WriteLine(diagnostic);
    var summary = $"{diagnostics.ErrorCount} 个错误，{diagnostics.WarningCount} 个警告";
    Console.Error.WriteLine(documents > 0 ? $"{summary}（{documents} 个文档）" : summary);
    return diagnostics.HasErrors ? 1 : 0;
}

/// <summary>templates/ beside the content root, or above it (content/&lt;doc&gt;/ → templates/).</summary>
static string? FindTemplates(string contentRoot)
{
    for (var directory = new DirectoryInfo(Path.GetFullPath(contentRoot)); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "templates");
        if (File.Exists(Path.Combine(candidate, "document.html.sbn"))) return candidate;
    }
    return null;
}

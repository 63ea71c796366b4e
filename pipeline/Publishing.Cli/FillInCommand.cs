using Publishing.Content.Workbooks;
using Publishing.Diagnostics;
using Publishing.FillIn;
using Publishing.Forms;
using Publishing.Model;
using Publishing.Output;

namespace Publishing.Cli;

/// <summary>publishing workbook --form name --out file.xlsx: the form's fill-in workbook (FillInWorkbook).</summary>
internal static class FillInCommand
{
    public static int Run(CommandLine line, string? foundTemplates, TextWriter stdout, TextWriter stderr)
    {
        var templates = line.TemplatesDirectory ?? foundTemplates;
        if (templates is null)
        {
            stderr.WriteLine("publishing: 找不到 templates/ 目录；请用 --templates 指定。");
            return PublishingCli.UsageError;
        }
        var catalog = new FormCatalog(templates);
        var diagnostics = new DiagnosticBag();
        var name = line.FormName!;
        var form = catalog.LoadForm(name, diagnostics);
        if (form is null && diagnostics.Items.Count == 0)
        {
            stderr.WriteLine($"publishing: 未知的表单“{name}”：可用的表单有 {string.Join("、", catalog.FormNames())}（templates/forms/ 中的文件夹名）。");
            return PublishingCli.UsageError;
        }
        var framework = form is null ? null : form.InlineFramework ?? catalog.LoadFramework(form.Framework, diagnostics);
        if (form is null || diagnostics.HasErrors)
        {
            PublishingCli.Report(diagnostics, 0, stderr);
            return PublishingCli.ContentErrors;
        }

        var path = Path.GetFullPath(line.OutputRoot);
        var bytes = FillInWorkbook.Write(form, framework, Path.GetFileName(path));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"publishing: 无法写入 {DisplayPaths.For(path)}：{e.Message}");
            return PublishingCli.ContentErrors;
        }
        var sheets = Form.TableNames.Where(t => form.Table(t) is { Columns.Count: > 0 }).Select(t => "“" + TableSheets.SheetName(t) + "”");
        stdout.WriteLine($"已生成填报工作簿 {DisplayPaths.For(path)}（表单 {form.Name}：工作表 {string.Join("、", sheets)} 和“{FillInWorkbook.InstructionsSheet}”）");
        return PublishingCli.Ok;
    }
}

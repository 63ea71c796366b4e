using System.IO.Compression;
using System.Text;
using Publishing.FillIn;
using Publishing.Tests.Support;

namespace Publishing.Tests.Workbooks;

/// <summary>
/// The binary workbooks the bad-input corpus (tests/Publishing.Tests/Corpus/workbook-*) holds, made here from code
/// so what each one is stays readable: each committed file must be exactly what its maker gives (zip entries dated
/// 1980, so the bytes are stable). PUBLISHING_REGENERATE_FIXTURES=1 writes them instead of comparing.
/// </summary>
public sealed class WorkbookFixtures
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus");

    private static readonly object?[] ProjectHeader = { "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途", "3月底", "6月底", "10月底", "绩效目标" };

    private static object?[] ProjectRow(object budget) =>
        new object?[] { "P001", "接访经费", budget, new Num(8, "0.00"), new Num(2, "0.00"), "保障接访工作正常开展。", new Num(0.25, "0.00%"), new Num(0.5, "0.00%"), new Num(0.75, "0.00%"), "确保接访工作顺利完成。" };

    private static TestWorkbook Projects(object budget)
    {
        var workbook = new TestWorkbook();
        workbook.Sheet("Sheet1").Row(ProjectHeader).Row(ProjectRow(budget));
        return workbook;
    }

    /// <summary>
    /// The shipped example content/example-workbook-declaration: the project-declaration form's fill-in workbook
    /// (as publishing workbook writes it) filled with the CSV example's data, 一级指标 merged as in the bureau's form.
    /// </summary>
    private static byte[] DeclarationExample()
    {
        var catalog = new Publishing.Forms.FormCatalog(RepoPaths.Templates);
        var form = catalog.LoadForm("project-declaration", new Publishing.Diagnostics.DiagnosticBag()).ShouldNotBeNull();
        var bytes = FillInWorkbook.Write(form, form.InlineFramework, "申报表.xlsx");
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var package = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
            foreach (var (table, file, merged) in new[] { ("projects", "projects.csv", (string?)null), ("indicators", "indicators.csv", "一级指标") })
            {
                var csv = Publishing.Content.CsvTableReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Content, "example-project-declaration", "data", file)),
                    file, new Publishing.Diagnostics.DiagnosticBag()).ShouldNotBeNull();
                FillInWorkbookTests.Fill(package, Publishing.Content.Workbooks.TableSheets.SheetName(table), form.Table(table)!, csv, merged);
            }
        return DeterministicZip.Rewrite(stream.ToArray());
    }

    /// <summary>Case folder (or, for the example, a folder of the repository) → file → bytes.</summary>
    public static IEnumerable<(string Case, string File, byte[] Bytes)> All()
    {
        yield return ("../../../content/example-workbook-declaration", "data/申报表.xlsx", DeclarationExample());

        byte[] Stable(byte[] bytes) => DeterministicZip.Rewrite(bytes);

        yield return ("workbook-valid-projects", "data/项目表.xlsx", Stable(Projects(new Num(10, "#,##0.00")).ToBytes()));
        yield return ("workbook-bad-cell", "data/项目表.xlsx", Stable(Projects("十万").ToBytes()));
        yield return ("workbook-formula-without-value", "data/项目表.xlsx", Stable(Projects(new Formula("D2+E2", null)).ToBytes()));
        yield return ("workbook-formula-error", "data/项目表.xlsx", Stable(Projects(new ErrorValue("#DIV/0!", "D2/0")).ToBytes()));
        yield return ("workbook-macros-xlsm", "data/项目表.xlsm", Stable(Projects(new Formula("D2+E2", new Num(10, "0.00"))).ToBytes(macroEnabled: true)));
        yield return ("workbook-given-twice", "data/projects.xlsx", Stable(Projects(new Num(10, "0.00")).ToBytes()));

        var hidden = new TestWorkbook();
        hidden.Sheet("Sheet1").Row(ProjectHeader).Row(ProjectRow(new Num(10, "0.00")))
            .HiddenRow("P002", "旧项目", new Num(5, "0.00"), new Num(5, "0.00"), new Num(0, "0.00"), "已取消。", null, null, null, "无。");
        yield return ("workbook-hidden-row", "data/项目表.xlsx", Stable(hidden.ToBytes()));

        // Both tables in one workbook, the 一级指标 merged over its rows as in the bureau's form, and a hidden sheet.
        var both = new TestWorkbook();
        both.Sheet("旧版", hidden: true).Row("作废");
        both.Sheet("项目").Row(ProjectHeader).Row(ProjectRow(new Num(10, "0.00")));
        both.Sheet("指标")
            .Row("项目编码", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
            .Row("P001", "产出指标", "数量指标", "接待来访批次", "全年接待群众来访批次", "≥100 批次", "年度工作计划")
            .Row("P001", "产出指标", "质量指标", "来访登记率", "来访登记的比例", "≥95%", "年度工作计划")
            .Row("P001", "效益指标", "社会效益指标", "案件办结率", "信访案件按期办结的比例", "≥90%", "年度工作计划")
            .Row("P001", "满意度指标", "服务对象满意度指标", "来访群众满意度", "来访群众对接待工作的满意程度", "≥90%", "满意度调查")
            .Merge("B2:B3");
        both["指标"].Rows[2].Values[1] = null;
        yield return ("workbook-one-workbook-merged", "data/绩效目标表.xlsx", Stable(both.ToBytes()));

        var missingSheet = new TestWorkbook();
        missingSheet.Sheet("项目").Row(ProjectHeader).Row(ProjectRow(new Num(10, "0.00")));
        missingSheet.Sheet("Sheet2").Row("项目编码");
        yield return ("workbook-no-sheet-for-table", "data/绩效目标表.xlsx", Stable(missingSheet.ToBytes()));

        // A password-protected workbook: an OLE compound file holding an EncryptedPackage stream (its directory names are UTF-16).
        yield return ("workbook-encrypted", "data/项目表.xlsx", Ole("EncryptionInfo", "EncryptedPackage"));
        yield return ("workbook-legacy-xls", "data/项目表.xls", Ole("Workbook", "SummaryInformation"));
        yield return ("workbook-corrupt", "data/项目表.xlsx", Encoding.ASCII.GetBytes("PK\u0003\u0004 this was a workbook until the download broke off"));
        yield return ("workbook-zip-bomb", "data/项目表.xlsx", ZipBomb());
    }

    private static byte[] Ole(params string[] streams)
    {
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var name in streams)
        {
            var entry = new byte[128];
            Encoding.Unicode.GetBytes(name).CopyTo(entry, 0);
            bytes.AddRange(entry);
        }
        return bytes.ToArray();
    }

    /// <summary>A sheet part of 8 MB of blanks that packs into a few kilobytes (1000:1), with the parts a workbook has.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            Add("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + new string(' ', 8 * 1024 * 1024) + "</sheetData></worksheet>");
        }
        return stream.ToArray();
    }

    [Fact]
    public void The_corpus_workbooks_are_what_their_makers_give()
    {
        var regenerate = Environment.GetEnvironmentVariable("PUBLISHING_REGENERATE_FIXTURES") == "1";
        foreach (var (name, file, bytes) in All())
        {
            var path = Path.Combine(Corpus, name, file);
            if (regenerate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
                continue;
            }
            File.Exists(path).ShouldBeTrue($"{name}/{file} is missing: run the tests with PUBLISHING_REGENERATE_FIXTURES=1");
            File.ReadAllBytes(path).SequenceEqual(bytes).ShouldBeTrue($"{name}/{file} differs from what WorkbookFixtures makes: regenerate it");
        }
    }
}

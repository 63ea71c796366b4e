using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Publishing.Diagnostics;

namespace Publishing.Content.Workbooks;

/// <summary>One sheet of a workbook, as its tab shows it.</summary>
public sealed record WorkbookSheet(string Name, bool Hidden, string PartId);

/// <summary>
/// An .xlsx (or .xlsm) workbook opened read-only with the Open XML SDK: its sheets, shared strings and number
/// formats. Sheets are read by <see cref="SheetReader"/> into the same <see cref="CsvTable"/> a CSV file gives,
/// so everything after reading (columns, cells, checks, the model) does not know where a table came from.
/// Macros in an .xlsm are never run: only the cells' stored values are read. Every way a workbook can be bad
/// ends in one diagnostic, never an exception.
/// </summary>
public sealed class Workbook : IDisposable
{
    /// <summary>The most characters the SDK reads from one part: the parser's own bound if a zip lies about sizes.</summary>
    private const long MaxCharactersInPart = 128L * 1024 * 1024;

    private readonly SpreadsheetDocument _document;
    private readonly List<string> _sharedStrings;
    private readonly string[] _formatByStyle;

    private Workbook(string displayPath, SpreadsheetDocument document, IReadOnlyList<WorkbookSheet> sheets,
        List<string> sharedStrings, string[] formatByStyle, bool date1904)
    {
        DisplayPath = displayPath;
        _document = document;
        Sheets = sheets;
        _sharedStrings = sharedStrings;
        _formatByStyle = formatByStyle;
        Date1904 = date1904;
    }

    public string DisplayPath { get; }
    public IReadOnlyList<WorkbookSheet> Sheets { get; }
    public bool Date1904 { get; }

    public IEnumerable<WorkbookSheet> VisibleSheets => Sheets.Where(s => !s.Hidden);

    /// <summary>The workbook in the file, or null (with its one diagnostic) when it cannot be read.</summary>
    public static Workbook? Open(string fullPath, string displayPath, DiagnosticBag diagnostics) =>
        TextFileDecoder.ReadBytes(fullPath, displayPath, diagnostics) is { } bytes ? Open(bytes, displayPath, diagnostics) : null;

    public static Workbook? Open(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        var (kind, detail) = WorkbookPackage.Inspect(bytes);
        switch (kind)
        {
            case WorkbookPackage.Kind.Encrypted:
                diagnostics.Add(DiagnosticCatalog.WorkbookEncrypted.At(displayPath, 1, 1));
                return null;
            case WorkbookPackage.Kind.LegacyXls:
                diagnostics.Add(DiagnosticCatalog.WorkbookLegacyFormat.At(displayPath, 1, 1));
                return null;
            case WorkbookPackage.Kind.TooLarge:
                diagnostics.Add(DiagnosticCatalog.WorkbookTooLarge["too-large"].At(displayPath, 1, 1,
                    ("detail", detail), ("maxMb", WorkbookPackage.MaxUnpackedBytes / (1024 * 1024)), ("maxRatio", WorkbookPackage.MaxRatio)));
                return null;
            case WorkbookPackage.Kind.NotAWorkbook:
                Unreadable(diagnostics, displayPath, detail);
                return null;
        }

        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { AutoSave = false, MaxCharactersInPart = MaxCharactersInPart });
            var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("没有工作簿部件");
            var root = workbookPart.Workbook;
            var sheets = (root.Sheets?.Elements<Sheet>() ?? Enumerable.Empty<Sheet>())
                .Select(s => new WorkbookSheet((s.Name?.Value ?? "").Trim(), s.State is { } state && state.Value != SheetStateValues.Visible, s.Id?.Value ?? ""))
                .ToList();
            var date1904 = root.WorkbookProperties?.Date1904?.Value == true;
            var workbook = new Workbook(displayPath, document, sheets, SharedStrings(workbookPart), Formats(workbookPart), date1904);
            document = null; // owned by the workbook now
            return workbook;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            Unreadable(diagnostics, displayPath, e.Message);
            return null;
        }
        finally
        {
            document?.Dispose();
        }
    }

    /// <summary>What reading a hostile or broken package can throw: reported as the file being unreadable.</summary>
    internal static bool IsBadInput(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException
            or FormatException or ArgumentException or NotSupportedException or OverflowException or KeyNotFoundException
            or InvalidCastException or IndexOutOfRangeException or NullReferenceException;

    internal static void Unreadable(DiagnosticBag diagnostics, string displayPath, string? detail) =>
        diagnostics.Add(detail is null
            ? DiagnosticCatalog.WorkbookUnreadable["damaged"].At(displayPath, 1, 1)
            : DiagnosticCatalog.WorkbookUnreadable["damaged-detail"].At(displayPath, 1, 1, ("detail", detail)));

    /// <summary>The sheet's cells as a table (header row first), or null when it cannot be used.</summary>
    public CsvTable? ReadTable(WorkbookSheet sheet, ContentLimits limits, DiagnosticBag diagnostics)
    {
        try
        {
            if (_document.WorkbookPart!.GetPartById(sheet.PartId) is not WorksheetPart part)
            {
                diagnostics.Add(DiagnosticCatalog.WorkbookNoSheet["chart"].At(DisplayPath, 1, 1, ("sheet", sheet.Name)));
                return null;
            }
            return new SheetReader(this, sheet, limits, diagnostics).Read(part);
        }
        catch (Exception e) when (IsBadInput(e))
        {
            Unreadable(diagnostics, DisplayPath, DiagnosticCatalog.WorkbookUnreadable["sheet"].Format(("sheet", sheet.Name), ("reason", e.Message)));
            return null;
        }
    }

    internal string SharedString(int index) => index >= 0 && index < _sharedStrings.Count ? _sharedStrings[index] : "";

    internal string FormatOf(uint styleIndex) => styleIndex < _formatByStyle.Length ? _formatByStyle[styleIndex] : "General";

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            strings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
        }
        return strings;
    }

    /// <summary>A rich or plain string's text, without its phonetic (furigana) runs.</summary>
    internal static string TextOf(OpenXmlElement item)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is DocumentFormat.OpenXml.Spreadsheet.Text plain) text.Append(plain.Text);
            else if (child is Run run && run.Text is { } runText) text.Append(runText.Text);
        }
        return text.ToString();
    }

    /// <summary>Each cell style's number format code (cellXfs index → code).</summary>
    private static string[] Formats(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet is null) return Array.Empty<string>();
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? Enumerable.Empty<NumberingFormat>())
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code) custom[id] = code;
        return (stylesheet.CellFormats?.Elements<CellFormat>() ?? Enumerable.Empty<CellFormat>())
            .Select(xf => xf.NumberFormatId?.Value ?? 0)
            .Select(id => custom.TryGetValue(id, out var code) ? code : NumberFormats.BuiltInCode((int)Math.Min(id, int.MaxValue)))
            .ToArray();
    }

    public void Dispose() => _document.Dispose();
}

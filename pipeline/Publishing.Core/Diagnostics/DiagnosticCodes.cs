namespace Publishing.Diagnostics;

/// <summary>Every diagnostic code, in one place; docs/diagnostics.md explains each with an example and the fix.</summary>
public static class DiagnosticCodes
{
    // Files, paths and encodings
    public const string FileNotFound = "PUB1001";
    public const string LegacyEncoding = "PUB1002";
    public const string UnknownEncoding = "PUB1003";
    public const string PathOutsideDocument = "PUB1004";
    public const string FileUnreadable = "PUB1005";
    public const string NoDocuments = "PUB1006";
    public const string NotARegularFile = "PUB1007";
    public const string ControlCharacter = "PUB1008";
    public const string BrokenLink = "PUB1009";

    // Forms (templates/forms/<name>/form.yaml, templates/frameworks/<name>.yaml)
    public const string FormInvalid = "PUB1201";
    public const string UnknownForm = "PUB1202";

    // The manifest (document.yaml)
    public const string ManifestSyntax = "PUB1101";
    public const string ManifestMissingKey = "PUB1102";
    public const string ManifestUnknownKey = "PUB1103";
    public const string ManifestBadValue = "PUB1104";

    // CSV structure
    public const string CsvMissingColumn = "PUB2001";
    public const string CsvUnknownColumn = "PUB2002";
    public const string CsvDuplicateColumn = "PUB2003";
    public const string CsvEmptyCell = "PUB2004";
    public const string CsvMalformedQuote = "PUB2005";
    public const string CsvFieldCount = "PUB2006";
    public const string CsvEmptyFile = "PUB2007";

    // CSV values
    public const string BadNumber = "PUB2010";
    public const string NegativeMoney = "PUB2011";
    public const string MoneyPrecision = "PUB2012";
    public const string BudgetSum = "PUB2013";
    public const string PercentRange = "PUB2014";
    public const string PercentDecreasing = "PUB2015";
    public const string EnumerationValue = "PUB2016";

    // Projects and indicators
    public const string DuplicateProject = "PUB2020";
    public const string UnknownProject = "PUB2021";
    public const string ProjectWithoutIndicators = "PUB2022";
    public const string UnknownLevel1 = "PUB2030";
    public const string UnknownLevel2 = "PUB2031";
    public const string MissingLevel1 = "PUB2032";
    public const string UnreadableValue = "PUB2033";
    public const string ValueUnitMismatch = "PUB2034";
    public const string ValueTypeMismatch = "PUB2035";
    public const string ExpectedCellEmpty = "PUB2036";

    // Workbooks (.xlsx) as data
    public const string WorkbookUnreadable = "PUB2040";
    public const string WorkbookEncrypted = "PUB2041";
    public const string WorkbookLegacyFormat = "PUB2042";
    public const string WorkbookTooLarge = "PUB2043";
    public const string WorkbookNoSheet = "PUB2044";
    public const string TableGivenTwice = "PUB2045";
    public const string WorkbookCellValue = "PUB2046";
    public const string WorkbookHidden = "PUB2047";
    public const string WorkbookCellOutsideHeader = "PUB2048";

    // Markdown
    public const string SectionWithoutTitle = "PUB3001";
    public const string NumberingSkipped = "PUB3002";
    public const string NumberingRepeated = "PUB3003";
    public const string Typo = "PUB3010";
    public const string StrayLatinWord = "PUB3011";
    public const string UnbalancedPunctuation = "PUB3012";
    public const string HalfWidthPunctuation = "PUB3013";
    public const string Phrasing = "PUB3014";
    public const string UnknownDataReference = "PUB3020";
    public const string UnsafeLink = "PUB3021";
    public const string ImageNotSupported = "PUB3022";
    public const string MarkdownTooDeep = "PUB3030";

    // Templates and rendering
    public const string MissingGlyph = "PUB4001";
    public const string TemplateSyntax = "PUB4101";
    public const string TemplateRuntime = "PUB4102";
    public const string TemplateIncludeRefused = "PUB4103";
    public const string TemplateLimit = "PUB4104";
    public const string ThemeInvalid = "PUB4105";
    public const string CheckDataInvalid = "PUB4106";

    // What the PDF's layout cannot honour as the template or theme asks
    public const string VocabularyIgnored = "PUB4201";
    public const string TableRowTooWide = "PUB4202";
    public const string UnknownPageSetup = "PUB4203";
    public const string TocTargetMissing = "PUB4210";
    public const string CellOverflow = "PUB4211";
    public const string TooTall = "PUB4212";

    // Outputs
    public const string OutputWriteFailed = "PUB5001";
    public const string SinceRevisionUnavailable = "PUB5002";
    public const string VolumeMixedYears = "PUB5003";

    // The document's size limits (the theme's limits:)
    public const string TooManyRows = "PUB6001";
    public const string ContentTooLarge = "PUB6002";
    public const string TooManyPages = "PUB6003";
    public const string TooManyHtmlBlocks = "PUB6004";
    public const string HtmlTooLarge = "PUB6005";
    public const string NearPageLimit = "PUB6010";

    // A bug in Publishing itself, reported without a stack trace.
    public const string InternalError = "PUB9001";
}

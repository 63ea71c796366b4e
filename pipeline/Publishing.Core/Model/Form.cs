namespace Publishing.Model;

/// <summary>
/// A form (templates/forms/&lt;name&gt;/form.yaml): what kind of document it prints, the columns of its tables,
/// its indicator framework, the metadata keys its documents may have and how severe each check is. Data a
/// bureau edits, never code: the sample's 部门预算绩效文本 is one such form.
/// </summary>
public sealed record Form(
    string Name,
    string Title,
    DocumentKind Kind,
    string Framework,
    IndicatorFramework? InlineFramework,
    IReadOnlyList<MetadataField> Metadata,
    IReadOnlyDictionary<string, FormTable> Tables,
    IReadOnlyList<ColumnSum> Sums,
    IReadOnlyDictionary<string, CheckSeverity> Checks)
{
    /// <summary>A form with nothing declared (documents built without a form file).</summary>
    public static Form Unnamed { get; } = new("", "", DocumentKind.BudgetText, "classic", null, Array.Empty<MetadataField>(),
        new Dictionary<string, FormTable>(), Array.Empty<ColumnSum>(), new Dictionary<string, CheckSeverity>());

    public const string Projects = "projects", Indicators = "indicators", Department = "department", DepartmentIndicators = "department_indicators";

    public static readonly string[] TableNames = { Projects, Indicators, Department, DepartmentIndicators };

    /// <summary>The folder of the form's own templates, relative to templates/.</summary>
    public string Folder => "forms/" + Name;

    public FormTable? Table(string name) => Tables.TryGetValue(name, out var table) ? table : null;

    public CheckSeverity SeverityOf(string check) => Checks.TryGetValue(check, out var severity) ? severity : CheckSeverity.On;

    /// <summary>Where the form was read from, as diagnostics show it (templates/forms/&lt;name&gt;/form.yaml); empty for <see cref="Unnamed"/>.</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>The size limits this form sets instead of the theme's (each null: the theme's).</summary>
    public FormLimits Limits { get; init; } = FormLimits.None;

    /// <summary>How the form changes the shared list of qualitative 指标值 (templates/checks/qualitative-values.txt).</summary>
    public QualitativeValues QualitativeValues { get; init; } = QualitativeValues.Shared;
}

/// <summary>A form's own size limits (form.yaml limits:), each overriding the theme's limit of the same name.</summary>
public sealed record FormLimits(int? MaxRowsPerFile, int? MaxContentMb, int? MaxPages)
{
    public static FormLimits None { get; } = new(null, null, null);
}

/// <summary>
/// The qualitative 指标值 a form accepts: the shared list plus <see cref="Values"/>, or only <see cref="Values"/>
/// when <see cref="ReplacesShared"/> (form.yaml qualitative_values: add: […] or replace: […]).
/// </summary>
public sealed record QualitativeValues(IReadOnlyList<string> Values, bool ReplacesShared)
{
    public static QualitativeValues Shared { get; } = new(Array.Empty<string>(), false);

    /// <summary>The values accepted, given the shared list.</summary>
    public IReadOnlySet<string> Apply(IReadOnlySet<string> shared) =>
        ReplacesShared ? Values.ToHashSet(StringComparer.Ordinal)
            : Values.Count == 0 ? shared : shared.Concat(Values).ToHashSet(StringComparer.Ordinal);
}

/// <summary>budget-text: cover, 目录 and parts; project-form: a single-table 申报表 per project;
/// department-form: a department-wide 整体绩效目标表 (duties and goal above one indicator table, no projects).</summary>
public enum DocumentKind { BudgetText, ProjectForm, DepartmentForm }

/// <summary>on: as the check reports; warning: its errors become warnings (never blocks); off: reports nothing.</summary>
public enum CheckSeverity { On, Warning, Off }

public enum ColumnKind { Text, Code, Money, Percent, Number, IndicatorValue, Unit, Period, Enumeration }

/// <summary>One column a form declares: its header as written in the CSV (and as templates name it).</summary>
public sealed record FormColumn(string Name, ColumnKind Kind, bool Required, IReadOnlyList<string> Values, string Label)
{
    /// <summary>Text columns are prose: the typo and punctuation checks read them.</summary>
    public bool IsProse => Kind == ColumnKind.Text;

    /// <summary>
    /// The column's width in the printed table, as form.yaml gives it: a relative weight ("2") or a length
    /// ("18mm", "12%"); null: automatic. Templates write it into the table's colgroup.
    /// </summary>
    public string? Width { get; init; }

    /// <summary>What an editor should write in the column (form.yaml note:): shown in the fill-in workbook.</summary>
    public string? Note { get; init; }

    /// <summary>Whether <see cref="Width"/> is a relative weight (data-weight) rather than a CSS width.</summary>
    public bool WidthIsWeight => Width is { Length: > 0 } w && char.IsAsciiDigit(w[^1]);

    /// <summary>What the column means to the model (form.yaml role:); None: only the templates read it.</summary>
    public ColumnRole Role { get; init; }

    /// <summary>The role as form.yaml writes it ("level1", "budget-total"); "" for none. Templates compare this.</summary>
    public string RoleName => ColumnRoles.NameOf(Role);

    /// <summary>A value-type column's values that mean "a number" (定量) and "a qualitative value" (定性): form.yaml quantitative: / qualitative:.</summary>
    public IReadOnlyList<string> Quantitative { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Qualitative { get; init; } = Array.Empty<string>();

    /// <summary>
    /// required: expected — between required and optional: the CSV may leave the column or its cells out, but each
    /// empty cell is a warning (check expected-cells). <see cref="Required"/> is then false.
    /// </summary>
    public bool Expected { get; init; }

    /// <summary>
    /// A required level2/level3 column that may be empty only in rows under these 一级 (form.yaml empty_under:
    /// [满意度指标]); empty anywhere else is the required column's error.
    /// </summary>
    public IReadOnlyList<string> EmptyUnder { get; init; } = Array.Empty<string>();

    /// <summary>Where form.yaml declares the column (its line), for messages about it; 0 when not read from a file.</summary>
    public int Line { get; init; }
}

public sealed record FormTable(string Name, IReadOnlyList<FormColumn> Columns)
{
    public FormColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
    public bool Has(string name) => Column(name) is not null;

    /// <summary>The (first) column with the role; null when the form gives it to none.</summary>
    public FormColumn? WithRole(ColumnRole role) => Columns.FirstOrDefault(c => c.Role == role);

    /// <summary>Every column with the role, in declared order (the spending plan's points, the 中期/年度 values).</summary>
    public IEnumerable<FormColumn> AllWithRole(ColumnRole role) => Columns.Where(c => c.Role == role);

    /// <summary>The header of the column with the role, or <paramref name="fallback"/> when there is none (for messages).</summary>
    public string NameOf(ColumnRole role, string fallback = "") => WithRole(role)?.Name ?? fallback;

    public static FormTable Empty(string name) => new(name, Array.Empty<FormColumn>());
}

/// <summary>A metadata key documents of the form may (or must) have in document.yaml, beyond the common ones.</summary>
public sealed record MetadataField(string Key, bool Required);

/// <summary>A sum the form's data must respect: Total = the sum of Parts, in one row of Table.</summary>
public sealed record ColumnSum(string Table, string Total, IReadOnlyList<string> Parts);

/// <summary>An indicator framework: which 一级 exist (and whether each must appear), and the 二级 under each.</summary>
public sealed record IndicatorFramework(string Name, string Title, IReadOnlyList<FrameworkLevel1> Levels);

public sealed record FrameworkLevel1(string Name, IReadOnlyList<string> Level2, bool Optional);

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
}

public sealed record FormTable(string Name, IReadOnlyList<FormColumn> Columns)
{
    public FormColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
    public bool Has(string name) => Column(name) is not null;
}

/// <summary>A metadata key documents of the form may (or must) have in document.yaml, beyond the common ones.</summary>
public sealed record MetadataField(string Key, bool Required);

/// <summary>A sum the form's data must respect: Total = the sum of Parts, in one row of Table.</summary>
public sealed record ColumnSum(string Table, string Total, IReadOnlyList<string> Parts);

/// <summary>An indicator framework: which 一级 exist (and whether each must appear), and the 二级 under each.</summary>
public sealed record IndicatorFramework(string Name, string Title, IReadOnlyList<FrameworkLevel1> Levels);

public sealed record FrameworkLevel1(string Name, IReadOnlyList<string> Level2, bool Optional);

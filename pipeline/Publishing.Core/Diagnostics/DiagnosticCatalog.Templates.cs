namespace Publishing.Diagnostics;

// 模板、主题和排版 (PUB4xxx)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind MissingGlyph = new(DiagnosticCodes.MissingGlyph, Severity.Warning, "字体中缺字",
        ("no-font", "字符 '{character}' ({code}) 在所有字体中都没有字形，PDF 中显示为空框；请换用其他字符或在主题中增加含该字符的字体。"),
        ("fallback-absent", "字符 '{character}' ({code}) 在所有字体中都没有字形，PDF 中显示为空框；主题的后备字体（fallback_fonts）在本机缺少：{fonts}，请先安装（fonts-hanazono，见 scripts/install-deps.sh）。"));

    public static readonly DiagnosticKind TemplateSyntax = new(DiagnosticCodes.TemplateSyntax, Severity.Error, "模板语法错误",
        ("missing", "模板文件不存在。"),
        ("unclosed", "模板语法错误：这个 {keyword} 没有对应的 {{{{ end }}}}，直到文件结尾都没有结束。请在这一块的末尾补上 {{{{ end }}}}。"),
        ("parser", "模板语法错误：{reason}"));


    public static readonly DiagnosticKind TemplateRuntime = new(DiagnosticCodes.TemplateRuntime, Severity.Error, "模板运行错误",
        ("indexer", "模板中的 {target}[\"{key}\"] 取不到值：表单没有声明名为“{key}”的列或设置项。{hint}"),
        ("declared", "已声明的：{names}。"),
        ("variable", "模板中的变量或函数“{name}”不存在（名字写错，或在使用之前没有赋值）。"),
        ("member", "模板中的“{name}”不存在：这个对象没有这个成员（名字写错？成员名用小写和下划线，如 project.budget、row.columns）。"),
        ("null", "模板中的“{target}”是空值（null），不能再取它的成员或下标：请先用 if 判断它是否存在。"),
        ("other", "模板运行错误：{reason}"),
        ("date-now", "模板不能读取当前时间（date.now）：每次生成的文件会不同，同样的输入应得到同样的文件。请改用文档的日期 meta.date（document.yaml 中的 date:），如 {{{{ meta.date | date.to_string '%Y年%m月%d日' }}}}"),
        ("math-random", "模板不能取随机数（math.random）：每次生成的文件会不同。请由文档的内容决定要写的值"),
        ("math-uuid", "模板不能生成随机编号（math.uuid）：每次生成的文件会不同。请由文档的内容（如 meta.unit_code）生成编号"));


    public static readonly DiagnosticKind TemplateIncludeRefused = new(DiagnosticCodes.TemplateIncludeRefused, Severity.Error, "模板引用被拒绝",
        "模板运行错误：{reason}");


    public static readonly DiagnosticKind TemplateLimit = new(DiagnosticCodes.TemplateLimit, Severity.Error, "模板超出限制",
        "模板运行错误：{reason}");


    public static readonly DiagnosticKind ThemeInvalid = new(DiagnosticCodes.ThemeInvalid, Severity.Error, "主题文件有误",
        ("theme", "主题文件有误：{problem}"),
        ("name", "主题文件有误：主题名“{name}”只能由字母、数字、“-”和“_”组成"),
        ("missing", "主题文件有误：没有名为“{name}”的主题（应有 templates/theme/{name}.yaml）"),
        ("shape", "主题文件应是“名称: 值”的表（page:、fonts:、body:、styles: ……）"),
        ("override-shape", "表单的主题文件应是“名称: 值”的表，只写要改的几项（如 page: {{ margin_top_mm: 20 }}）"),
        ("pdf", "PDF 无法生成：{reason}"),
        ("not-a-colour", "“{value}”不是颜色：请写 #rgb 或 #rrggbb，如 #000000"),
        ("negative-whole", "“{value}”不能是负数"),
        ("not-a-number", "“{value}”不是数字"),
        ("not-positive", "{name} 必须大于 0（现在是 {value}）"),
        ("negative", "{name} 不能是负数（现在是 {value}）"),
        ("over-100", "{name} 是百分数，不能超过 100（现在是 {value}）"),
        ("not-an-alignment", "“{value}”不是对齐方式：可写 {choices}"),
        ("not-a-weight", "“{value}”不是字重：可写 regular 或 bold"),
        ("no-such-font", "fonts: 下没有名为“{value}”的字体（已有：{fonts}）"),
        ("not-a-pdf-standard", "“{value}”不是 PDF 标准：可写 PDF/A-2a, PDF/UA-1（默认：可归档、无障碍）、其中之一，或 none（普通 PDF）"),
        ("not-a-page-number-place", "“{value}”不是页码位置：可写 center（居中）或 outside（单页在右、双页在左）"),
        ("no-font-file", "fonts.{family}.{face} 没有写字体文件"),
        ("font-not-found", "找不到字体文件：{path}"),
        ("font-no-permission", "没有权限读取字体文件：{path}"),
        ("font-truncated", "字体文件不完整（可能复制或下载时中断）：{path} 只有 {length} 字节，其中的 {table} 表应到第 {end} 字节；请重新复制这个字体文件"),
        ("font-unreadable", "无法作为字体读取：{path}（{reason}）"),
        ("expected", "这里应写{what}"),
        ("a-list", "列表（每项以 - 开头）"),
        ("a-mapping", "“名称: 值”的表"),
        ("paper", "纸张 '{size}' 不支持，可用：{sizes}"),
        ("orientation", "方向 '{orientation}' 不支持，应为 portrait（纵向）或 landscape（横向）"),
        ("margin-top", "上边距不能为负数"),
        ("margin-left", "左边距不能为负数"),
        ("body-width", "版心宽度应大于 0"),
        ("body-height", "版心高度应大于 0"),
        ("wider-than-page", "版心比页面宽：{size} {orientation}页面宽 {width:0.#} mm，左边距 {margin:0.#} mm 加版心宽 {body:0.#} mm 为 {sum:0.#} mm"),
        ("taller-than-page", "版心比页面高：{size} {orientation}页面高 {height:0.#} mm，上边距 {margin:0.#} mm 加版心高 {body:0.#} mm 为 {sum:0.#} mm"),
        ("landscape", "横向"),
        ("portrait", "纵向"),
        ("footer-off-page", "页码在版心下 {offset:0.#} mm，已超出页面（下边距只有 {margin:0.#} mm）"),
        ("body-too-narrow", "版心宽 {width} mm 太窄：一行放不下 {characters} 个 {size} pt 的正文字（至少要 {needed} mm）"),
        ("body-too-short", "版心高 {height} mm 太矮：一页放不下 {lines} 行正文（行距 {pitch} pt）"),
        ("size-too-large", "字号 {size} pt 太大：最窄的版心宽 {width} mm（{widthPt} pt），一行要能放下 {characters} 个字，否则文字会落到页面之外；字号最大可写 {maximum} pt（三号为 16 pt）"),
        ("indent-too-large", "缩进 {indent} 个字太大：最窄的版心宽 {width} mm，缩进后一行放不下 {characters} 个 {size} pt 的字"),
        ("pitch-too-large", "行距 {pitch} pt 太大：最矮的版心高 {height} mm（{heightPt} pt），一页放不下 {lines} 行"),
        ("padding-too-large", "单元格内边距 {padding} mm 太大：{characters} 栏的表格在最窄的版心（{width} mm）中，每栏放不下一个字"),
        ("max-rows", "每个数据文件的行数上限应大于 0"),
        ("max-content", "文档内容的大小上限（MB）应大于 0"),
        ("max-pages", "PDF 的页数上限应大于 0"),
        ("max-html-blocks", "HTML 的块数上限应大于 0"),
        ("max-html-mb", "HTML 的大小上限（MB）应大于 0"),
        ("list-indent-too-large", "列表缩进 {indent} 个字太大：最窄的版心中，缩进后一行放不下 {characters} 个字"));


    public static readonly DiagnosticKind CheckDataInvalid = new(DiagnosticCodes.CheckDataInvalid, Severity.Warning, "检查用的数据文件有误",
        ("typos", "错别字表的这一行无法读取：“{line}”。每行应写成“错误写法 → 正确写法”，如“明感 → 敏感”。"),
        ("phrasing", "语病表的这一行无法读取：“{line}”。每行应写成“有问题的写法 → 建议写法”，如“确保…的发生 → 防止…的发生”。"));

    public static readonly DiagnosticKind VocabularyIgnored = new(DiagnosticCodes.VocabularyIgnored, Severity.Warning, "PDF 不认识的元素、类或属性",
        ("element", "PDF 不认识元素 <{element}>，只把其中的文字按普通段落排出；PDF 认得的写法见 docs/html-vocabulary.md。"),
        ("attribute", "PDF 不认识 <{element}> 的属性 {attribute}（PDF 会忽略它）；PDF 认得的写法见 docs/html-vocabulary.md。"),
        ("class", "PDF 不认识 <{element}> 的类 {class}（PDF 会忽略它；只给预览用的类请列入 docs/html-vocabulary.md）；PDF 认得的写法见 docs/html-vocabulary.md。"));


    public static readonly DiagnosticKind TableRowTooWide = new(DiagnosticCodes.TableRowTooWide, Severity.Warning, "表格一行的格数多于列数",
        "表格这一行占 {needed} 列，而 <colgroup> 只定义了 {columns} 列；PDF 只排前 {columns} 列，多出的格子略去。请检查这一行的格子数和 colspan，或在 <colgroup> 中补上列。{data}");


    public static readonly DiagnosticKind UnknownPageSetup = new(DiagnosticCodes.UnknownPageSetup, Severity.Warning, "未知的页面设置",
        ("listed", "data-page=\"{name}\" 不是主题中的页面设置（pages: 下有：{pages}），这部分按文档的页面排版。{suggestion}{data}"),
        ("none", "data-page=\"{name}\" 不是主题中的页面设置（pages: 下没有任何设置），这部分按文档的页面排版。{suggestion}{data}"));


    public static readonly DiagnosticKind TocTargetMissing = new(DiagnosticCodes.TocTargetMissing, Severity.Warning, "目录指向不存在的位置",
        "目录中的“{text}”指向 #{target}，文档中没有这个 id 的标题或部分，PDF 目录中它的页码会印成 0、书签打不开。请改正模板中这条目录的链接，或给要指向的标题加上这个 id。");

    public static readonly DiagnosticKind CellOverflow = new(DiagnosticCodes.CellOverflow, Severity.Warning, "表格格子中的一段文字无处可断",
        "表格的格子“{text}”比格子宽，其中一段找不到可以断开的地方（- / . _ 之后或汉字之间），PDF 只好在数字或单词中间断开。可在合适的地方加一个 - 或空格、缩短这段文字，或在表单模板中加宽这一列。");

    public static readonly DiagnosticKind TooTall = new(DiagnosticCodes.TooTall, Severity.Warning, "内容比一页还高",
        ("row", "表格的这一行比一页还高（最高的是格子“{text}”），PDF 只好把这一行拆到几页上，格子的文字分在几页。请缩短这个格子的文字，或把它分成几行数据。"),
        ("cover", "封面的内容比一页还高，PDF 中放不下的文字被截去或压在页脚的文字上。请缩短封面上的文字（部门、标题、编制和审核单位）。"));
}

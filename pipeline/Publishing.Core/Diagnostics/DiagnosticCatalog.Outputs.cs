namespace Publishing.Diagnostics;

// 输出、规模上限和内部错误 (PUB5xxx, PUB6xxx, PUB9001)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind OutputWriteFailed = new(DiagnosticCodes.OutputWriteFailed, Severity.Error, "无法写入输出",
        ("write", "无法写入输出：{reason}"),
        ("create-folder", "无法创建输出文件夹（{reason}）"),
        ("create-lock", "无法创建锁文件（{reason}），输出文件夹不能写入"),
        ("lock", "无法锁定输出文件夹（{reason}）"),
        ("held", "另一个运行（{holder}）仍在使用这个输出文件夹；已等了 {seconds} 秒，放弃。等它结束后再运行，或用 --lock-wait 等得更久"),
        ("holder-since", "进程 {pid}，自 {since} 起"),
        ("holder", "进程 {pid}"),
        ("holder-unknown", "进程号未知"),
        ("read-only", "只读文件系统"),
        ("no-permission", "没有写入权限"),
        ("disk-full", "磁盘已满"),
        ("no-folder", "文件夹不存在"),
        ("errno", "系统错误 {errno}"));

    public static readonly DiagnosticKind SinceRevisionUnavailable = new(DiagnosticCodes.SinceRevisionUnavailable, Severity.Error, "--since 的修订无法比较",
        ("unavailable", "--since {revision}：{problem}。"),
        ("unreadable", "--since {revision}：该修订中的文档无法读取（它本身有错误），无法比较。"),
        ("not-a-repository", "内容目录不在 git 仓库中"),
        ("no-revision", "git 中没有修订“{revision}”"),
        ("no-folder", "修订“{revision}”中没有文件夹 {folder}"));

    public static readonly DiagnosticKind VolumeMixedYears = new(DiagnosticCodes.VolumeMixedYears, Severity.Warning, "汇编合并了不同年度的文档",
        ("mixed", "汇编合并了 {count} 个年度的文档（{listed}），封面写作“{cover}”。这份文档是 {year} 年的，而多数文档是 {main} 年的：若不应汇编进来，请把它移出内容目录或改正 year；若确是跨年度汇编而封面应另有写法，请在主题 {theme} 中写 volume_year（如 volume_year: {main} 年度）。"),
        ("year-documents", "{year} 年：{names}"));

    public static readonly DiagnosticKind TooManyRows = new(DiagnosticCodes.TooManyRows, Severity.Error, "数据文件的行数超过上限",
        "这个数据文件超过了每个文件最多 {limit:N0} 行数据的上限，从这一行起超出（后面的行不再读取）。请核对是否误粘贴了重复或多余的行；确实需要时，把数据分到几个文档中，或请维护者调高{settings} 中的 limits.max_rows_per_file。");

    public static readonly DiagnosticKind ContentTooLarge = new(DiagnosticCodes.ContentTooLarge, Severity.Error, "文档内容超过大小上限",
        "文档的内容共 {total} MB，超过了 {limit} MB 的上限；其中最大的是这个文件（{largest} MB）。请核对是否误粘贴了大段重复内容；确实需要时，把内容分到几个文档中，或请维护者调高{settings} 中的 limits.max_content_mb。");

    public static readonly DiagnosticKind TooManyPages = new(DiagnosticCodes.TooManyPages, Severity.Error, "PDF 页数超过上限",
        "这个文档的 PDF 超过了 {limit:N0} 页的上限，排版已停止，PDF 没有生成。请核对内容中是否有误粘贴的大段重复文字或数据行；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_pages。");

    public static readonly DiagnosticKind TooManyHtmlBlocks = new(DiagnosticCodes.TooManyHtmlBlocks, Severity.Error, "HTML 的块数超过上限",
        "这个文档生成的 HTML 超过了 {limit:N0} 个块（段落、标题、列表项、表格行）的上限，这里是第 {here:N0} 个；HTML 和 PDF 都没有生成。请核对内容中是否有误粘贴的大段重复文字或数据行（或模板中是否有写出过多内容的循环）；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_html_blocks。");

    public static readonly DiagnosticKind HtmlTooLarge = new(DiagnosticCodes.HtmlTooLarge, Severity.Error, "HTML 超过大小上限",
        "这个文档生成的 HTML 共 {size:0.0} MB，超过了 {limit:N0} MB 的上限，到这里已超出；HTML 和 PDF 都没有生成。请核对内容中是否有误粘贴的大段重复内容（或模板中是否有写出过多内容的循环）；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_html_mb。");

    public static readonly DiagnosticKind NearPageLimit = new(DiagnosticCodes.NearPageLimit, Severity.Warning, "PDF 页数接近上限",
        ("longest", "这个文档的 PDF 有 {pages:N0} 页，接近 {limit:N0} 页的上限；再多 {left:N0} 页，PDF 就不会生成。最长的一段从这里开始（第 {first:N0} 页起，共 {length:N0} 页）。" +
                    "请核对是否有误粘贴的大段文字或数据行；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_pages。"),
        ("document", "这个文档的 PDF 有 {pages:N0} 页，接近 {limit:N0} 页的上限；再多 {left:N0} 页，PDF 就不会生成。" +
                     "请核对是否有误粘贴的大段文字或数据行；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_pages。"));

    public static readonly DiagnosticKind InternalError = new(DiagnosticCodes.InternalError, Severity.Error, "Publishing 内部错误",
        ("document", "Publishing 内部错误（{type}: {reason}），这个文档没有生成，其他文档不受影响。请把这条信息和这个文档的文件夹一起报告给开发者。"),
        ("run", "Publishing 内部错误（{type}: {reason}）。请把这条信息和内容目录一起报告给开发者。"));
}

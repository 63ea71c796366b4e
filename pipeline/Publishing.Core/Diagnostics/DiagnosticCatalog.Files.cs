namespace Publishing.Diagnostics;

// 文件、路径和编码 (PUB100x)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind FileNotFound = new(DiagnosticCodes.FileNotFound, Severity.Error, "找不到文件",
        "找不到文件“{file}”。请检查文件名（包括扩展名）或在 document.yaml 中改正路径。");

    public static readonly DiagnosticKind LegacyEncoding = new(DiagnosticCodes.LegacyEncoding, Severity.Warning, "文件是 GB18030/GBK 编码",
        "文件是 GB18030/GBK 编码（Excel 默认的中文 CSV 格式），已按此读取。请另存为“CSV UTF-8（逗号分隔）”以免在其他工具中出现乱码。");

    public static readonly DiagnosticKind UnknownEncoding = new(DiagnosticCodes.UnknownEncoding, Severity.Error, "无法识别的编码",
        ("neither", "文件既不是 UTF-8 也不是 GB18030 编码，无法可靠读取。请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或在编辑器中以 UTF-8 保存。"),
        ("bad-utf8-after-bom", "文件声明为 UTF-8（带 BOM），但其中有无效的字节。请用编辑器以 UTF-8 重新保存。"));

    public static readonly DiagnosticKind PathOutsideDocument = new(DiagnosticCodes.PathOutsideDocument, Severity.Error, "路径指向文档文件夹之外",
        ("absolute", "路径“{path}”是绝对路径：请写相对于文档文件夹的路径，如 sections/01.md。"),
        ("outside", "路径“{path}”指向文档文件夹之外：文档只能使用自己文件夹中的文件。"));

    public static readonly DiagnosticKind FileUnreadable = new(DiagnosticCodes.FileUnreadable, Severity.Error, "文件无法读取",
        "无法读取文件：{reason}");

    public static readonly DiagnosticKind NoDocuments = new(DiagnosticCodes.NoDocuments, Severity.Error, "没有文档",
        ("content", "这里没有文档：内容目录应是含 document.yaml 的文件夹，或包含这样的文件夹。"),
        ("nightly", "这里没有文档：夜间构建没有可生成的草案。"));

    public static readonly DiagnosticKind NotARegularFile = new(DiagnosticCodes.NotARegularFile, Severity.Error, "不是普通文件",
        ("folder-named", "“{path}”是一个文件夹，不是文件：这里应写一个 Markdown 或 CSV 文件的路径。"),
        ("device-named", "“{path}”不是普通文件（是管道、设备或套接字），读取它会一直等待：这里应写一个 Markdown 或 CSV 文件的路径。"),
        ("folder", "无法读取：是一个文件夹，不是文件。"),
        ("device", "无法读取：不是普通文件（是管道、设备或套接字），读取它会一直等待。"));

    public static readonly DiagnosticKind ControlCharacter = new(DiagnosticCodes.ControlCharacter, Severity.Error, "看不见的控制字符",
        ("here", "这里有一个看不见的控制字符 U+{code:X4}（{name}），它不能印进文档。常见原因：从网页、PDF 或其他系统复制粘贴时带入。" +
                 "请删掉它（编辑器的“显示不可见字符”可以让它现出来）。"),
        ("more", "从这里起还有 {more} 个看不见的控制字符（这个文件共 {found} 个）。请全部删掉。"),
        ("in-cell", "单元格中有看不见的控制字符 U+{code:X4}（常由网页或其他系统复制而来），无法印出。请删除后重新输入这个单元格。{cell}"));

    public static readonly DiagnosticKind BrokenLink = new(DiagnosticCodes.BrokenLink, Severity.Error, "符号链接断了、绕圈或指向文件夹之外",
        ("loop", "符号链接 {link} 绕成了一个圈（链接指向链接，最后又指回自己，目标写的是“{target}”），无法读取。请删除这个链接，或让它指向一个真实的文件"),
        ("dangling", "符号链接 {link} 指向的“{target}”不存在（链接断了）。请删除这个链接，或把它指向的文件放回去"),
        ("folder-outside", "符号链接 {link} 指向文件夹之外的文件夹“{target}”，不会被读取。请把需要的文件复制进来，不要链接到外面"),
        ("file-outside", "符号链接 {link} 指向文件夹之外的文件“{target}”，不会被读取。请把这个文件复制进来，不要链接到外面"));
}

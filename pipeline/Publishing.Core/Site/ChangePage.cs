using Publishing.Changes;

namespace Publishing.Site;

/// <summary>
/// changes.html beside a document page: the sections whose text changed (inline character diff), the figures
/// and indicator values that changed (old → new), the projects and indicators added or removed. Nothing else.
/// </summary>
public static class ChangePage
{
    public const string FileName = "changes.html";

    public static string Render(string title, ChangeSet? changes)
    {
        var html = new Html().Head($"变化：{title}", "../", "theme.css");
        html.Line("<body class=\"site-page change-page\">");
        html.Line("<a class=\"skip-link\" href=\"#main\">跳到正文</a>");
        html.Line("<header class=\"site-header\">");
        html.Line("<nav class=\"site-links\" aria-label=\"站点导航\"><a href=\"../index.html\">全部文档</a><a href=\"index.html\">返回文档</a></nav>");
        html.Element("h1", $"变化：{title}", ("class", "site-title")).Line();
        html.Element("p", changes is null ? "没有可比较的上一稿：这是第一稿。" : $"与{changes.BaselineLabel}相比：{changes.Count} 处变化",
            ("class", "draft-stamp")).Line();
        html.Line("</header>");
        html.Line("<main id=\"main\" class=\"change-list\">");
        if (changes is not null && changes.IsEmpty) html.Element("p", "内容与上一稿相同。", ("class", "no-changes")).Line();
        if (changes is not null)
        {
            Sections(html, changes.Sections);
            Values(html, changes.Values);
            Items(html, changes.AddedOrRemoved);
        }
        html.Line("</main>").Line("</body>").Line("</html>");
        return html.ToString();
    }

    private static void Sections(Html html, IReadOnlyList<SectionChange> sections)
    {
        if (sections.Count == 0) return;
        html.Line("<section class=\"changed-sections\" aria-labelledby=\"changed-sections\">");
        html.Line("<h2 id=\"changed-sections\">文字有变化的章节</h2>");
        foreach (var section in sections)
        {
            html.Open("article", ("class", "section-change"), ("id", "change-" + section.Id)).Line();
            html.Open("h3");
            if (section.Kind == ChangeKind.Removed) html.Text(section.Title);
            else html.Element("a", section.Title, ("href", "index.html#" + section.Id));
            html.Raw(" ").Element("span", KindName(section.Kind), ("class", "change-kind")).Line("</h3>");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Open("p", ("class", "diff"));
                foreach (var run in paragraph.Runs)
                {
                    switch (run.Kind)
                    {
                        case RunKind.Same: html.Text(run.Text); break;
                        case RunKind.Deleted: html.Element("del", run.Text); break;
                        case RunKind.Inserted: html.Element("ins", run.Text); break;
                    }
                }
                html.Line("</p>");
            }
            html.Line("</article>");
        }
        html.Line("</section>");
    }

    private static void Values(Html html, IReadOnlyList<ValueChange> values)
    {
        if (values.Count == 0) return;
        html.Line("<section class=\"changed-values\" aria-labelledby=\"changed-values\">");
        html.Line("<h2 id=\"changed-values\">数字和指标值的变化</h2>");
        html.Line("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"数字和指标值的变化\">");
        html.Line("<table class=\"value-changes\"><caption>原值 → 新值，按项目和指标</caption>");
        html.Line("<thead><tr><th scope=\"col\">项目</th><th scope=\"col\">指标</th><th scope=\"col\">栏目</th><th scope=\"col\">原值</th><th scope=\"col\">新值</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var value in values)
        {
            html.Open("tr", ("class", "value-change")).Open("th", ("scope", "row")).Element("a", value.Project, ("href", "index.html#" + value.AnchorId)).Raw("</th>");
            html.Element("td", value.Indicator ?? "—").Element("td", value.Field);
            html.Open("td").Element("del", value.Old).Raw("</td>").Open("td").Element("ins", value.New).Line("</td></tr>");
        }
        html.Line("</tbody></table></div></section>");
    }

    private static void Items(Html html, IReadOnlyList<ItemChange> items)
    {
        if (items.Count == 0) return;
        html.Line("<section class=\"added-removed\" aria-labelledby=\"added-removed\">");
        html.Line("<h2 id=\"added-removed\">新增和删除的项目、指标</h2>").Line("<ul>");
        foreach (var item in items)
        {
            html.Open("li", ("class", item.Kind == ChangeKind.Added ? "item-added" : "item-removed"));
            html.Element("span", $"{KindName(item.Kind)}{item.What}：", ("class", "change-kind"));
            if (item.AnchorId is not null && item.Kind == ChangeKind.Added) html.Element("a", item.Name, ("href", "index.html#" + item.AnchorId));
            else html.Text(item.Name);
            html.Line("</li>");
        }
        html.Line("</ul></section>");
    }

    private static string KindName(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        _ => "修改",
    };
}

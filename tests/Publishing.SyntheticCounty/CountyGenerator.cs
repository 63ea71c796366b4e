using System.Globalization;
using System.Text;

namespace Publishing.SyntheticCounty;

/// <summary>
/// A synthetic county: one document folder per department (document.yaml, three narrative sections, projects.csv
/// and indicators.csv), composed from the sample's vocabulary so that every check passes and the layout meets
/// what real documents have (multi-line 绩效目标 cells, data references in prose, 1–20 projects of 6–13
/// indicators). The same seed gives the same files, on any machine.
/// </summary>
public static class CountyGenerator
{
    public sealed record GeneratedDocument(string Directory, string Slug, int Projects);

    public static IReadOnlyList<GeneratedDocument> Write(string contentRoot, int departments, int seed, int minProjects = 1, int maxProjects = 20)
    {
        var random = new SplitMix(seed);
        var documents = new List<GeneratedDocument>();
        for (var i = 1; i <= departments; i++)
        {
            var (name, work, subjects) = Vocabulary.Departments[(i - 1) % Vocabulary.Departments.Length];
            // Beyond 25 departments the names repeat with a number, as a province's counties would.
            var round = (i - 1) / Vocabulary.Departments.Length;
            var department = round == 0 ? name : $"{name}（第{Chinese(round + 1)}片区）";
            var slug = $"dept-{i:000}";
            var directory = Path.Combine(contentRoot, slug);
            var projects = random.Next(minProjects, maxProjects + 1);
            WriteDocument(directory, department, work, subjects, projects, i, random);
            documents.Add(new GeneratedDocument(directory, slug, projects));
        }
        return documents;
    }

    private static void WriteDocument(string directory, string department, string work, string[] subjects, int projectCount, int number, SplitMix random)
    {
        Directory.CreateDirectory(Path.Combine(directory, "sections"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        var projects = Enumerable.Range(1, projectCount).Select(p => MakeProject(subjects[(p - 1) % subjects.Length], p, subjects.Length, number, random)).ToList();

        File.WriteAllText(Path.Combine(directory, "document.yaml"), $"""
            title: {department} 2021 年部门预算绩效文本
            department: {department}
            year: 2021
            status: 草案
            prepared_by: {department}编制
            reviewed_by: 承德县财政局审核
            unit:
              code: "{542000 + number}"
              name: {department}本级
            currency: 万元
            framework: classic
            theme: default
            date: 2021-01-15
            parts:
              - number: 第一部分
                title: 部门整体绩效目标
                sections:
                  - sections/01-overall-goals.md
                  - sections/02-itemized-goals.md
                  - sections/03-safeguards.md
              - number: 第二部分
                title: 预算项目绩效目标
                projects: data/projects.csv
                indicators: data/indicators.csv

            """);

        var overall = new StringBuilder("# 一、总体绩效目标\n\n## 总体绩效目标\n\n");
        overall.Append(string.Concat(Pick(Vocabulary.OverallGoals, 3, random).Select(s => Fill(s, work, "")))).Append("\n\n## 一、职责分类绩效规划目标\n\n");
        var duties = Math.Min(subjects.Length, 2 + random.Next(0, 4));
        for (var d = 0; d < duties; d++)
            overall.Append($"（{Chinese(d + 1)}）").Append(Fill(Vocabulary.Duties[d % Vocabulary.Duties.Length], work, subjects[d])).Append("\n\n");
        File.WriteAllText(Path.Combine(directory, "sections", "01-overall-goals.md"), overall.ToString());

        var itemized = new StringBuilder("# 二、分项绩效目标\n\n## 分项绩效目标\n\n");
        itemized.Append(Fill(Vocabulary.OverallGoals[0], work, "")).Append("\n\n");
        for (var p = 0; p < projects.Count; p++)
            itemized.Append($"（{Chinese(p + 1)}）{projects[p].Name}：预算 {{{{{projects[p].Code}.预算数}}}} 万元。")
                .Append(Fill(Vocabulary.Goals[p % Vocabulary.Goals.Length], work, projects[p].Subject)).Append("\n\n");
        File.WriteAllText(Path.Combine(directory, "sections", "02-itemized-goals.md"), itemized.ToString());

        var safeguards = new StringBuilder("# 三、工作保障措施\n\n## 工作保障措施\n\n为确保年度绩效目标如期实现，现制定如下保障措施：\n\n");
        var measures = Pick(Vocabulary.Safeguards, 3 + random.Next(0, 4), random);
        for (var m = 0; m < measures.Count; m++)
            safeguards.Append($"## {Chinese(m + 1)}、{measures[m].Heading}\n\n{Fill(measures[m].Text, work, "")}\n\n");
        File.WriteAllText(Path.Combine(directory, "sections", "03-safeguards.md"), safeguards.ToString());

        var projectRows = new StringBuilder("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,绩效目标\n");
        var indicatorRows = new StringBuilder("项目编码,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n");
        foreach (var project in projects)
        {
            var goals = string.Join("\n", Vocabulary.Goals.Select((g, k) => $"{k + 1}. {Fill(g, work, project.Subject)}"));
            projectRows.Append(CultureInfo.InvariantCulture,
                $"{project.Code},{project.Name},{Money(project.Budget)},{Money(project.Budget - project.Other)},{Money(project.Other)},{Fill(Vocabulary.Uses[project.Index % Vocabulary.Uses.Length], work, project.Subject)},{project.Progress[0]:0.00},{project.Progress[1]:0.00},{project.Progress[2]:0.00},\"{goals}\"\n");
            foreach (var indicator in Indicators(project, random))
                indicatorRows.Append(CultureInfo.InvariantCulture,
                    $"{project.Code},{indicator.Level1},{indicator.Level2},{Fill(indicator.Name, work, project.Subject)},{Fill(indicator.Description, work, project.Subject)},{indicator.Value},{Vocabulary.ValueBases[random.Next(0, Vocabulary.ValueBases.Length)]}\n");
        }
        File.WriteAllText(Path.Combine(directory, "data", "projects.csv"), projectRows.ToString());
        File.WriteAllText(Path.Combine(directory, "data", "indicators.csv"), indicatorRows.ToString());
    }

    private sealed record Project(int Index, string Code, string Name, string Subject, decimal Budget, decimal Other, int[] Progress);

    private static Project MakeProject(string subject, int index, int subjectCount, int department, SplitMix random)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        var code = "13082121P" + new string(Enumerable.Range(0, 12).Select(_ => alphabet[random.Next(0, alphabet.Length)]).ToArray());
        // A subject used twice in one department gets a second, distinct name (二期).
        var name = index > subjectCount ? $"{subject}（{Chinese((index - 1) / subjectCount + 1)}期）" : $"{subject}专项经费";
        var budget = random.Next(200, 50_000) / 100m;
        var other = random.Next(0, 4) == 0 ? Math.Round(budget * random.Next(5, 40) / 100m, 2) : 0m;
        var first = random.Next(10, 35);
        var second = first + random.Next(15, 30);
        var third = Math.Min(100, second + random.Next(15, 35));
        return new Project(index, code, name, subject, budget, other, [first, second, third]);
    }

    /// <summary>Every 一级 of the framework, 6–13 indicators, in the framework's order.</summary>
    private static IEnumerable<(string Level1, string Level2, string Name, string Description, string Value)> Indicators(Project project, SplitMix random)
    {
        foreach (var indicator in Vocabulary.Indicators)
        {
            var required = indicator.Level2 is "数量指标" or "社会效益指标" or "服务对象满意度指标";
            if (!required && random.Next(0, 2) == 0) continue;
            var value = indicator.Value
                .Replace("{n}", random.Next(3, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{p}", random.Next(85, 100).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{m}", Money(project.Budget), StringComparison.Ordinal);
            yield return indicator with { Value = value };
        }
    }

    private static string Fill(string text, string work, string subject) =>
        text.Replace("{work}", work, StringComparison.Ordinal).Replace("{subject}", subject, StringComparison.Ordinal);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static List<T> Pick<T>(IReadOnlyList<T> items, int count, SplitMix random) =>
        items.Select((item, i) => (item, key: random.Next(0, 1 << 30), i)).OrderBy(x => x.key).Take(count).OrderBy(x => x.i).Select(x => x.item).ToList();

    /// <summary>The numbering editors type, as the product writes it (一 … 九十九; a province's hundreds as digits).</summary>
    public static string Chinese(int n) => Publishing.Text.ChineseNumbering.ToChinese(n);

    /// <summary>A seeded generator with a fixed algorithm (System.Random's may change between .NET versions).</summary>
    private sealed class SplitMix(int seed)
    {
        private ulong _state = (ulong)seed;

        public int Next(int min, int max)
        {
            _state += 0x9E3779B97F4A7C15;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            z ^= z >> 31;
            return min + (int)(z % (ulong)(max - min));
        }
    }
}

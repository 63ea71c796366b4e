// Writes a content folder of many documents (the synthetic county of tests/Publishing.SyntheticCounty) as ONE
// Typst document of the same content, for scripts/benchmark.sh: each department's cover, 目录, narrative
// (its Markdown's headings and paragraphs, data references filled in) and, per project, its 绩效目标表 and
// indicator table, through document.typ's `department-document`. Texts go in as Typst strings, so nothing in
// them is read as markup. Not timed: the benchmark times compile.mjs on the file this writes.
//   node county.mjs <content-root> <output.typ>
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const [root, output] = process.argv.slice(2);
if (!root || !output) {
  console.error("usage: node county.mjs <content-root> <output.typ>");
  process.exit(2);
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines): rows of fields, the header row first. */
function csv(text) {
  const rows = [[]];
  let field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rows.at(-1).push(field); field = ""; }
    else if (c === "\n") { rows.at(-1).push(field.replace(/\r$/, "")); field = ""; rows.push([]); }
    else field += c;
  }
  if (field !== "" || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter(r => r.length > 1 || (r.length === 1 && r[0] !== ""));
}

const yamlField = (yaml, key) => (yaml.match(new RegExp(`^${key}:\\s*(.*)$`, "m")) ?? [])[1]?.trim().replace(/^"|"$/g, "") ?? "";
const typst = value => Array.isArray(value) ? `(${value.map(typst).join(", ")},)`
  : typeof value === "object" ? `(${Object.entries(value).map(([k, v]) => `${k}: ${typst(v)}`).join(", ")})`
  : JSON.stringify(String(value));

const lines = ['#import "/document.typ": setup, department-document', "#show: setup"];
const folders = readdirSync(root).filter(d => existsSync(join(root, d, "document.yaml"))).sort();
folders.forEach((folder, n) => {
  const dir = join(root, folder);
  const yaml = readFileSync(join(dir, "document.yaml"), "utf8");
  const [year, month, day] = yamlField(yaml, "date").split("-").map(Number);
  const meta = {
    department: yamlField(yaml, "department"), year: yamlField(yaml, "year"), status: yamlField(yaml, "status"),
    prepared: yamlField(yaml, "prepared_by"), reviewed: yamlField(yaml, "reviewed_by"), date: `${year} 年 ${month} 月 ${day} 日`,
  };
  const unit = (yaml.match(/^\s+name:\s*(.*)$/m) ?? [])[1] ?? "";
  const [, ...projectRows] = csv(readFileSync(join(dir, "data/projects.csv"), "utf8"));
  const [, ...indicatorRows] = csv(readFileSync(join(dir, "data/indicators.csv"), "utf8"));
  const projects = projectRows.map(([code, name, budget, fiscal, other, use, march, june, october, goals]) => ({
    year: meta.year, name, code, department: meta.department, unit, budget, fiscal, other, use, march, june, october,
    goals: goals.split("\n"),
  }));
  const indicators = projects.map(p => indicatorRows.filter(r => r[0] === p.code).map(r => r.slice(1)));
  const budgets = Object.fromEntries(projects.map(p => [p.code, p.budget]));

  const narrative = [];
  for (const section of [...yaml.matchAll(/^\s+-\s+(sections\/\S+\.md)\s*$/gm)].map(m => m[1])) {
    const markdown = readFileSync(join(dir, section), "utf8").replace(/\{\{(\w+)\.预算数\}\}/g, (_, code) => budgets[code] ?? "");
    for (const block of markdown.split(/\n\s*\n/).map(b => b.trim()).filter(Boolean)) {
      const heading = block.match(/^(#+)\s+(.*)$/);
      narrative.push(heading ? `#heading(level: ${heading[1].length + 1}, ${typst(heading[2])})` : `#${typst(block.replace(/\n/g, ""))}`);
    }
  }
  lines.push(`#department-document(${n + 1}, ${typst(meta)}, [\n${narrative.join("\n\n")}\n], ${typst(projects)}, ${typst(indicators)})`);
});
writeFileSync(output, lines.join("\n") + "\n");
console.log(`${folders.length} documents`);

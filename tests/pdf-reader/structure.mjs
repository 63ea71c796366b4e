// Reads a PDF with pdf.js as Firefox does for screen readers and prints what it finds as JSON:
// the document's language, title, mark info and page labels, and per page the structure tree pdf.js builds
// and how many text items are tagged (inside marked content the structure tree points at), artifacts, or
// neither. Used by the tests (PdfAccessibilityTests); `node structure.mjs file.pdf`.
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

const path = process.argv[2];
const document = await getDocument({ url: path, verbosity: VerbosityLevel.ERRORS, useSystemFonts: false }).promise;
const metadata = await document.getMetadata();
const result = {
  pages: document.numPages,
  title: metadata.info?.Title ?? null,
  language: metadata.info?.Language ?? null,
  markInfo: await document.getMarkInfo(),
  pageLabels: await document.getPageLabels(),
  xmpTitle: metadata.metadata?.get("dc:title") ?? null,
  perPage: [],
};

function simplify(node, ids) {
  if (node.type === "content") { ids.add(node.id); return { content: node.id }; }
  if (node.type === "annotation") return { annotation: node.id };
  if (node.type === "object") return { object: node.id };
  const out = { role: node.role };
  if (node.alt) out.alt = node.alt;
  if (node.lang) out.lang = node.lang;
  if (node.children?.length) out.children = node.children.map((c) => simplify(c, ids));
  return out;
}

for (let n = 1; n <= document.numPages; n++) {
  const page = await document.getPage(n);
  const tree = await page.getStructTree();
  const ids = new Set();
  const structure = tree ? simplify(tree, ids) : null;
  const content = await page.getTextContent({ includeMarkedContent: true });
  const stack = [];
  const counts = { tagged: 0, artifact: 0, untagged: 0, orphaned: 0 };
  const untagged = [];
  const texts = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") { stack.push(item); continue; }
    if (item.type === "endMarkedContent") { stack.pop(); continue; }
    if (!item.str || !item.str.trim()) continue;
    const marked = [...stack].reverse().find((m) => m.id || m.tag === "Artifact");
    if (!marked) { counts.untagged++; untagged.push(item.str); continue; }
    if (marked.tag === "Artifact") { counts.artifact++; continue; }
    if (ids.has(marked.id)) { counts.tagged++; texts.push({ id: marked.id, str: item.str }); }
    else { counts.orphaned++; untagged.push(item.str); }
  }
  const annotations = (await page.getAnnotations()).map((a) => ({
    subtype: a.subtype, contents: a.contentsObj?.str ?? "", structParent: a.structParent ?? -1,
  }));
  result.perPage.push({ page: n, structure, counts, untagged: untagged.slice(0, 10), texts, annotations });
}
process.stdout.write(JSON.stringify(result));

// Compiles the Typst fixture to PDF with Typst 0.14 (npm @myriaddreamin/typst-ts-node-compiler, installed by
// scripts/install-bench-tools.sh), using the fonts in templates/fonts only. Run as a whole process by
// scripts/benchmark.sh, which times it like our CLI.
//   node compile.mjs <output.pdf> [copies]   copies > 1: the document repeated that many times as ONE document
//                                             (each copy with its cover and its own 目录), generated here.
//   node compile.mjs <output.pdf> <file.typ>  that file as the main file (county.mjs writes one for a county),
//                                             read against this folder (it imports /document.typ).
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const require = createRequire(resolve(root, "bench-tools/package.json"));
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const [output, copiesArgument = "1"] = process.argv.slice(2);
const mainFile = copiesArgument.endsWith(".typ") ? copiesArgument : null;
const copies = mainFile ? 1 : Number.parseInt(copiesArgument, 10);
if (!output || !(copies >= 1)) {
  console.error("usage: node compile.mjs <output.pdf> [copies | file.typ]");
  process.exit(2);
}

const compiler = NodeCompiler.create({ workspace: here, fontArgs: [{ fontPaths: [resolve(root, "templates/fonts")] }] });
const main = mainFile
  ? { mainFileContent: readFileSync(mainFile, "utf8") }
  : copies === 1
  ? { mainFilePath: resolve(here, "sample.typ") }
  : {
      mainFileContent: [
        '#import "/document.typ": setup, budget-document',
        "#show: setup",
        ...Array.from({ length: copies }, (_, i) => `#budget-document(${i + 1})`),
      ].join("\n"),
    };
const compiled = compiler.compile(main);
if (compiled.hasError() || !compiled.result) {
  compiled.printDiagnostics();
  process.exit(1);
}
const document = compiled.result;
writeFileSync(output, compiler.pdf(document));
console.log(`${document.numOfPages} pages`);

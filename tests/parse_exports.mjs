// Parse kg's exports with independent JavaScript implementations: N3.js for Turtle, TriG and
// N-Triples, jsonld.js for JSON-LD (expanded with a document loader that refuses every remote
// context). Prints one JSON object: per file, the number of triples or quads, or an error.
// Usage: node tests/parse_exports.mjs FILE...
import { readFileSync } from "node:fs";
import N3 from "n3";
import jsonld from "jsonld";

const FORMATS = { ".ttl": "text/turtle", ".trig": "application/trig", ".nt": "application/n-triples" };

const refused = [];

function refuse(url) {
  refused.push(url);
  throw new Error(`remote context fetch refused: ${url}`);
}

async function count(file) {
  const text = readFileSync(file, "utf8");
  const ext = file.slice(file.lastIndexOf("."));
  if (ext === ".jsonld" || ext === ".json") {
    const doc = JSON.parse(text);
    const expanded = await jsonld.expand(doc, { documentLoader: refuse, safe: true });
    const nquads = await jsonld.toRDF(expanded, { format: "application/n-quads", documentLoader: refuse, safe: true });
    const quads = new N3.Parser({ format: "application/n-quads" }).parse(nquads);
    return { quads: quads.length, graphs: new Set(quads.map((q) => q.graph.value)).size };
  }
  const quads = new N3.Parser({ format: FORMATS[ext] }).parse(text);
  return { quads: quads.length, graphs: new Set(quads.map((q) => q.graph.value)).size };
}

const out = {};
for (const file of process.argv.slice(2)) {
  refused.length = 0;
  try {
    out[file] = await count(file);
  } catch (e) {
    out[file] = { error: String(e && e.message ? e.message : e) };
  }
  if (refused.length) out[file].refused = [...refused];
}
console.log(JSON.stringify(out));

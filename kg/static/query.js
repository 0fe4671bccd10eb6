// The query page: pick or write a query, run it against /sparql, show the answer.
// Everything the server returns is shown with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function termText(term) {
  if (!term) return "";
  if (term.type === "uri" || term.type === "bnode") return term.type === "bnode" ? "_:" + term.value : term.value;
  if (term.type === "triple") return "<< " + ["subject", "predicate", "object"].map((k) => termText(term.value[k])).join(" ") + " >>";
  if (term["xml:lang"]) return term.value + " @" + term["xml:lang"];
  return term.value;
}

function cell(tag, text, title) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (title) el.title = title;
  return el;
}

function showTable(doc) {
  const out = $("results");
  if (typeof doc.boolean === "boolean") {
    out.replaceChildren(cell("p", "ASK: " + doc.boolean));
    return 1;
  }
  const vars = doc.head.vars;
  const table = document.createElement("table");
  table.id = "result-table";
  const head = document.createElement("tr");
  vars.forEach((v) => head.appendChild(cell("th", "?" + v)));
  table.appendChild(document.createElement("thead")).appendChild(head);
  const body = table.appendChild(document.createElement("tbody"));
  for (const row of doc.results.bindings) {
    const tr = document.createElement("tr");
    vars.forEach((v) => tr.appendChild(cell("td", termText(row[v]), row[v] && row[v].datatype)));
    body.appendChild(tr);
  }
  out.replaceChildren(table);
  return doc.results.bindings.length;
}

async function run() {
  const status = $("status");
  const error = $("error");
  error.hidden = true;
  status.textContent = "Running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      body: $("editor").value,
    });
  } catch (e) {
    status.textContent = "";
    error.textContent = "The server did not answer: " + e;
    error.hidden = false;
    return;
  }
  const ms = Math.round(performance.now() - started);
  const text = await response.text();
  if (!response.ok) {
    status.textContent = `HTTP ${response.status} after ${ms} ms`;
    error.textContent = text;
    error.hidden = false;
    $("results").replaceChildren();
    return;
  }
  let count;
  if ((response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
    count = showTable(JSON.parse(text));
  } else {
    $("results").replaceChildren(cell("pre", text));
    count = text.split("\n").filter((l) => l.trim()).length;
  }
  const cut = response.headers.get("X-SPARQL-MaxRows");
  status.textContent = `${count} result${count === 1 ? "" : "s"} in ${ms} ms` + (cut ? ` (cut at the server's limit of ${cut})` : "");
  status.className = cut ? "notice" : "";
}

async function loadQueries() {
  const picker = $("picker");
  const queries = await (await fetch("/queries.json")).json();
  for (const q of queries) {
    const option = cell("option", q.title);
    option.value = q.name;
    picker.appendChild(option);
  }
  picker.addEventListener("change", () => {
    const q = queries.find((x) => x.name === picker.value);
    if (q) $("editor").value = q.query;
  });
  picker.dataset.loaded = String(queries.length);
}

document.addEventListener("DOMContentLoaded", () => {
  $("run").addEventListener("click", run);
  $("editor").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  loadQueries();
});

"use strict";
// Reviewing facts in the graph view: Confirm / Reject / Correct under each quote, a queue of the facts
// not yet reviewed (lowest confidence first) and the verdicts given. Inlined into graph.html after
// graph.js and admitted by its hash (kg/view.py). Served by `kg serve --review`, verdicts go to the
// server (the page carries the session's token in <meta name="kg-review">); opened from file:// they
// are kept in this browser and exported as a file for `kg review import`.
(() => {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const records = data.review || [];
  const view = window.kgView;
  const meta = document.querySelector('meta[name="kg-review"]');
  const server = meta ? JSON.parse(meta.content) : null;  // { token, by }
  const { el, append, button } = view;
  const keyOf = (f) => JSON.stringify([f.source, f.start, f.end, f.quote, f.subject, f.predicate, f.object]);
  const index = new Map(records.map((r, i) => [keyOf(r.fact), i]));
  const given = new Map();  // record index -> the verdict given on this page (or on the server) since the build
  const verdictOf = (i) => given.get(i) || (records[i].verdict ? records[i] : null);
  const reviewed = () => records.filter((_, i) => verdictOf(i)).length;

  // ---- where verdicts go: the server, or this browser's storage and an exported file ----
  const STORE = `kg-review:${location.pathname}`;
  const get = (key, fallback) => { try { return localStorage.getItem(key) ?? fallback; } catch { return fallback; } };
  const put = (key, value) => { try { localStorage.setItem(key, value); } catch { /* a sandboxed frame: no storage */ } };
  const saved = () => { try { return JSON.parse(get(STORE, "[]")); } catch { return []; } };
  const remember = (v) => put(STORE, JSON.stringify([...saved(), v]));
  const adopt = (v) => { const i = index.get(keyOf(v.fact)); if (i !== undefined) given.set(i, v); };
  const status = el("span", "review-status");
  status.setAttribute("aria-live", "polite");
  const send = async (i, verdict, extra = {}) => {
    const body = { fact: records[i].fact, verdict, ...extra };
    if (server) {
      const r = await fetch("/review", { method: "POST", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "X-KG-Token": server.token } });
      if (!r.ok) throw new Error(await r.text());
      adopt(await r.json());
    } else {
      const by = name.value.trim();
      if (!by) throw new Error("Type your name (Reviewer) first: verdicts say who gave them.");
      const v = { ...body, by, at: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
      remember(v);
      adopt(v);
    }
  };
  const decide = (i, verdict, extra) => send(i, verdict, extra).then(() => {
    status.textContent = `${verdict}: ${records[i].says.join(" ")}`;
    update();
    return true;
  }, (e) => { status.textContent = e.message; return false; });

  // ---- the controls under each quote ----
  const controls = new Map();  // record index -> its control elements on the page
  const render = (i, box) => {
    const v = verdictOf(i);
    box.dataset.verdict = v ? v.verdict : "";
    const said = v ? el("span", `verdict ${v.verdict}`, `${v.verdict}${v.by ? ` by ${v.by}` : ""}` +
      (v.correction ? ` → ${v.correction}` : "") + (v.reason ? ` (${v.reason})` : "")) : null;
    const form = (label, verdict, field, required) => {
      const input = Object.assign(el("input"), { type: "text", placeholder: label });
      input.setAttribute("aria-label", label);
      const go = () => (!required || input.value.trim()) && decide(i, verdict, input.value.trim() ? { [field]: input.value.trim() } : {});
      input.addEventListener("keydown", (ev) => ev.key === "Enter" && (ev.preventDefault(), go()));
      box.replaceChildren(input, button(verdict === "rejected" ? "Reject" : "Save", go, "rv"), button("Cancel", () => render(i, box), "link"));
      input.focus();
    };
    box.replaceChildren(...[said,
      button("Confirm", () => decide(i, "confirmed"), "rv confirm"),
      button("Reject", () => form("Reason (optional)", "rejected", "reason", false), "rv reject"),
      button("Correct", () => form(`Correct ${records[i].says[1]}: new value`, "corrected", "correction", true), "rv correct"),
    ].filter(Boolean));
  };
  const control = (i) => {
    const box = el("div", "review");
    box.dataset.review = String(i);
    controls.set(i, [...(controls.get(i) || []).filter((b) => b.isConnected), box]);
    render(i, box);
    return box;
  };

  // ---- the queue: unreviewed facts, lowest confidence first; c confirms, x rejects, n skips ----
  let current = -1, queueBox = null;
  const order = records.map((_, i) => i).sort((a, b) => records[a].confidence - records[b].confidence || a - b);
  const showQueue = (from = -1) => {  // the first unreviewed fact after `from` in the order, wrapping round
    const start = order.indexOf(from) + 1;
    current = [...order.slice(start), ...order.slice(0, start)].find((i) => !verdictOf(i)) ?? -1;
    const r = records[current];
    const done = reviewed();
    const bar = Object.assign(el("progress"), { max: records.length || 1, value: done });
    queueBox = append(el("div", "queue"),
      el("div", "kind", "Review queue · lowest confidence first"),
      el("h2", "", `${done} of ${records.length} reviewed`), bar,
      ...(r ? [
        append(el("p", "says"), el("strong", "", r.says[0]), ` ${r.says[1]} `, el("strong", "", r.says[2])),
        append(el("blockquote"), r.before, el("mark", "", r.fact.quote), r.after),
        el("div", "cite", `${r.title} · characters ${r.fact.start}–${r.fact.end} · confidence ${r.confidence.toFixed(2)}`),
        control(current),
        append(el("p", "muted keys"), "Keys: ", el("kbd", "", "c"), " confirm · ", el("kbd", "", "x"), " reject · ",
          el("kbd", "", "n"), " next · ", button("Show in the graph", () => view.selectNode(r.node))),
      ] : [el("p", "", "Every fact is reviewed.")]),
    );
    view.details(queueBox);
  };
  document.addEventListener("keydown", (ev) => {
    if (!queueBox || !queueBox.isConnected || current < 0 || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) return;
    const act = { c: () => decide(current, "confirmed").then((ok) => ok && showQueue(current)),
      x: () => decide(current, "rejected").then((ok) => ok && showQueue(current)), n: () => showQueue(current) }[ev.key];
    if (act) ev.preventDefault(), act();
  });

  // ---- the header: queue button with progress, and (from file://) name and export ----
  const open = button("", () => showQueue(), "review-open");
  const name = Object.assign(el("input", "reviewer"), { type: "text", placeholder: "Reviewer", value: get("kg-reviewer", "") });
  name.setAttribute("aria-label", "Your name, for the verdicts");
  name.addEventListener("change", () => put("kg-reviewer", name.value.trim()));
  const exported = button("", () => {
    const lines = saved().map((v) => JSON.stringify(v)).join("\n");
    const a = Object.assign(el("a"), { href: URL.createObjectURL(new Blob([lines + "\n"], { type: "application/jsonl" })),
      download: "kg-verdicts.jsonl" });
    document.body.append(a);
    a.click();
    a.remove();
    status.textContent = "Exported: merge it with `kg review import kg-verdicts.jsonl`, then `kg build`.";
  }, "review-export");
  const update = () => {
    open.textContent = `Review ${reviewed()}/${records.length}`;
    exported.textContent = `Export verdicts (${saved().length})`;
    for (const [i, boxes] of controls) for (const box of boxes) if (box.isConnected) render(i, box);
  };
  const tools = append(el("div", "review-tools"), open, ...(server ? [] : [name, exported]), status);
  document.querySelector("header").append(tools);
  window.kgReview = { controls: control, showQueue };
  if (server) {
    fetch("/review/verdicts", { headers: { "X-KG-Token": server.token } })
      .then((r) => (r.ok ? r.json() : [])).then((vs) => (vs.forEach(adopt), update()), () => update());
  } else {
    saved().forEach(adopt);
  }
  update();
})();

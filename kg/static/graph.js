"use strict";
// The graph view's script: inlined into graph.html and admitted by its hash (see kg/view.py).
// Text from the sources reaches the page only through textContent and text nodes, never as markup.
(() => {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const container = $("graph"), panel = $("panel"), timeline = $("timeline"), notice = $("notice");
  const home = new Map(data.nodes.map((n) => [n.id, { id: n.id, x: n.x, y: n.y }]));  // where the layout put them
  const node = new Map(data.nodes.map((n) => [n.id, n])), edge = new Map(data.edges.map((e) => [e.id, e]));
  const links = new Map(data.nodes.map((n) => [n.id, []]));  // node id -> the edges that touch it
  for (const e of data.edges) links.get(e.from).push(e), e.to !== e.from && links.get(e.to).push(e);
  const overview = new Set(data.overview), large = overview.size > 0, HOOD_MAX = 300, READABLE = 10;
  const keyLens = Object.keys(data.lens).length > 0;  // a small graph opens on its key entities (kg/lens.py)
  const state = { scope: large ? "overview" : keyLens ? "key" : "all", source: -1, hidden: new Set(), focus: null };
  // The lens in use, laid out on its own: a chosen source's subgraph, or the key entities; none in a neighbourhood.
  const lens = () => state.scope.startsWith("hood") ? null
    : state.source >= 0 ? data.bySource[state.source] || null : state.scope === "key" ? data.lens : null;
  const count = (n, one, many = one + "s") => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

  // ---- what is drawn: scope (everything, overview, neighbourhood) and filters (class, source) ----
  const neighbourhood = (id, depth) => {  // breadth first; past HOOD_MAX, the most connected of the last ring
    const seen = new Set([id]);
    let ring = [id];
    for (let d = 0; d < depth && seen.size < HOOD_MAX; d++) {
      const next = [...new Set(ring.flatMap((v) => links.get(v).map((e) => (e.from === v ? e.to : e.from))))]
        .filter((v) => !seen.has(v)).sort((a, b) => node.get(b).deg - node.get(a).deg);
      for (const v of next.slice(0, HOOD_MAX - seen.size)) seen.add(v);
      ring = next;
    }
    return seen;
  };
  let shown = new Set(), capped = false;
  const compute = () => {
    const depth = state.scope.startsWith("hood") && state.focus ? +state.scope.slice(4) : 0;
    const on = lens();
    const base = depth ? neighbourhood(state.focus, depth) : on ? new Set(Object.keys(on))
      : state.scope === "overview" ? overview : null;
    capped = depth > 0 && base.size >= HOOD_MAX;
    const passes = (n) => !state.hidden.has(n.group) && (state.source < 0 || n.src.includes(state.source));
    shown = new Set(data.nodes.filter((n) => (!base || base.has(n.id)) && passes(n)).map((n) => n.id));
  };
  compute();
  const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  const nodeView = new vis.DataView(nodes, { filter: (n) => shown.has(n.id) });
  const edgeView = new vis.DataView(edges, {
    filter: (e) => shown.has(e.from) && shown.has(e.to) && (state.source < 0 || e.src.includes(state.source)),
  });
  const network = (window.kgNetwork = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options));
  network.once("afterDrawing", () => requestAnimationFrame(() => {  // the first frame is on screen
    container.dataset.firstPaint = performance.now().toFixed(0);
  }));
  const describe = () => {
    const drawn = network.body.nodeIndices.length, total = data.nodes.length;
    container.dataset.nodeCount = String(drawn);
    container.dataset.scope = state.scope;
    let text = "";
    if (state.scope === "overview") {
      text = `The ${count(drawn, "most connected entity", "most connected entities")} of ${count(total, "entity",
        "entities")}. Search, or pick one and choose a neighbourhood, to see the rest.`;
    } else if (state.scope.startsWith("hood")) {
      text = state.focus ? `Neighbourhood of ${node.get(state.focus).full} (${state.scope.slice(4)} step` +
        `${state.scope === "hood1" ? "" : "s"}): ${count(drawn, "entity", "entities")}` +
        (capped ? `, the ${HOOD_MAX} most connected` : "") : "Select an entity to see its neighbourhood.";
    } else if (state.source >= 0 && lens()) {
      text = `What this source says: ${count(drawn, "entity", "entities")}, the most connected first. ` +
        "Click one and choose a neighbourhood to see more.";
    } else if (state.scope === "key") {
      text = `The key entities: ${count(drawn, "person, organisation or event", "people, organisations and events")}` +
        ` of ${count(total, "entity", "entities")}. Claims and findings are with their speaker or report` +
        " (click one); Show › Everything draws all.";
    } else if (drawn < total) {
      text = `${count(drawn, "entity", "entities")} of ${total.toLocaleString("en")} match the filters.`;
    }
    notice.textContent = text;
    notice.hidden = !text;
  };
  let moved = [];  // a lens, or a large graph's neighbourhood (a sunflower, nearest first), is drawn on its own
  const arrange = () => {
    const back = moved.map((id) => home.get(id)), on = lens();
    if (on) {
      moved = Object.keys(on);
      const now = new Set(moved);
      nodes.update([...back.filter((h) => !now.has(h.id)), ...moved.map((id) => ({ id, x: on[id][0], y: on[id][1] }))]);
      return;
    }
    moved = large && state.scope.startsWith("hood") && state.focus ? [...shown] : [];
    const near = new Set(links.get(state.focus || "")?.flatMap((e) => [e.from, e.to]));
    const rank = (id) => (id === state.focus ? -1 : near.has(id) ? 0 : 1);
    moved.sort((a, b) => rank(a) - rank(b) || node.get(b).deg - node.get(a).deg || (a < b ? -1 : 1));
    const spot = (id, i) => ({ id, x: Math.round(170 * Math.sqrt(i) * Math.cos(i * 2.39996)),
      y: Math.round(120 * Math.sqrt(i) * Math.sin(i * 2.39996)) });
    const now = new Set(moved);
    nodes.update([...back.filter((h) => !now.has(h.id)), ...moved.map(spot)]);
  };
  const refresh = (fit = true) => {
    compute();
    arrange();
    nodeView.refresh();
    edgeView.refresh();
    describe();
    if (!fit) return;
    network.fit({ nodes: [...shown], animation: false });
    // A lens is laid out to be read whole: if fitting it left its smallest label under READABLE pixels,
    // zoom in that far (its rim may then need a pan, but no label on screen is too small to read).
    const smallest = Math.min(...[...shown].map((id) => node.get(id).font.size));
    if (lens() && smallest * network.getScale() < READABLE) {
      network.moveTo({ position: network.getViewPosition(), scale: READABLE / smallest, animation: false });
    }
  };

  // ---- small DOM helpers: every string becomes a text node ----
  const el = (tag, className = "", text = "") => Object.assign(document.createElement(tag), { className, textContent: text });
  const append = (parent, ...children) => (parent.append(...children.filter((c) => c !== null)), parent);
  const CLIP = { dot: "circle(50%)", square: "inset(6%)", triangle: "polygon(50% 0,100% 100%,0 100%)",
    triangleDown: "polygon(0 0,100% 0,50% 100%)", diamond: "polygon(50% 0,100% 50%,50% 100%,0 50%)",
    hexagon: "polygon(25% 4%,75% 4%,100% 50%,75% 96%,25% 96%,0 50%)",
    star: "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)" };
  const style = new Map(data.legend.map(([family, bg, shape]) => [family, { background: bg, clipPath: CLIP[shape] }]));
  const swatch = (family) => { const s = el("span", "sw"); Object.assign(s.style, style.get(family) || {}); return s; };
  const button = (text, fn, className = "link") => {
    const b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", fn);
    return b;
  };
  const badge = (text = "sources disagree") => el("span", "conflict", text);
  const section = (heading, items, limit = Infinity) => {
    if (!items.length) return [];
    const ul = el("ul", "plain"), li = (item) => append(el("li"), ...[item].flat());
    ul.append(...items.slice(0, limit).map(li));
    const rest = items.length - limit;
    const more = rest > 0 ? button(`Show ${count(rest, "more")}`, () => {
      ul.append(...items.slice(limit).map(li));
      more.remove();
    }, "link more") : null;
    return [el("h3", "", `${heading} (${items.length})`), ul, ...(more ? [more] : [])];
  };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const human = (iso) => {  // shown at its precision: 6 Apr 2018 | Apr 2018 | 2018
    const [y, m, d] = iso.split("-");
    return [d && String(+d), m && MONTHS[+m - 1], y].filter(Boolean).join(" ");
  };
  const PRECISION = { day: "to the day", month: "to the month", year: "to the year" };
  const source = (i) => data.sources[i][1];
  const evidence = ([src, start, end, quote, before, after, by, conflict, review = -1, page = 0]) => [
    append(el("blockquote"), before, el("mark", "", quote), after),
    append(el("div", "cite"), `${source(src)} · ${page ? `p. ${page} · ` : ""}characters ${start}–${end}`,
      by ? ` · stated by ${by}` : "",
      conflict ? badge("conflicting") : null),
    window.kgReview && review >= 0 ? window.kgReview.controls(review) : null,  // review.js: Confirm / Reject / Correct
  ].filter((c) => c !== null);

  // ---- the side panel ----
  const details = (...children) => {
    panel.replaceChildren(...children.filter((c) => c !== null));
    panel.scrollTop = 0;
    showTab("details");
  };
  const showNode = (id) => {
    const n = node.get(id), date = data.timeline.find((t) => t[0] === id && t[1]);
    const rows = links.get(id).map((e) => {
      const out = e.from === id, other = node.get(out ? e.to : e.from).full;
      return [button(out ? `${e.full} → ${other}` : `${other} → ${e.full} → ${n.full}`, () => selectEdge(e.id)),
        e.conflict ? badge() : null];
    });
    const facts = n.facts.map(([label, value, conflict, evs]) =>
      [append(el("div", "fact", `${label}: `), el("span", "value", value), conflict ? badge() : null),
        ...evs.flatMap(evidence)]);
    details(
      append(el("div", "kind"), swatch(n.group), n.kind),
      el("h2", "", n.full),
      n.aliases.length ? el("p", "aliases", `Also: ${n.aliases.join(" · ")}`) : null,
      date ? append(el("p"), `Date: ${human(date[1])}${date[3] ? ` – ${human(date[3])}` : ""}`,
        date[5] ? badge() : null, date[4].length ? el("span", "muted", ` (also given: ${date[4].join(", ")})`) : null)
        : null,
      n.by.length ? el("p", "", `Stated by ${n.by.join(", ")}`) : null,
      append(el("p", "muted", "Neighbourhood: "), button("1 step", () => setScope("hood1", id)), " · ",
        button("2 steps", () => setScope("hood2", id))),
      el("div", "iri", n.id),
      ...section("Facts", facts),
      ...section("Connections", rows, 40),
      ...section("Mentions", n.mentions.map(evidence), 3),
    );
  };
  const showEdge = (id) => {
    const e = edge.get(id), end = (v) => button(node.get(v).full, () => selectNode(v));
    details(
      append(el("div", "kind", "Relation"), e.conflict ? badge() : null),
      el("h2", "", e.full),
      append(el("p"), end(e.from), ` → ${e.full} → `, end(e.to)),
      ...section("Evidence", e.ev.map(evidence)),
    );
  };
  const showIntro = () => {
    const conflicts = data.edges.filter((e) => e.conflict).length + data.timeline.filter((t) => t[5]).length;
    details(
      el("h2", "", `${count(data.nodes.length, "entity", "entities")}, ${count(data.edges.length, "relation")}`),
      el("p", "muted", "Click an entity or a relation to read its facts and the sentences they come from. " +
        "Type / to search names and aliases; ↑ ↓ and Enter pick a match. Scroll to zoom, drag to pan."),
      conflicts ? append(el("p"), badge(), ` ${count(conflicts, "place")} where the sources disagree.`) : null,
    );
  };

  // ---- selection ----
  const reveal = (id) => {  // make sure a node is drawn: leave the overview, drop filters that hide it
    const n = node.get(id);
    if (state.hidden.has(n.group) || (state.source >= 0 && !n.src.includes(state.source))) {
      state.hidden.delete(n.group);
      state.source = -1;
      syncControls();
    }
    if (state.scope.startsWith("hood")) state.focus = id;
    if (!shown.has(id) || state.scope.startsWith("hood")) {
      if (state.scope === "overview" || state.scope === "key" || state.source >= 0) {
        state.scope = "hood1", state.focus = id, state.source = -1, syncControls();
      }
      refresh(state.scope.startsWith("hood"));
    }
  };
  let labelled = [];  // edges whose label is drawn at any zoom: those of the selection
  const emphasise = (ids) => {
    const at = (t) => (id) => ({ id, scaling: { label: { drawThreshold: t } } });
    edges.update([...labelled.map(at(data.options.edges.scaling.label.drawThreshold)), ...ids.map(at(1))]);
    labelled = ids;
  };
  network.on("select", ({ nodes: [n], edges: es }) => emphasise(n ? links.get(n).map((e) => e.id) : es));
  const selectNode = (id) => {
    reveal(id);
    network.setSelection({ nodes: [id], edges: [] }, { highlightEdges: false });
    emphasise(links.get(id).map((e) => e.id));
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: { duration: 300 } });
    showNode(id);
  };
  const selectEdge = (id) => {
    const e = edge.get(id);
    if (!shown.has(e.from) || !shown.has(e.to)) reveal(e.from);
    if (network.body.edges[id]) network.setSelection({ nodes: [], edges: [id] }), emphasise([id]);
    showEdge(id);
  };
  network.on("click", ({ nodes: [n], edges: [e] }) => {
    if (n && state.scope.startsWith("hood") && n !== state.focus) state.focus = n, refresh(false);
    n ? showNode(n) : e ? showEdge(e) : showIntro();
  });

  // ---- controls: scope, source, classes (the legend), tabs ----
  const scope = $("scope"), sourceSelect = $("source");
  const scopes = [...(large ? [["overview", `Most connected ${overview.size}`]] : []),
    ...(keyLens ? [["key", `Key entities (${Object.keys(data.lens).length})`]] : []),
    ["all", `Everything (${data.nodes.length.toLocaleString("en")})`],
    ["hood1", "Neighbourhood: 1 step"], ["hood2", "Neighbourhood: 2 steps"]];
  for (const [value, text] of scopes) scope.append(Object.assign(el("option", "", text), { value }));
  data.sources.forEach(([, title], i) => sourceSelect.append(Object.assign(el("option", "", title), { value: i })));
  const syncControls = () => {
    scope.value = state.scope;
    sourceSelect.value = state.source < 0 ? "" : String(state.source);
    for (const box of $("legend").querySelectorAll("input")) box.checked = !state.hidden.has(box.value);
  };
  const setScope = (value, focus = state.focus) => {
    state.scope = value;
    state.focus = value.startsWith("hood") ? focus || network.getSelectedNodes()[0] || null : state.focus;
    syncControls();
    refresh();
  };
  scope.addEventListener("change", () => setScope(scope.value));
  sourceSelect.addEventListener("change", () => {
    state.source = sourceSelect.value === "" ? -1 : +sourceSelect.value;
    refresh();
  });
  for (const [family, , , n, subs] of data.legend) {
    const box = Object.assign(el("input"), { type: "checkbox", checked: true, value: family });
    box.addEventListener("change", () => {
      box.checked ? state.hidden.delete(family) : state.hidden.add(family);
      refresh(false);
    });
    $("legend").append(Object.assign(append(el("label"), box, swatch(family), `${family} (${n})`), { title: subs }));
  }
  $("fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));
  const showTab = (name) => {
    for (const tab of ["details", "timeline"]) {
      $(`tab-${tab}`).setAttribute("aria-selected", String(tab === name));
      (tab === "details" ? panel : timeline).hidden = tab !== name;
    }
  };
  $("tab-details").addEventListener("click", () => showTab("details"));
  $("tab-timeline").addEventListener("click", () => showTab("timeline"));

  // ---- timeline: events in date order, each a link to its node ----
  for (const [id, iso, precision, end, also, conflict] of data.timeline) {
    const n = node.get(id), li = el("li", iso ? "" : "undated");
    const when = Object.assign(el("time", "", iso ? human(iso) : "no date"), { dateTime: iso, title: iso });
    const label = iso ? `${PRECISION[precision]}${end ? `, until ${human(end)}` : ""}` : "";
    li.append(when, button(n.full, () => selectNode(id)));
    li.append(append(el("span", "kind"), n.kind, label ? ` · ${label}` : "",
      also.length ? ` · also given: ${also.join(", ")}` : "", conflict ? badge() : null));
    timeline.append(li);
  }
  if (!data.timeline.length) timeline.append(el("li", "muted", "No events."));

  // ---- search: names and aliases, case- and accent-insensitive, from the keyboard ----
  const search = $("search"), matches = $("matches"), status = $("search-status");
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const names = data.nodes.map((n) => [n, fold(n.full), n.aliases.map(fold)]);
  const rank = (q) => {  // exact, then at a word start, then anywhere; labels before aliases; shorter first
    const score = (s) => (s === q ? 0 : ` ${s}`.includes(` ${q}`) ? 1 : s.includes(q) ? 2 : 9);
    return names.map(([n, label, aliases]) => [n, Math.min(score(label), 0.5 + Math.min(9, ...aliases.map(score)))])
      .filter(([, s]) => s < 9)
      .sort(([a, s], [b, t]) => s - t || a.full.length - b.full.length || (a.full < b.full ? -1 : 1))
      .map(([n]) => n);
  };
  let hits = [], active = 0, picked = -1, lastQuery = "";
  const listMatches = () => {
    matches.replaceChildren(...hits.slice(0, 8).map((n, i) => {
      const li = append(el("li"), swatch(n.group), el("span", "", n.full));
      const q = fold(search.value.trim()), alias = n.aliases.find((a) => fold(a).includes(q));
      if (alias && !fold(n.full).includes(q)) li.append(el("span", "alias", alias));
      li.id = `match-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      li.addEventListener("mousedown", (ev) => (ev.preventDefault(), pick(i)));
      return li;
    }));
    matches.hidden = !hits.length || document.activeElement !== search;
    search.setAttribute("aria-activedescendant", hits.length ? `match-${active}` : "");
  };
  const pick = (i) => {
    picked = i;
    matches.hidden = true;
    status.textContent = `${i + 1} of ${hits.length}`;
    selectNode(hits[i].id);
  };
  search.addEventListener("input", () => {
    const q = fold(search.value.trim());
    hits = q ? rank(q) : [];
    active = 0;
    picked = -1;
    lastQuery = q;
    status.textContent = q ? (hits.length ? count(hits.length, "match", "matches") : "No match") : "";
    listMatches();
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + Math.min(hits.length, 8)) % Math.min(hits.length, 8);
      listMatches();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (fold(search.value.trim()) !== lastQuery) search.dispatchEvent(new Event("input"));
      if (!hits.length) return;
      pick(matches.hidden && picked >= 0 ? (picked + 1) % hits.length : active);  // Enter again: the next match
    } else if (ev.key === "Escape") {
      matches.hidden ? (search.value = "", search.dispatchEvent(new Event("input"))) : (matches.hidden = true);
    }
  });
  search.addEventListener("blur", () => (matches.hidden = true));
  search.addEventListener("focus", () => listMatches());
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      search.focus();
      search.select();
    }
  });

  window.kgView = { details, selectNode, el, append, button };  // what review.js builds on

  syncControls();
  refresh();
  showIntro();
})();

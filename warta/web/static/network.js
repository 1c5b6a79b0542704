/* Actor network: nodes are actors, directed edges actor → recipient per event type (coloured by type,
 * width by count). Laid out with a small force simulation run to completion before drawing. */
"use strict";
(function () {
  const W = window.warta;
  const KIND_FILL = { state: "#37474f", organization: "#5c6bc0", person: "#8d6e63", group: "#ef6c00", igo: "#00897b" };
  const LABELS_MAX = 45;

  function layout(nodes, links, width, height) {
    const n = nodes.length;
    const area = width * height, kDist = Math.sqrt(area / Math.max(1, n)) * 0.75;
    nodes.forEach(function (d, i) {
      const a = 2 * Math.PI * i / Math.max(1, n), r = Math.min(width, height) * 0.35;
      d.x = width / 2 + r * Math.cos(a); d.y = height / 2 + r * Math.sin(a); d.vx = 0; d.vy = 0;
    });
    const iterations = n > 400 ? 120 : n > 150 ? 200 : 300;
    let temp = Math.min(width, height) / 8;
    // The naive balance G·R = n·k²/R overshoots (neighbours on all sides cancel most of the push);
    // √n, found by looking at small and dense graphs, keeps both spread out and on screen.
    const R = Math.min(width, height) * 0.42, gravity = 1.2 * Math.sqrt(n) * kDist * kDist / (R * R), aspect = width / height;
    for (let it = 0; it < iterations; it++) {
      for (let i = 0; i < n; i++) { nodes[i].vx = 0; nodes[i].vy = 0; }
      for (let i = 0; i < n; i++) {       // repulsion (Fruchterman–Reingold)
        const a = nodes[i];
        for (let j = i + 1; j < n; j++) {
          const b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; d2 = 0.5; }
          const f = kDist * kDist / d2;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      for (const l of links) {           // attraction along links
        const a = l.s, b = l.t, dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = d / kDist * (0.3 + 0.15 * Math.log1p(l.weight));   // heavy links pull a little harder
        a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
      }
      for (const d of nodes) {           // gravity holds the layout near radius R
        d.vx += (width / 2 - d.x) * gravity; d.vy += (height / 2 - d.y) * gravity * aspect;
        const len = Math.sqrt(d.vx * d.vx + d.vy * d.vy) || 1, step = Math.min(len, temp);
        d.x = Math.max(40, Math.min(width - 120, d.x + d.vx / len * step));   // room for the label
        d.y = Math.max(20, Math.min(height - 20, d.y + d.vy / len * step));
      }
      temp *= 0.985;
    }
  }

  function init() {
    const box = document.getElementById("network");
    if (!box) return;
    const net = W.readJSON(box.getAttribute("data-source")) || { nodes: [], edges: [] };
    W.clear(box);
    const legendEl = document.getElementById("chart-legend");
    if (!net.edges.length) { W.el("p", { "class": "empty" }, "No actor → recipient links match these filters.", box); W.legend(legendEl, new Set()); return; }
    const byKey = new Map(net.nodes.map(d => [d.key, d]));
    for (const e of net.edges) {       // an edge may name an actor the node list lacks: add it bare
      for (const k of [e.source, e.target]) if (!byKey.has(k)) byKey.set(k, { key: k, name: k, kind: null, events: 0 });
    }
    const nodes = Array.from(byKey.values());
    const pairs = new Map();
    for (const e of net.edges) {
      const id = e.source < e.target ? e.source + "\u0000" + e.target : e.target + "\u0000" + e.source;
      let p = pairs.get(id);
      if (!p) { p = { s: byKey.get(e.source), t: byKey.get(e.target), weight: 0, edges: [] }; pairs.set(id, p); }
      p.weight += e.count; p.edges.push(e);
    }
    const width = Math.max(480, box.clientWidth);
    const height = Math.max(420, Math.min(760, Math.round(width * 0.6), Math.round(120 + 60 * Math.sqrt(byKey.size))));
    layout(nodes, Array.from(pairs.values()), width, height);
    const svg = W.svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "actor network" }, box);
    const defs = W.svg("defs", {}, svg);
    const types = new Set(net.edges.map(e => e.type));
    for (const t of types) {
      const m = W.svg("marker", { id: "arrow-" + t, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse",
        orient: "auto-start-reverse" }, defs);
      W.svg("path", { d: "M0,0L10,5L0,10Z", fill: W.typeColor(t) }, m);
    }
    const edgeLayer = W.svg("g", {}, svg), nodeLayer = W.svg("g", {}, svg);
    const maxCount = Math.max.apply(null, net.edges.map(e => e.count));
    const radius = d => 5 + 10 * Math.sqrt((d.events || 0) / Math.max(1, Math.max.apply(null, nodes.map(x => x.events || 0))));
    const drawn = [];
    for (const p of pairs.values()) {
      p.edges.forEach(function (e, i) {
        const path = W.svg("path", { "class": "edge", stroke: W.typeColor(e.type), "stroke-width": 1 + 5 * Math.sqrt(e.count / maxCount),
          "marker-end": "url(#arrow-" + e.type + ")" }, edgeLayer);
        const title = W.svg("title", {}, path);
        const s = byKey.get(e.source), t = byKey.get(e.target);
        title.textContent = s.name + " → " + t.name + " · " + e.type + " · " + e.count + " event" + (e.count === 1 ? "" : "s");
        if (e.example) path.addEventListener("click", function () { window.location.href = W.eventHref(e.example); });
        drawn.push({ path: path, e: e, s: s, t: t, bend: (i - (p.edges.length - 1) / 2) * 0.25 + (e.source < e.target ? 0 : 0.12) });
      });
    }
    function placeEdges() {
      for (const d of drawn) {
        const dx = d.t.x - d.s.x, dy = d.t.y - d.s.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
        const rt = radius(d.t) + 2, ex = d.t.x - dx / len * rt, ey = d.t.y - dy / len * rt;
        const mx = (d.s.x + ex) / 2 - dy * d.bend, my = (d.s.y + ey) / 2 + dx * d.bend;
        d.path.setAttribute("d", "M" + d.s.x.toFixed(1) + "," + d.s.y.toFixed(1) + "Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " + ex.toFixed(1) + "," + ey.toFixed(1));
      }
    }
    const labelled = new Set(nodes.slice().sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, LABELS_MAX).map(d => d.key));
    for (const d of nodes) {
      const g = W.svg("g", { "class": "node", tabindex: 0, role: "link" }, nodeLayer);
      d.circle = W.svg("circle", { r: radius(d), fill: KIND_FILL[d.kind] || "#78909c" }, g);
      const title = W.svg("title", {}, g);
      title.textContent = d.name + (d.country ? " (" + d.country + ")" : "") + " · " + (d.events || 0) + " event links · " + d.key;
      if (labelled.has(d.key)) { d.label = W.svg("text", { dx: radius(d) + 3, dy: 4 }, g); d.label.textContent = d.name; }
      d.g = g;
      let drag = null;
      g.addEventListener("pointerdown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, moved: false }; g.setPointerCapture(ev.pointerId); });
      g.addEventListener("pointermove", function (ev) {
        if (!drag) return;
        const scale = width / box.clientWidth;
        if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
        if (!drag.moved) return;
        d.x += (ev.clientX - drag.x) * scale; d.y += (ev.clientY - drag.y) * scale; drag.x = ev.clientX; drag.y = ev.clientY;
        placeNode(d); placeEdges();
      });
      g.addEventListener("pointerup", function () { const moved = drag && drag.moved; drag = null; if (!moved) window.location.href = W.actorHref(d.key); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") window.location.href = W.actorHref(d.key); });
    }
    function placeNode(d) { d.g.setAttribute("transform", "translate(" + d.x.toFixed(1) + "," + d.y.toFixed(1) + ")"); }
    nodes.forEach(placeNode);
    placeEdges();
    W.legend(legendEl, types);
    for (const kind in KIND_FILL) {      // node colours: what kind of actor each circle is
      if (!nodes.some(d => d.kind === kind)) continue;
      const item = W.el("span", { "class": "legend-item" }, null, legendEl);
      const dot = W.svg("svg", { width: 12, height: 12, "class": "dot", "aria-hidden": "true" }, item);
      W.svg("circle", { cx: 6, cy: 6, r: 5, fill: KIND_FILL[kind] }, dot);
      item.appendChild(document.createTextNode(" " + kind));
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

/* Offline world map: Natural Earth country shapes (TopoJSON, shipped in /static/vendor) decoded and
 * projected here (Equal Earth), events clustered on a screen-space grid that is rebuilt on zoom. */
"use strict";
(function () {
  const W = window.warta;
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  const WIDTH = 1000, SCALE = WIDTH / (2 * 2.7067);
  const LAT_TOP = 84, LAT_BOTTOM = -58;   // Antarctica is left out: no events there, and it distorts the frame
  const CLUSTER_PX = 44, MAX_ZOOM = 40, POPUP_MAX = 40, MIXED = "#455a64";

  /** Equal Earth projection (Šavrič, Patterson & Jenny 2018) → SVG user units. */
  function project(lon, lat) {
    const l = lon * Math.PI / 180, th = Math.asin(M * Math.sin(lat * Math.PI / 180));
    const t2 = th * th, t6 = t2 * t2 * t2;
    const x = l * Math.cos(th) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const y = th * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return [WIDTH / 2 + x * SCALE, -y * SCALE];
  }
  const Y0 = project(0, LAT_TOP)[1], Y1 = project(0, LAT_BOTTOM)[1];
  const HEIGHT = Y1 - Y0;

  /** TopoJSON arcs → absolute [lon, lat] arrays (delta-decoded with the quantisation transform). */
  function decodeArcs(topo) {
    const s = topo.transform.scale, tr = topo.transform.translate;
    return topo.arcs.map(function (arc) {
      let x = 0, y = 0;
      return arc.map(function (p) { x += p[0]; y += p[1]; return [x * s[0] + tr[0], y * s[1] + tr[1]]; });
    });
  }

  function ringPath(ring, arcs) {
    const pts = [];
    for (const i of ring) {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      for (let j = pts.length ? 1 : 0; j < a.length; j++) pts.push(a[j]);
    }
    let d = "", prev = null;
    for (const p of pts) {
      const q = project(p[0], Math.max(-89.9, Math.min(89.9, p[1])));
      // A jump across the antimeridian starts a new sub-path instead of a line across the map.
      d += (prev === null || Math.abs(p[0] - prev) > 180 ? "M" : "L") + q[0].toFixed(1) + "," + q[1].toFixed(1);
      prev = p[0];
    }
    return d + "Z";
  }

  function drawWorld(layer, topo) {
    const arcs = decodeArcs(topo);
    for (const geom of topo.objects.countries.geometries) {
      if (geom.id === "010" || !geom.arcs) continue;
      const polys = geom.type === "Polygon" ? [geom.arcs] : geom.arcs;
      let d = "";
      for (const poly of polys) for (const ring of poly) d += ringPath(ring, arcs);
      const path = W.svg("path", { d: d, "class": "country" }, layer);
      const title = W.svg("title", {}, path);
      title.textContent = (geom.properties && geom.properties.name) || "";
    }
    for (let lon = -180; lon <= 180; lon += 30) {
      let d = "";
      for (let lat = LAT_BOTTOM; lat <= LAT_TOP; lat += 2) { const q = project(lon, lat); d += (d ? "L" : "M") + q[0].toFixed(1) + "," + q[1].toFixed(1); }
      W.svg("path", { d: d, "class": "graticule" }, layer);
    }
  }

  function init() {
    const box = document.getElementById("map");
    if (!box) return;
    const points = (W.readJSON(box.getAttribute("data-source")) || []).filter(p => p.lat !== null && p.lon !== null);
    const popup = document.getElementById("map-popup");
    W.clear(box);
    const svg = W.svg("svg", { viewBox: "0 " + Y0 + " " + WIDTH + " " + HEIGHT, role: "img", "aria-label": "map of events" }, box);
    const world = W.svg("g", {}, svg);
    const land = W.svg("g", {}, world);
    const marks = W.svg("g", {}, world);
    for (const p of points) { const q = project(p.lon, p.lat); p.x = q[0]; p.y = q[1]; }
    W.legend(document.getElementById("chart-legend"), new Set(points.map(p => p.type)));

    let k = 1, tx = 0, ty = 0;
    function pxPerUnit() { return box.clientWidth / WIDTH; }
    function apply() { world.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + k + ")"); }

    function clusters() {
      const cell = CLUSTER_PX / (k * pxPerUnit());
      const grid = new Map();
      for (const p of points) {
        const key = Math.floor(p.x / cell) + ":" + Math.floor(p.y / cell);
        let c = grid.get(key);
        if (!c) { c = { items: [], x: 0, y: 0 }; grid.set(key, c); }
        c.items.push(p); c.x += p.x; c.y += p.y;
      }
      return Array.from(grid.values());
    }

    function drawMarks() {
      W.clear(marks);
      const unit = 1 / (k * pxPerUnit());
      for (const c of clusters()) {
        const n = c.items.length, cx = c.x / n, cy = c.y / n;
        const byType = {};
        for (const p of c.items) byType[p.type] = (byType[p.type] || 0) + 1;
        const top = Object.keys(byType).sort((a, b) => byType[b] - byType[a])[0];
        const g = W.svg("g", { "class": "cluster", tabindex: 0, role: "button" }, marks);
        // radius grows slowly with the count and stays inside the cluster cell, so circles rarely overlap
        const r = Math.min(CLUSTER_PX / 2, n === 1 ? 6 : 9 + 2.2 * Math.log2(n)) * unit;
        // one colour only when one type dominates; a mixed cluster is neutral rather than misleading
        const fill = byType[top] >= 0.6 * n ? W.typeColor(top) : MIXED;
        W.svg("circle", { cx: cx, cy: cy, r: r, fill: fill, "fill-opacity": 0.85 }, g);
        if (n > 1) {
          const t = W.svg("text", { x: cx, y: cy, "font-size": 11 * unit }, g);
          t.textContent = String(n);
        }
        const title = W.svg("title", {}, g);
        title.textContent = n === 1 ? (c.items[0].type + " · " + (c.items[0].place_name || ""))
          : n + " events: " + Object.keys(byType).sort((a, b) => byType[b] - byType[a]).map(t => t + " " + byType[t]).join(", ");
        const open = function (ev) { ev.stopPropagation(); showPopup(c.items, ev); };
        g.addEventListener("click", open);
        g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(ev); });
      }
    }

    function showPopup(items, ev) {
      W.clear(popup);
      const close = W.el("button", { type: "button", "class": "close", "aria-label": "close" }, "×", popup);
      close.addEventListener("click", function () { popup.hidden = true; });
      const places = Array.from(new Set(items.map(p => p.place_name).filter(Boolean)));
      W.el("h3", {}, items.length + " event" + (items.length === 1 ? "" : "s") + (places.length ? " · " + places.slice(0, 3).join(", ") + (places.length > 3 ? "…" : "") : ""), popup);
      const ul = W.el("ul", {}, null, popup);
      const sorted = items.slice().sort((a, b) => String(b.date_start || "").localeCompare(String(a.date_start || "")));
      for (const p of sorted.slice(0, POPUP_MAX)) {
        const li = W.el("li", {}, null, ul);
        W.el("span", { "class": "badge t-" + p.type }, p.type, li);
        li.appendChild(document.createTextNode(" " + (p.date_start || "undated") + " "));
        W.el("a", { href: W.eventHref(p.event_id) }, p.title || p.event_id, li);
      }
      if (items.length > POPUP_MAX) W.el("li", { "class": "muted" }, "… and " + (items.length - POPUP_MAX) + " more: zoom in or filter.", ul);
      const card = popup.parentElement.getBoundingClientRect();
      popup.hidden = false;
      const left = Math.min(ev.clientX - card.left + 10, card.width - popup.offsetWidth - 10);
      popup.style.left = Math.max(10, left) + "px";   // CSSOM, allowed by the CSP (no style attribute markup)
      popup.style.top = Math.max(10, ev.clientY - card.top + 10) + "px";
    }

    function zoomAt(factor, px, py) {
      const nk = Math.max(1, Math.min(MAX_ZOOM, k * factor));
      const u = pxPerUnit();
      // keep the map point under the cursor still: (px/u - tx) / k = const
      const mx = px / u, my = py / u + Y0;
      tx = mx - (mx - tx) * nk / k; ty = my - (my - ty) * nk / k - 0;
      k = nk;
      if (k === 1) { tx = 0; ty = 0; }
      apply(); drawMarks();
    }

    box.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      const r = box.getBoundingClientRect();
      zoomAt(ev.deltaY < 0 ? 1.4 : 1 / 1.4, ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    let drag = null;
    box.addEventListener("pointerdown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, tx: tx, ty: ty, moved: false }; });
    window.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; box.classList.add("dragging"); }
      if (!drag.moved) return;
      tx = drag.tx + dx / pxPerUnit(); ty = drag.ty + dy / pxPerUnit();
      apply();
    });
    window.addEventListener("pointerup", function () { drag = null; box.classList.remove("dragging"); });
    box.addEventListener("click", function (ev) { if (ev.target === svg || ev.target.classList.contains("country")) popup.hidden = true; });
    const centre = function () { return [box.clientWidth / 2, box.clientHeight / 2]; };
    document.getElementById("zoom-in").addEventListener("click", function () { const c = centre(); zoomAt(2, c[0], c[1]); });
    document.getElementById("zoom-out").addEventListener("click", function () { const c = centre(); zoomAt(0.5, c[0], c[1]); });
    document.getElementById("zoom-reset").addEventListener("click", function () { k = 1; tx = 0; ty = 0; apply(); drawMarks(); });
    W.onResize(drawMarks);

    fetch(box.getAttribute("data-world"), { credentials: "same-origin" })
      .then(r => { if (!r.ok) throw new Error("world shapes: HTTP " + r.status); return r.json(); })
      .then(topo => { drawWorld(land, topo); })
      .catch(err => { W.el("p", { "class": "muted small" }, "Country shapes could not be loaded (" + err.message + ").", box); });
    apply();
    drawMarks();
    // Start zoomed to the events when they sit in one region.
    if (points.length) {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const p of points) { x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y); }
      const fit = Math.min(WIDTH / Math.max(60, (x1 - x0) * 1.6), HEIGHT / Math.max(30, (y1 - y0) * 1.6), 8);
      if (fit > 1.3) {
        k = fit; const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        tx = WIDTH / 2 - cx * k; ty = (Y0 + HEIGHT / 2) - cy * k;
        apply(); drawMarks();
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

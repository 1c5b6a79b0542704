/* Stacked bar chart of events per day (or week / month for long ranges) by PLOVER type.
 * Reads [{day, type, count}] from the JSON block named by data-source. */
"use strict";
(function () {
  const W = window.warta;
  const DAY = 86400000;
  const MARGIN = { top: 12, right: 16, bottom: 34, left: 44 };

  function parseDay(s) { const p = s.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function fmt(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function bucketStart(ms, unit) {
    const d = new Date(ms);
    if (unit === "year") return Date.UTC(d.getUTCFullYear(), 0, 1);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY; // weeks start on Monday
    return ms;
  }
  function nextBucket(ms, unit) {
    const d = new Date(ms);
    if (unit === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return ms + (unit === "week" ? 7 : 1) * DAY;
  }

  function niceMax(v) {
    if (v <= 5) return Math.max(1, v);
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  /** The day range to draw: a few far-off events (say one from 1991 among hundreds from 2024) would
   * squeeze everything else into one bar, so a sparse side beyond a large gap is left out and named. */
  function coreRange(data) {
    const days = new Map();
    for (const d of data) { const t = parseDay(d.day); days.set(t, (days.get(t) || 0) + d.count); }
    let sorted = Array.from(days.keys()).sort((a, b) => a - b);
    const total = data.reduce((s, d) => s + d.count, 0);
    let before = 0, after = 0;
    for (let pass = 0; pass < 3 && sorted.length > 2; pass++) {
      const span = sorted[sorted.length - 1] - sorted[0];
      let gap = 0, at = -1;
      for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > gap) { gap = sorted[i] - sorted[i - 1]; at = i; }
      if (gap < 0.6 * span || gap < 90 * DAY) break;
      const left = sorted.slice(0, at).reduce((s, t) => s + days.get(t), 0), right = total - before - after - left;
      // few events beyond the gap: at most a fifth, or a third when the gap is nearly the whole span
      const few = n => n <= 0.2 * total || (gap >= 0.9 * span && n <= total / 3);
      if (left <= right && few(left)) { before += left; sorted = sorted.slice(at); }
      else if (right < left && few(right)) { after += right; sorted = sorted.slice(0, at); }
      else break;
    }
    return { min: sorted[0], max: sorted[sorted.length - 1], before: before, after: after };
  }

  function noteOutside(el, range) {
    if (!range.before && !range.after) return;
    const p = W.el("p", { "class": "hint outside-note" }, null, el);
    const parts = [];
    if (range.before) parts.push(range.before + " earlier event" + (range.before === 1 ? "" : "s"));
    if (range.after) parts.push(range.after + " later event" + (range.after === 1 ? "" : "s"));
    p.textContent = "Showing " + fmt(range.min) + " to " + fmt(range.max) + "; " + parts.join(" and ") +
      " far outside this range are not drawn (set From / To to include them).";
  }

  function render(el) {
    const data = W.readJSON(el.getAttribute("data-source")) || [];
    W.clear(el);
    const legendEl = document.getElementById("chart-legend");
    if (!data.length) { W.el("p", { "class": "empty" }, "No dated events match these filters.", el); W.legend(legendEl, new Set()); return; }
    const range = coreRange(data);
    let min = range.min, max = range.max;
    noteOutside(el, range);
    const spanDays = (max - min) / DAY + 1;
    const unit = spanDays > 12 * 366 ? "year" : spanDays > 3 * 366 ? "month" : spanDays > 180 ? "week" : "day";
    const buckets = [];
    const index = new Map();
    for (let t = bucketStart(min, unit); t <= max; t = nextBucket(t, unit)) {
      index.set(t, buckets.length);
      buckets.push({ start: t, end: nextBucket(t, unit) - DAY, counts: {}, total: 0 });
    }
    const present = new Set();
    for (const d of data) {
      const t = parseDay(d.day);
      if (t < min || t > max) continue;
      const b = buckets[index.get(bucketStart(t, unit))];
      b.counts[d.type] = (b.counts[d.type] || 0) + d.count;
      b.total += d.count;
      present.add(d.type);
    }
    const width = Math.max(320, el.clientWidth);
    const height = +(el.getAttribute("data-height") || 320);
    const iw = width - MARGIN.left - MARGIN.right, ih = height - MARGIN.top - MARGIN.bottom;
    const top = niceMax(Math.max.apply(null, buckets.map(b => b.total)));
    const bw = iw / buckets.length;
    const svg = W.svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img",
      "aria-label": "events per " + unit + " by type" }, el);
    const g = W.svg("g", { transform: "translate(" + MARGIN.left + "," + MARGIN.top + ")" }, svg);
    const yAxis = W.svg("g", { "class": "axis" }, g);
    const ticks = top <= 5 ? top : 4;
    for (let i = 0; i <= ticks; i++) {
      const v = top * i / ticks, y = ih - ih * i / ticks;
      W.svg("line", { x1: 0, x2: iw, y1: y, y2: y, "class": "gridline" }, yAxis);
      const label = W.svg("text", { x: -6, y: y + 4, "text-anchor": "end" }, yAxis);
      label.textContent = Number.isInteger(v) ? String(v) : v.toFixed(1);
    }
    const link = el.getAttribute("data-link");
    buckets.forEach(function (b, i) {
      if (!b.total) return;
      let parent = g;
      if (link) {
        const u = new URL(link, window.location.origin);
        u.searchParams.set("since", fmt(b.start));
        u.searchParams.set("until", fmt(b.end));
        parent = W.svg("a", { href: u.pathname + u.search }, g);
      }
      let y = ih;
      for (const t of W.TYPES) {
        const n = b.counts[t];
        if (!n) continue;
        const h = ih * n / top;
        y -= h;
        const r = W.svg("rect", { x: i * bw + Math.min(1, bw * 0.1), y: y, width: Math.max(1, bw - Math.min(2, bw * 0.2)),
          height: Math.max(0.5, h), fill: W.typeColor(t), "class": "bar" }, parent);
        const title = W.svg("title", {}, r);
        title.textContent = (unit === "day" ? fmt(b.start) : fmt(b.start) + " – " + fmt(b.end)) + " · " + t + ": " + n;
      }
    });
    const xAxis = W.svg("g", { "class": "axis", transform: "translate(0," + ih + ")" }, g);
    W.svg("line", { x1: 0, x2: iw, y1: 0, y2: 0 }, xAxis);
    const every = Math.max(1, Math.ceil(buckets.length / Math.max(2, Math.floor(iw / 90))));
    for (let i = 0; i < buckets.length; i += every) {
      const x = i * bw + bw / 2;
      W.svg("line", { x1: x, x2: x, y1: 0, y2: 4 }, xAxis);
      const label = W.svg("text", { x: x, y: 18, "text-anchor": "middle" }, xAxis);
      label.textContent = unit === "year" ? fmt(buckets[i].start).slice(0, 4) : unit === "month" ? fmt(buckets[i].start).slice(0, 7) : fmt(buckets[i].start);
    }
    W.legend(legendEl, present);
  }

  function init() {
    const charts = document.querySelectorAll("[data-chart=timeline]");
    charts.forEach(render);
    W.onResize(function () { charts.forEach(render); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

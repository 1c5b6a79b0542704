/* warta: shared helpers for every page. No inline script anywhere: pages carry their data in
 * <script type="application/json"> blocks, read here with JSON.parse, and every piece of text from
 * the store is put into the page with textContent / createTextNode, never as HTML. */
"use strict";
(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

  function readJSON(id) {
    const el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function typeColor(type) {
    const v = getComputedStyle(document.documentElement).getPropertyValue("--t-" + type).trim();
    return v || "#777";
  }

  /** Create an SVG element; attribute values are set with setAttribute (never parsed as markup). */
  function svg(tag, attrs, parent) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const k in attrs || {}) el.setAttribute(k, String(attrs[k]));
    if (parent) parent.appendChild(el);
    return el;
  }

  function el(tag, attrs, text, parent) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function legend(container, types) {
    if (!container) return;
    clear(container);
    for (const t of TYPES) {
      if (!types.has(t)) continue;
      const item = el("span", { "class": "legend-item" }, null, container);
      const sw = el("span", { "class": "sw t-" + t }, null, item);
      sw.setAttribute("aria-hidden", "true");
      item.appendChild(document.createTextNode(t));
    }
  }

  function eventHref(id) { return "/events/" + encodeURIComponent(id); }
  function actorHref(key) { return "/actors/" + encodeURIComponent(key); }

  function onResize(fn) {
    let t = null, w = window.innerWidth;
    window.addEventListener("resize", function () {
      if (window.innerWidth === w) return;
      w = window.innerWidth;
      clearTimeout(t);
      t = setTimeout(fn, 150);
    });
  }

  function init() {
    // Selects marked autosubmit (rows per page) apply at once.
    for (const s of document.querySelectorAll("select.autosubmit")) {
      s.addEventListener("change", function () { s.form.submit(); });
    }
    // Drop empty fields from filter forms so the URL carries only the filters in use.
    for (const f of document.querySelectorAll("form.filters")) {
      f.addEventListener("submit", function () {
        for (const inp of f.querySelectorAll("input, select")) {
          if (!inp.value) inp.disabled = true;
        }
        setTimeout(function () { for (const inp of f.querySelectorAll("input, select")) inp.disabled = false; }, 0);
      });
    }
    // Event page: bring the trigger into view inside the scrolling article text.
    const box = document.querySelector("[data-scroll-to]");
    if (box) {
      const target = box.querySelector(box.getAttribute("data-scroll-to"));
      if (target) box.scrollTop = Math.max(0, target.offsetTop - box.clientHeight / 3);
    }
  }

  window.warta = { TYPES, readJSON, typeColor, svg, el, clear, legend, eventHref, actorHref, onResize };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

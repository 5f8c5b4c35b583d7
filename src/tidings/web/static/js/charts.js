/* tidings: bar and line charts drawn as SVG (no library). */
"use strict";
window.Charts = (function () {
  const W = 640, H = 220, PAD = { left: 40, right: 10, top: 10, bottom: 40 };

  function frame(container, label) {
    const root = T.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", role: "img", "aria-label": label });
    root.appendChild(T.svg("title", {}, label));
    container.appendChild(root);
    return root;
  }

  function axis(root, max, labels, x) {
    const y0 = H - PAD.bottom;
    root.appendChild(T.svg("line", { x1: PAD.left, y1: y0, x2: W - PAD.right, y2: y0, class: "axis" }));
    root.appendChild(T.svg("text", { x: PAD.left - 4, y: PAD.top + 8, class: "tick", "text-anchor": "end" }, max));
    root.appendChild(T.svg("text", { x: PAD.left - 4, y: y0, class: "tick", "text-anchor": "end" }, 0));
    const every = Math.max(1, Math.ceil(labels.length / 8));
    labels.forEach((label, i) => {
      if (i % every) return;
      root.appendChild(T.svg("text", { x: x(i), y: H - PAD.bottom + 16, class: "tick", "text-anchor": "middle" }, label));
    });
  }

  /* points: [{label, value}] */
  function bars(container, points, label) {
    if (!points.length) { T.note(container, "Nothing to chart yet."); return; }
    const root = frame(container, label);
    const max = Math.max(1, ...points.map(p => p.value));
    const step = (W - PAD.left - PAD.right) / points.length;
    const h = H - PAD.top - PAD.bottom;
    points.forEach((p, i) => {
      const bh = (p.value / max) * h;
      const bar = T.svg("rect", { x: PAD.left + i * step + 1, y: H - PAD.bottom - bh, width: Math.max(1, step - 2), height: bh, class: "bar" });
      bar.appendChild(T.svg("title", {}, `${p.label}: ${p.value}`));
      root.appendChild(bar);
    });
    axis(root, max, points.map(p => p.label), i => PAD.left + i * step + step / 2);
  }

  /* labels: [x labels]; series: [{name, cls, values: [numbers]}] */
  function lines(container, labels, series, label) {
    if (!labels.length) { T.note(container, "Nothing to chart yet."); return; }
    const root = frame(container, label);
    const max = Math.max(1, ...series.flatMap(s => s.values));
    const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length - 1);
    const x = i => PAD.left + i * step;
    const y = v => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
    series.forEach((s, k) => {
      const d = s.values.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      root.appendChild(T.svg("path", { d, class: `line ${s.cls}` }));
      s.values.forEach((v, i) => {
        const dot = T.svg("circle", { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.5, class: `point ${s.cls}` });
        dot.appendChild(T.svg("title", {}, `${labels[i]}: ${v} ${s.name}`));
        root.appendChild(dot);
      });
      root.appendChild(T.svg("text", { x: W - PAD.right, y: PAD.top + 12 + 14 * k, class: `legend ${s.cls}`, "text-anchor": "end" }, s.name));
    });
    axis(root, max, labels, x);
  }

  /* items: [{period, cooperation, conflict}] from /api/trend or /api/dyads, oldest first. Periods
     with no event between the first and the last are drawn as zero only when they are listed. */
  function trend(container, items, label) {
    const labels = items.map(i => i.period);
    lines(container, labels, [
      { name: "cooperation", cls: "coop", values: items.map(i => i.cooperation) },
      { name: "conflict", cls: "conflict", values: items.map(i => i.conflict) },
    ], label);
  }

  /* stacked pairs of bars: points [{label, a, b}], names [nameA, nameB] */
  function pairs(container, points, names, label) {
    if (!points.length) { T.note(container, "Nothing to chart yet."); return; }
    const root = frame(container, label);
    const max = Math.max(1, ...points.map(p => p.a + p.b));
    const step = (W - PAD.left - PAD.right) / points.length;
    const h = H - PAD.top - PAD.bottom;
    points.forEach((p, i) => {
      const ha = (p.a / max) * h, hb = (p.b / max) * h;
      const x = PAD.left + i * step + 1, w = Math.max(1, step - 2);
      const a = T.svg("rect", { x, y: H - PAD.bottom - ha, width: w, height: ha, class: "bar as-a" });
      a.appendChild(T.svg("title", {}, `${p.label}: ${p.a} ${names[0]}`));
      const b = T.svg("rect", { x, y: H - PAD.bottom - ha - hb, width: w, height: hb, class: "bar as-b" });
      b.appendChild(T.svg("title", {}, `${p.label}: ${p.b} ${names[1]}`));
      root.appendChild(a); root.appendChild(b);
    });
    names.forEach((n, k) => root.appendChild(T.svg("text", { x: W - PAD.right, y: PAD.top + 12 + 14 * k, class: `legend ${k ? "as-b" : "as-a"}`, "text-anchor": "end" }, n)));
    axis(root, max, points.map(p => p.label), i => PAD.left + i * step + step / 2);
  }

  return { bars, lines, trend, pairs };
})();

/* tidings map: country outlines from a vendored TopoJSON, projected here (equirectangular), plus
   a dot per place where coded events happened. Nothing is fetched from outside the server. */
"use strict";
(function () {
  const W = 960, H = 480;
  const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

  function decodeArcs(topo) {
    const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
    const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
    return topo.arcs.map(arc => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }

  function ringPath(ring, arcs) {
    const points = [];
    for (const index of ring) {
      const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      arc.forEach((p, i) => { if (i || !points.length) points.push(p); });
    }
    // A jump of more than half the world is a ring cut at the antimeridian: move, do not draw across.
    return points.map((p, i) => {
      const [x, y] = project(p[0], p[1]);
      const jump = i && Math.abs(p[0] - points[i - 1][0]) > 180;
      return `${i && !jump ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    }).join("") + "Z";
  }

  /* Shade each country by how often its country actor is mentioned (a log scale, 5 steps). */
  function shade(paths, items) {
    const byNumeric = new Map(items.filter(c => c.numeric).map(c => [c.numeric, c]));
    const max = Math.max(1, ...items.map(c => c.mentions));
    for (const [id, path] of paths) {
      const c = byNumeric.get(id);
      if (!c) continue;
      const step = Math.min(4, Math.floor((4.99 * Math.log(1 + c.mentions)) / Math.log(1 + max)));
      path.setAttribute("class", `country mentioned m${step}`);
      T.clear(path);
      path.appendChild(T.svg("title", {}, `${c.name}: ${c.mentions} mentions in ${c.articles} articles`));
    }
  }

  function countryPath(geometry, arcs) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    return polygons.map(rings => rings.map(r => ringPath(r, arcs)).join("")).join("");
  }

  function fit(root, dots) {
    if (!dots.length) { root.setAttribute("viewBox", `0 0 ${W} ${H}`); return; }
    const xy = dots.map(d => project(d.lon, d.lat));
    const pad = 60;
    const x0 = Math.max(0, Math.min(...xy.map(p => p[0])) - pad), x1 = Math.min(W, Math.max(...xy.map(p => p[0])) + pad);
    const y0 = Math.max(0, Math.min(...xy.map(p => p[1])) - pad / 2), y1 = Math.min(H, Math.max(...xy.map(p => p[1])) + pad / 2);
    root.setAttribute("viewBox", `${x0.toFixed(0)} ${y0.toFixed(0)} ${(x1 - x0).toFixed(0)} ${(y1 - y0).toFixed(0)}`);
  }

  /* One dot per place where events happened: area grows with the number of events. */
  function drawDots(layer, places) {
    T.clear(layer);
    const max = Math.max(1, ...places.map(p => p.events));
    for (const p of places) {
      const [x, y] = project(p.lon, p.lat);
      const r = 2 + 8 * Math.sqrt(p.events / max);
      const dot = T.svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: "dot event " + (p.cooperation >= p.conflict ? "coop" : "conflict") });
      dot.appendChild(T.svg("title", {}, `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} events, ${p.cooperation} cooperation, ${p.conflict} conflict; ${p.event_types.join(", ")}`));
      layer.appendChild(dot);
    }
  }

  async function world(box) {
    const topo = await T.getJSON(box.dataset.world);
    const arcs = decodeArcs(topo);
    const root = T.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map-svg", role: "img", "aria-label": "map of events" });
    root.appendChild(T.svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    const land = T.svg("g", { class: "countries" });
    const paths = new Map();
    for (const g of topo.objects.countries.geometries) {
      const path = T.svg("path", { d: countryPath(g, arcs), class: "country", "fill-rule": "evenodd" });
      path.appendChild(T.svg("title", {}, (g.properties && g.properties.name) || ""));
      land.appendChild(path);
      if (g.id) paths.set(String(g.id), path);
    }
    root.appendChild(land);
    const layer = T.svg("g", { class: "dots" });
    root.appendChild(layer);
    box.appendChild(root);
    return { root, paths, layer };
  }

  async function drawEvents(map, form) {
    const status = document.getElementById("map-status");
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) query.set(k, String(v).trim());
    query.set("limit", "500");
    const data = await T.getJSON("/api/event-places?" + query.toString());
    if (data.note) { status.textContent = data.note; return; }
    drawDots(map.layer, data.items);
    fit(map.root, data.items);
    const n = data.items.reduce((s, p) => s + p.events, 0);
    status.textContent = data.items.length ? `${n} located events at ${data.items.length} places` : "No located event matches these filters.";
  }

  async function draw() {
    const box = document.getElementById("map");
    const form = document.getElementById("map-filters");
    const map = await world(box);
    const countries = await T.getJSON("/api/countries");
    shade(map.paths, countries.items);
    form.addEventListener("submit", ev => {
      ev.preventDefault();
      drawEvents(map, form).catch(e => { document.getElementById("map-status").textContent = e.message; });
    });
    await drawEvents(map, form);
  }

  document.addEventListener("DOMContentLoaded", () => {
    draw().catch(e => { document.getElementById("map-status").textContent = e.message; });
  });
})();

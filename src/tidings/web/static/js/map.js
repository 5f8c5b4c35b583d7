/* tidings map: country outlines from a vendored TopoJSON, projected here (equirectangular), plus
   dots for places and located events. Nothing is fetched from outside the server. */
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

  function points(places, events) {
    const out = [];
    for (const p of places) if (typeof p.lat === "number" && typeof p.lon === "number") out.push({ lat: p.lat, lon: p.lon, name: p.name || "", kind: "place" });
    for (const e of events) {
      const loc = e.location;
      if (loc && typeof loc.lat === "number" && typeof loc.lon === "number") out.push({ lat: loc.lat, lon: loc.lon, name: `${e.event_type || "event"} at ${loc.name || ""}`, kind: "event" });
      else if (typeof e.lat === "number" && typeof e.lon === "number") out.push({ lat: e.lat, lon: e.lon, name: e.event_type || "event", kind: "event" });
    }
    return out;
  }

  function fit(root, dots) {
    if (!dots.length) return;
    const xy = dots.map(d => project(d.lon, d.lat));
    const pad = 60;
    const x0 = Math.max(0, Math.min(...xy.map(p => p[0])) - pad), x1 = Math.min(W, Math.max(...xy.map(p => p[0])) + pad);
    const y0 = Math.max(0, Math.min(...xy.map(p => p[1])) - pad / 2), y1 = Math.min(H, Math.max(...xy.map(p => p[1])) + pad / 2);
    root.setAttribute("viewBox", `${x0.toFixed(0)} ${y0.toFixed(0)} ${(x1 - x0).toFixed(0)} ${(y1 - y0).toFixed(0)}`);
  }

  async function draw() {
    const box = document.getElementById("map");
    const status = document.getElementById("map-status");
    const topo = await T.getJSON(box.dataset.world);
    const arcs = decodeArcs(topo);
    const root = T.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map-svg", role: "img", "aria-label": "map of places and events" });
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
    box.appendChild(root);
    const [places, events, countries] = await Promise.all([
      T.getJSON("/api/places?limit=500"), T.getJSON("/api/events?limit=500"), T.getJSON("/api/countries")]);
    shade(paths, countries.items);
    const dots = points(places.items, events.items);
    const layer = T.svg("g", { class: "dots" });
    for (const d of dots) {
      const [x, y] = project(d.lon, d.lat);
      const dot = T.svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: "dot " + d.kind });
      dot.appendChild(T.svg("title", {}, d.name));
      layer.appendChild(dot);
    }
    root.appendChild(layer);
    fit(root, dots);
    const shaded = `${countries.items.length} countries shaded by actor mentions`;
    status.textContent = dots.length ? `${dots.length} located places and events; ${shaded}` : `${shaded}. ${places.note || "No located places or events yet."}`;
  }

  document.addEventListener("DOMContentLoaded", () => {
    draw().catch(e => { document.getElementById("map-status").textContent = e.message; });
  });
})();

/* tidings actor page: mentions per month and the network of actors named in the same sentences. */
"use strict";
(function () {
  const W = 420, H = 360, R = 140;

  function drawNetwork(box, net) {
    if (!net.nodes.length || net.nodes.length < 2) { T.note(box, "No other actor shares a sentence with this one."); return; }
    const root = T.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network-svg", role: "img", "aria-label": "co-actor network" });
    const pos = new Map();
    const others = net.nodes.filter(n => !n.center);
    net.nodes.filter(n => n.center).forEach(n => pos.set(n.id, [W / 2, H / 2]));
    others.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / others.length - Math.PI / 2;
      pos.set(n.id, [W / 2 + R * Math.cos(angle), H / 2 + R * Math.sin(angle)]);
    });
    const maxW = Math.max(1, ...net.edges.map(e => e.weight));
    for (const e of net.edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      if (!a || !b) continue;
      const line = T.svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: "edge", "stroke-width": (1 + 5 * e.weight / maxW).toFixed(1) });
      line.appendChild(T.svg("title", {}, `${e.weight} shared sentences`));
      root.appendChild(line);
    }
    for (const n of net.nodes) {
      const [x, y] = pos.get(n.id);
      const link = T.svg("a", { href: "/entities/" + encodeURIComponent(n.id) });
      link.appendChild(T.svg("circle", { cx: x, cy: y, r: n.center ? 10 : 7, class: "node t-" + String(n.type || "").toLowerCase() }));
      const anchor = x < W / 2 - 5 ? "end" : (x > W / 2 + 5 ? "start" : "middle");
      const dx = anchor === "end" ? -10 : (anchor === "start" ? 10 : 0);
      link.appendChild(T.svg("text", { x: x + dx, y: y + (anchor === "middle" ? -14 : 4), "text-anchor": anchor, class: "node-label" }, n.name));
      root.appendChild(link);
    }
    box.appendChild(root);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const box = document.getElementById("network");
    try {
      const data = await T.getJSON("/api/entities/" + encodeURIComponent(box.dataset.entity));
      drawNetwork(box, data.network);
      Charts.bars(document.getElementById("mentions-chart"),
        data.by_month.map(m => ({ label: m.month, value: m.mentions })), "Mentions per month");
    } catch (e) {
      T.note(box, e.message);
    }
  });
})();

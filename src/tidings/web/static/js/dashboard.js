/* tidings dashboard: articles per month and the cooperation/conflict trend of coded events. */
"use strict";
(function () {
  async function articlesChart() {
    const box = document.getElementById("articles-chart");
    const data = await T.getJSON(box.dataset.src);
    Charts.bars(box, data.by_month.map(m => ({ label: m.month, value: m.articles })), "Articles per month");
  }

  async function trendChart() {
    const box = document.getElementById("trend-chart");
    const data = await T.getJSON(box.dataset.src);
    if (data.note) { T.note(box, data.note); return; }
    Charts.trend(box, data.items, "Cooperation and conflict events per month");
  }

  document.addEventListener("DOMContentLoaded", () => {
    articlesChart().catch(e => T.note(document.getElementById("articles-chart"), e.message));
    trendChart().catch(e => T.note(document.getElementById("trend-chart"), e.message));
  });
})();

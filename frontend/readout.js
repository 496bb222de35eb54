// Reads a chart's figures year by year: under the pointer (mouse, pen or
// a finger), or with the arrow keys once the chart has the focus. The
// figures are the chart's own `data-readout` ({"width": drawn width,
// "years": [[year, x, [line, …]], …]}, written by tipstats_shared::readout).
// The readout is drawn over the chart, so the page does not move; it is a
// live region, so a screen reader says what it shows.
(function () {
  function chartOf(node) {
    return node && node.closest ? node.closest(".chart-svg[data-readout]") : null;
  }
  // The server's first view has a drawing for a phone beside the wide one,
  // each with its own readout: the one shown is read.
  function figures(chart) {
    var narrow = chart.dataset.readoutNarrow && Array.prototype.some.call(
      chart.querySelectorAll(".narrow"), function (d) { return d.getClientRects().length; });
    try { return JSON.parse(narrow ? chart.dataset.readoutNarrow : chart.dataset.readout); }
    catch (e) { return null; }
  }
  function part(box, name, role) {
    var found = box.querySelector(":scope > ." + name);
    if (found) return found;
    var made = document.createElement("div");
    made.className = name;
    made.hidden = true;
    if (role) made.setAttribute("role", role);
    box.appendChild(made);
    return made;
  }
  function show(chart, index) {
    var data = figures(chart);
    var box = chart.parentElement;
    var line = part(box, "tip-line"), tip = part(box, "tip", "status");
    var year = data && index !== null ? data.years[index] : null;
    chart.readoutIndex = year ? index : null;
    line.hidden = tip.hidden = !year;
    if (!year) return;
    var width = chart.getBoundingClientRect().width;
    var x = year[1] * width / data.width;
    // The figures go on the side with more room, held by their near edge
    // so that they keep their width.
    var toRight = x < width / 2;
    line.style.left = x + "px";
    tip.style.left = toRight ? x + 8 + "px" : "";
    tip.style.right = toRight ? "" : width - x + 8 + "px";
    var title = document.createElement("strong");
    title.textContent = year[0];
    var list = document.createElement("ul");
    year[2].forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    tip.replaceChildren(title, list);
  }
  function nearest(chart, clientX) {
    var data = figures(chart);
    if (!data || !data.years.length) return null;
    var box = chart.getBoundingClientRect();
    var x = (clientX - box.left) * data.width / box.width;
    var best = 0;
    data.years.forEach(function (year, i) {
      if (Math.abs(year[1] - x) < Math.abs(data.years[best][1] - x)) best = i;
    });
    return best;
  }
  function atPointer(event) {
    var chart = chartOf(event.target);
    if (chart) show(chart, nearest(chart, event.clientX));
  }
  document.addEventListener("pointermove", atPointer);
  document.addEventListener("pointerdown", atPointer);
  document.addEventListener("pointerout", function (event) {
    var chart = chartOf(event.target);
    if (chart && !chart.contains(event.relatedTarget)) show(chart, null);
  });
  document.addEventListener("focusout", function (event) {
    var chart = chartOf(event.target);
    if (chart) show(chart, null);
  });
  document.addEventListener("keydown", function (event) {
    var chart = chartOf(event.target);
    var data = chart && figures(chart);
    if (!data || !data.years.length) return;
    var last = data.years.length - 1, at = chart.readoutIndex;
    var next = {
      ArrowRight: at === null || at === undefined ? last : Math.min(at + 1, last),
      ArrowLeft: at === null || at === undefined ? last : Math.max(at - 1, 0),
      Home: 0,
      End: last,
      Escape: null
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    show(chart, next);
  });
  // The table, the sources and the share panel are the server's
  // (/table.html, /sources.html, /share.html), in the dashboard's slot.
  // The dashboard may keep the slot and change its address, so a change of
  // `data-panel` empties it and loads the new panel.
  // A panel refused: its problem document's sentence (the static copy's
  // "needs the live site" among them), else its status. map.js uses it too.
  function refused(answer) {
    return answer.json().then(function (problem) { throw String(problem.detail); },
      function () { throw answer.status; });
  }
  window.tipstatsRefused = refused;
  function panels() {
    document.querySelectorAll("[data-panel]").forEach(function (slot) {
      var src = slot.dataset.panel;
      if (slot.dataset.loaded === src) return;
      slot.dataset.loaded = src;
      slot.replaceChildren();
      fetch(src).then(function (answer) {
        if (!answer.ok) return refused(answer);
        return answer.text();
      }).then(function (html) {
        if (slot.dataset.loaded === src) slot.innerHTML = html;
      }).catch(function (why) {
        slot.textContent = typeof why === "string" ? why : "This panel could not be loaded: " + location.href;
      });
    });
  }
  new MutationObserver(panels).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["data-panel"]
  });
  // The share panel's tailoring script, loaded when the panel first shows
  // (share.js).
  function tailoring() {
    if (tailoring.loaded || !document.querySelector("[data-tailor]")) return;
    tailoring.loaded = true;
    var script = document.createElement("script");
    script.src = "/share.js";
    document.head.appendChild(script);
  }
  tailoring();
  new MutationObserver(tailoring).observe(document.body, { childList: true, subtree: true });
  // The map panel's script, loaded when a map first shows (map.js).
  new MutationObserver(function (changes, observer) {
    if (!document.querySelector("[data-map]")) return;
    observer.disconnect();
    var script = document.createElement("script");
    script.src = "/map.js";
    document.head.appendChild(script);
  }).observe(document.body, { childList: true, subtree: true });
})();

// The dashboard's map panel. The server draws it (/map.html: the shared
// crate's map, the slider, the summary and the year's table) with every
// year's fills and figures in `data-map-years`; this script fills the slot
// the dashboard leaves for it (`data-map`), moves through the years with the
// slider or its play button, shows a place's figure under the pointer or
// the keyboard focus, and on a click or Enter adds the place to the places
// compared in the line chart. readout.js loads it when a map first shows.
(function () {
  function load(slot) {
    var query = slot.dataset.map, root = document.documentElement;
    // A theme the reader left to the system is drawn as the page shows it.
    if (query.indexOf("theme=") < 0 && (root.dataset.theme === "dark" ||
        (!root.dataset.theme && matchMedia("(prefers-color-scheme: dark)").matches))) {
      query += "&theme=dark";
    }
    var src = "/map.html?" + query + "&width=" + Math.max(240, Math.round(slot.clientWidth));
    if (slot.dataset.loaded === src) return;
    slot.dataset.loaded = src;
    fetch(src).then(function (answer) {
      if (!answer.ok) return window.tipstatsRefused(answer);
      return answer.text();
    }).then(function (html) {
      if (slot.dataset.loaded !== src) return;
      slot.innerHTML = html;
      var panel = slot.querySelector(".map-panel");
      var asked = Number(new URLSearchParams(location.search).get("year"));
      var index = data(panel).years.indexOf(asked);
      if (index >= 0) setYear(panel, index);
      if (window.performance && performance.mark) performance.mark("tipstats:map");
    }).catch(function (why) {
      slot.textContent = typeof why === "string" ? why : slot.dataset.failed || "The map could not be loaded.";
    });
  }
  function data(panel) {
    return panel.mapData || (panel.mapData = JSON.parse(panel.dataset.mapYears));
  }
  function setYear(panel, index) {
    var d = data(panel), year = d.years[index];
    var slider = panel.querySelector("#map-year");
    slider.value = index;
    slider.setAttribute("aria-valuetext", year);
    panel.querySelector(".map-controls output").textContent = year;
    panel.querySelectorAll(".map-table-year").forEach(function (cell) { cell.textContent = year; });
    panel.querySelector(".map-summary").textContent = d.summaries[index];
    Object.keys(d.places).forEach(function (code) {
      var place = d.places[code], look = place.years[index], paint = d.paints[look[0]];
      var label = place.name + ": " + look[1] + " (" + year + ")";
      panel.querySelectorAll('[data-place="' + code + '"]').forEach(function (node) {
        if (node.tagName === "TR") {
          node.querySelector("td").textContent = look[1];
          return;
        }
        node.setAttribute("fill", paint[1]);
        node.setAttribute("data-fill", paint[0]);
        node.setAttribute("aria-label", label);
        node.querySelector("title").textContent = label;
        if (look[2] !== undefined) node.setAttribute("r", look[2]);
      });
    });
    panel.querySelectorAll(".map-downloads a").forEach(function (link) {
      link.href = link.getAttribute("href").replace(/year=\d+/, "year=" + year);
    });
    var params = new URLSearchParams(location.search);
    params.set("year", year);
    history.replaceState(history.state, "", "?" + params.toString().replace(/%2C/g, ","));
    showTip(panel, panel.querySelector(".map-svg [data-place]:focus"));
  }
  function showTip(panel, place) {
    var tip = panel.querySelector(".map-tip");
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "map-tip";
      tip.setAttribute("role", "status");
      panel.querySelector(".map-svg").appendChild(tip);
    }
    tip.hidden = !place;
    if (!place) return;
    tip.textContent = place.getAttribute("aria-label");
    var box = panel.querySelector(".map-svg").getBoundingClientRect(), at = place.getBoundingClientRect();
    var x = at.left + at.width / 2 - box.left, toRight = x < box.width / 2;
    tip.style.left = toRight ? x + 8 + "px" : "";
    tip.style.right = toRight ? "" : box.width - x + 8 + "px";
    tip.style.top = Math.max(0, at.top - box.top) + "px";
  }
  function placeOf(node) {
    var place = node && node.closest ? node.closest(".map-svg [data-place]") : null;
    return place ? [place.closest(".map-panel"), place] : null;
  }
  // A sector joins the places compared; a state filled by another
  // indicator (data-indicator) opens that indicator's chart of it.
  function compare(place) {
    var params = new URLSearchParams(location.search), code = place.dataset.place;
    var regions = (params.get("region") || "").split(",").filter(Boolean);
    if (place.dataset.indicator) {
      params = new URLSearchParams({indicator: place.dataset.indicator});
      regions = [];
    }
    if (regions.indexOf(code) < 0) regions.push(code);
    params.set("region", regions.join(","));
    ["chart", "year", "areas"].forEach(function (name) { params.delete(name); });
    go(params);
  }
  function go(params) {
    history.pushState(null, "", "?" + params.toString().replace(/%2C/g, ","));
    window.dispatchEvent(new PopStateEvent("popstate"));
  }
  function play(panel, button) {
    var slider = panel.querySelector("#map-year");
    if (panel.playing) {
      clearInterval(panel.playing);
      panel.playing = null;
      button.setAttribute("aria-pressed", "false");
      return;
    }
    if (Number(slider.value) >= Number(slider.max)) setYear(panel, 0);
    button.setAttribute("aria-pressed", "true");
    panel.playing = setInterval(function () {
      var next = Number(slider.value) + 1;
      if (next > Number(slider.max) || !panel.isConnected) return play(panel, button);
      setYear(panel, next);
    }, 900);
  }
  ["pointerover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var found = placeOf(event.target);
      if (found) showTip(found[0], found[1]);
    });
  });
  ["pointerout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var found = placeOf(event.target);
      if (found && !placeOf(event.relatedTarget)) showTip(found[0], null);
    });
  });
  document.addEventListener("click", function (event) {
    var found = placeOf(event.target);
    if (found) return compare(found[1]);
    var button = event.target.closest && event.target.closest(".map-play");
    if (button) play(button.closest(".map-panel"), button);
  });
  document.addEventListener("keydown", function (event) {
    var found = placeOf(event.target);
    if (found && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      compare(found[1]);
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id !== "map-areas") return;
    var params = new URLSearchParams(location.search);
    if (event.target.value) params.set("areas", event.target.value);
    else params.delete("areas");
    go(params);
  });
  document.addEventListener("input", function (event) {
    if (event.target.id === "map-year") {
      setYear(event.target.closest(".map-panel"), Number(event.target.value));
    }
  });
  function scan() {
    document.querySelectorAll("[data-map]").forEach(load);
  }
  new MutationObserver(scan).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["data-map"]
  });
  scan();
})();

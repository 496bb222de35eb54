// The static copy of tipstats (`tipstats bake`), loaded by its pages only.
// The dashboard asks for figures and panels by address and query
// (/api/v1/series?…, /table.html?…, /map.html?…); a static host ignores
// queries, so the bake wrote each answer to a file named after its address
// (backend/src/bake.rs, `baked_path`, the same rule), and this script asks
// for that file instead. A view the bake did not write is answered 404 with
// a problem document that says it needs the live site, in the page's
// language, from the copy's own words (/api/v1/words).
(function () {
  var fetched = window.fetch.bind(window);
  var words;
  // The map panel was baked at these widths: the nearest one is asked for.
  var MAP_WIDTHS = [360, 960];

  function escaped(query) {
    return query.replace(/[^A-Za-z0-9.,=&-]/g, function (c) {
      return "_" + ("0" + c.charCodeAt(0).toString(16)).slice(-2);
    });
  }
  function baked(url) {
    // Empty parameters (a trailing "&") are not part of the address.
    var search = url.search.slice(1).split("&").filter(Boolean).join("&");
    if (url.pathname === "/map.html") {
      search = search.replace(/(^|&)width=(\d+)/, function (_, start, width) {
        return start + "width=" + MAP_WIDTHS[Number(width) >= 600 ? 1 : 0];
      });
    }
    var path = url.pathname === "/" ? "/index" : url.pathname;
    var own = /\.[a-z]+$/.exec(path);
    return "/_q" + path + "/" + escaped(search) + (own ? own[0] : ".json");
  }
  function missing() {
    words = words || fetched("/api/v1/words").then(function (answer) { return answer.json(); });
    return words.then(function (lists) {
      var lang = document.documentElement.lang === "es" ? "es" : "en";
      var detail = lists[lang][lists.names.indexOf("static_view_missing")];
      return new Response(JSON.stringify({ status: 404, title: "Not in the static copy", detail: detail }), {
        status: 404, headers: { "content-type": "application/problem+json" }
      });
    });
  }
  // The border page is the server's: the dashboard links to it with its
  // own view's query, which the copy does not hold, so any link to it opens
  // the copy's border page in the link's language.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link) return;
    var url = new URL(link.href, location.href), query = new URLSearchParams(url.search);
    if (url.origin !== location.origin || url.pathname !== "/" || query.get("view") !== "border") return;
    event.preventDefault();
    var lang = query.get("lang") === "es" ? "&lang=es" : "";
    location.assign("/_q/index/" + escaped("view=border" + lang) + ".html");
  }, true);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input.url, location.href);
    if (url.origin !== location.origin || !url.search) return fetched(input, init);
    return fetched(baked(url), init).then(function (answer) {
      return answer.ok ? answer : missing();
    });
  };
})();

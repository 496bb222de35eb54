// The share panel's tailoring: a newsroom's own title, subtitle, text
// alternative, place in focus and transparent background. The server draws
// the form (/share.html, `data-tailor` holding the embed's address); this
// script puts the fields into the embed's address as they are typed, and
// with it the preview, the embed code and the images' links. The server
// checks every field again (lengths, control characters, the place), so the
// form's limits only save a round trip. readout.js loads it when the panel
// first shows.
(function () {
  var NAMES = ["title", "subtitle", "alt", "focus", "background"];

  function tailored(form) {
    var params = new URLSearchParams();
    NAMES.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      var value = field.type === "checkbox" ? (field.checked ? field.value : "") : field.value.trim();
      if (value) params.set(name, value);
    });
    var text = params.toString();
    return text ? "&" + text : "";
  }

  function update(form) {
    var base = form.dataset.tailor, extra = tailored(form), previous = form.dataset.shown || "";
    if (extra === previous) return;
    form.dataset.shown = extra;
    var panel = form.closest(".share");
    var code = panel.querySelector("#embed-code");
    if (code) code.value = code.value.split(base + previous).join(base + extra);
    panel.querySelectorAll("a[data-image]").forEach(function (link) {
      link.href = link.dataset.image + extra;
    });
    var preview = panel.querySelector("#embed-preview");
    if (preview) preview.src = base + extra;
  }

  function attach(form) {
    if (form.dataset.attached) return;
    form.dataset.attached = "1";
    var timer = null;
    var later = function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(form); }, 400);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(form);
    });
  }

  function scan() {
    document.querySelectorAll("form[data-tailor]").forEach(attach);
  }
  scan();
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
})();

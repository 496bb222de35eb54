// Tells the page that frames this embed how tall it is, so that a small
// listener there can size the iframe (see the README's embed snippet).
// The embed shows the same without this script.
(function () {
  var last = 0;
  function send() {
    // Measured without a scroll bar, at the frame's whole width: measured
    // with one, the narrower figure is shorter, the frame is set to that,
    // and the figure at full width then overflows it again.
    var root = document.documentElement;
    var overflow = root.style.overflow;
    root.style.overflow = "hidden";
    var height = Math.ceil(root.getBoundingClientRect().height);
    root.style.overflow = overflow;
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "tipstats:height", height: height, href: location.href }, "*");
  }
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
})();

// Tells the page that frames this embed how tall it is, so that a small
// listener there can size the iframe (see the README's embed snippet).
// The embed shows the same without this script.
(function () {
  var last = 0;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "tipstats:height", height: height, href: location.href }, "*");
  }
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
})();

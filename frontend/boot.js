// Loads the dashboard. A file of its own, not an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline'.
import init from "./tipstats_frontend.js";

// The wasm is built to stop at once on a panic, without a message of its
// own (xtask's WASM_RUSTFLAGS). Rather than leave a page that no longer
// answers, say so, in the page's language.
function stopped() {
  if (document.getElementById("stopped")) return;
  const es = document.documentElement.lang === "es";
  const p = document.createElement("p");
  p.id = "stopped";
  p.className = "error";
  p.setAttribute("role", "alert");
  p.textContent = es
    ? "El tablero se detuvo por un error. Recargue la página; las cifras también están en /api/v1/catalog."
    : "The dashboard stopped on an error. Reload the page; the figures are also at /api/v1/catalog.";
  document.body.prepend(p);
}
const isTrap = (error) => error instanceof WebAssembly.RuntimeError;
addEventListener("error", (event) => isTrap(event.error) && stopped());
addEventListener("unhandledrejection", (event) => isTrap(event.reason) && stopped());

init({ module_or_path: new URL("./tipstats_frontend_bg.wasm", import.meta.url) }).catch(stopped);

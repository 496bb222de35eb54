// Loads the dashboard. A file of its own, not an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline'.
import init from "./tipstats_frontend.js";
init({ module_or_path: new URL("./tipstats_frontend_bg.wasm", import.meta.url) });

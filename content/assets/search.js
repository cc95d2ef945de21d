// Starts Pagefind's search UI. The site may be served under a path prefix (a GitHub Pages project
// site), so the base URL is worked out from this script's own address, which the build rewrites.
(function () {
  var script = document.currentScript;
  var base = script ? new URL("../", script.src).pathname : "/";
  window.addEventListener("DOMContentLoaded", function () {
    var element = document.querySelector("[data-search]");
    if (!element || typeof PagefindUI === "undefined") return;
    new PagefindUI({ element: element, baseUrl: base, showSubResults: true, resetStyles: false });
  });
})();

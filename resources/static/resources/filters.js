// On a phone the filter panel starts folded, unless filters are applied, so that the results come
// first; without this script it stays open, so every filter still works.
(function () {
  var wide = window.matchMedia("(min-width: 48rem)");
  document.querySelectorAll("details.filters-panel").forEach(function (panel) {
    var active = panel.getAttribute("data-active-filters") !== "0";
    function fit() {
      panel.open = wide.matches || active;
    }
    fit();
    wide.addEventListener("change", fit);
  });
})();

// Ingest status: while an ingest writes, say so when the corpus holds stories this page does not show yet.
(function () {
  var counts = document.getElementById("counts");
  var fresh = document.getElementById("fresh");
  if (!counts || !fresh || !window.fetch) return;
  var stories = counts.getAttribute("data-stories");
  function look() {
    fetch("/api/status").then(function (r) { return r.ok ? r.json() : null; }).then(function (s) {
      if (!s) return;
      counts.textContent = s.articles.toLocaleString("en-US") + " articles · " + s.stories.toLocaleString("en-US") + " stories";
      if (String(s.stories) !== stories) { fresh.hidden = false; fresh.setAttribute("href", window.location.href); }
    }).catch(function () {});
  }
  setInterval(look, 10000);
})();

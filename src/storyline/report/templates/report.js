// Clicking a fact or a quote in a list lights up its spans in the articles and shows the first.
function lightUp(items, attribute) {
  document.querySelectorAll(items).forEach(function (el) {
    el.addEventListener("click", function () {
      var id = el.getAttribute(attribute);
      document.querySelectorAll(".on").forEach(function (x) { x.classList.remove("on"); });
      document.querySelectorAll("[" + attribute + '="' + id + '"]').forEach(function (x) { x.classList.add("on"); });
      var first = document.querySelector("span[" + attribute + '="' + id + '"]');
      if (first) first.scrollIntoView({behavior: "smooth", block: "center"});
    });
  });
}
lightUp(".fact-item", "data-fact");
lightUp(".quote-item", "data-quote");
document.querySelectorAll("[data-entity]").forEach(function (el) {
  if (el.tagName === "MARK") return;
  el.addEventListener("click", function () {
    var id = el.getAttribute("data-entity");
    var on = !el.classList.contains("on");
    document.querySelectorAll(".on").forEach(function (x) { x.classList.remove("on"); });
    if (!on) return;
    document.querySelectorAll('[data-entity="' + id + '"]').forEach(function (x) { x.classList.add("on"); });
    var first = document.querySelector('mark[data-entity="' + id + '"]');
    if (first) first.scrollIntoView({behavior: "smooth", block: "center"});
  });
});

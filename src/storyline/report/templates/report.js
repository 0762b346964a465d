document.querySelectorAll(".fact-item").forEach(function (el) {
  el.addEventListener("click", function () {
    var id = el.getAttribute("data-fact");
    document.querySelectorAll(".on").forEach(function (x) { x.classList.remove("on"); });
    document.querySelectorAll('[data-fact="' + id + '"]').forEach(function (x) { x.classList.add("on"); });
    var first = document.querySelector('span[data-fact="' + id + '"]');
    if (first) first.scrollIntoView({behavior: "smooth", block: "center"});
  });
});
document.querySelectorAll(".quote-item").forEach(function (el) {
  el.addEventListener("click", function () {
    var id = el.getAttribute("data-quote");
    document.querySelectorAll(".on").forEach(function (x) { x.classList.remove("on"); });
    document.querySelectorAll('[data-quote="' + id + '"]').forEach(function (x) { x.classList.add("on"); });
    var first = document.querySelector('span[data-quote="' + id + '"]');
    if (first) first.scrollIntoView({behavior: "smooth", block: "center"});
  });
});
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

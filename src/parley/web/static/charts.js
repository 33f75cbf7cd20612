// Draws every figure a page embeds as JSON (<script type="application/json">) with Plotly.
document.querySelectorAll("[data-figure]").forEach(function (el) {
  var fig = JSON.parse(document.getElementById(el.dataset.figure).textContent);
  Plotly.newPlot(el, fig.data, fig.layout, {responsive: true, displaylogo: false});
});

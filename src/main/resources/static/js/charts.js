// The reports' charts (Chart.js from WebJars). Each <canvas data-chart="bar|doughnut"
// data-table="id"> is drawn from the table it names: the labels are the first cells of its body
// rows, and each column whose heading carries data-series is one series, read from the cells'
// data-value. The chart can never disagree with the table beside it. No inline script (CSP).
(function () {
  'use strict';
  // The tables beside the charts are open on a wide screen and folded on a phone, where the
  // chart comes first and the table is one tap away.
  if (window.matchMedia('(min-width: 768px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(function (details) {
      details.open = true;
    });
  }
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#0d6efd', '#20c997', '#fd7e14', '#6f42c1', '#dc3545', '#ffc107', '#198754', '#0dcaf0',
    '#6c757d', '#d63384'];
  document.querySelectorAll('canvas.report-chart[data-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead tr:first-child > th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody > tr'));
    var labels = rows.map(function (row) {
      return row.children[0].textContent.trim();
    });
    var type = canvas.getAttribute('data-chart');
    var datasets = [];
    heads.forEach(function (th, column) {
      if (!th.hasAttribute('data-series')) {
        return;
      }
      var color = palette[datasets.length % palette.length];
      datasets.push({
        label: th.textContent.trim(),
        data: rows.map(function (row) {
          var cell = row.children[column];
          return cell ? Number(cell.getAttribute('data-value')) : 0;
        }),
        backgroundColor: type === 'doughnut' ? rows.map(function (row, i) {
          return palette[i % palette.length];
        }) : color,
        borderColor: color
      });
    });
    new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: type === 'doughnut' ? 2 : 2.2,
        animation: false,
        plugins: { legend: { display: type === 'doughnut' || datasets.length > 1, position: 'bottom' } },
        scales: type === 'doughnut' ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();

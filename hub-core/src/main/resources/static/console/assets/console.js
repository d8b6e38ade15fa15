// The console's little script: the CSRF header on htmx requests, and ECharts for every [data-chart] element
// (its option as JSON in data-chart), drawn on load and after htmx swaps new content in.
(function () {
  function csrf(detail) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { detail.headers[header.content] = token.content; }
  }

  function drawCharts(root) {
    if (!window.echarts) { return; }
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(JSON.parse(el.getAttribute('data-chart')), true);
      el.setAttribute('data-rendered', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.body.addEventListener('htmx:configRequest', function (e) { csrf(e.detail); });
    document.body.addEventListener('htmx:afterSettle', function (e) { drawCharts(e.target); });
    drawCharts(document);
    window.addEventListener('resize', function () {
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        var chart = window.echarts && echarts.getInstanceByDom(el);
        if (chart) { chart.resize(); }
      });
    });
  });
})();

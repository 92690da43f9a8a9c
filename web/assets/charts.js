// Charts of the KPI and partner pages, drawn with chart.js (served by the board itself) from JSON blocks.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  var BLUE = '#0b4f6c', RED = '#9b1c1c', AMBER = '#a36200', GREEN = '#1d5e2c', GREY = '#4a5560';
  function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function line(id, labels, sets, yTitle, max) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: sets },
      options: { responsive: true, spanGaps: true, scales: { y: { beginAtZero: true, max: max, title: { display: true, text: yTitle } } }, plugins: { legend: { display: sets.length > 1 } } },
    });
  }
  function set(label, values, color, extra) {
    var s = { label: label, data: values, borderColor: color, backgroundColor: color, pointRadius: 3, tension: 0 };
    for (var k in extra || {}) s[k] = extra[k];
    return s;
  }

  var k = data('kpi-data');
  if (k) {
    line('kpi-docs', k.labels, [set('% revisados en 48 h', k.docs, BLUE)], '%', 100);
    line('kpi-draft', k.labels, [set('% borradores a tiempo', k.draft, BLUE)], '%', 100);
    line('kpi-regularization', k.labels, [set('% regularizados en 10 días', k.regularization, BLUE)], '%', 100);
    line('kpi-complaints', k.labels, [set('% informados a tiempo', k.complaints, BLUE)], '%', 100);
    line('kpi-costs', k.labels, [set('Alertas de costo', k.costs, RED)], 'alertas');
    line('kpi-extra', k.labels, [set('S/ facturados', k.extra, GREEN)], 'S/');
    var lev = document.getElementById('kpi-levante');
    if (lev) {
      new Chart(lev, {
        type: 'bar',
        data: {
          labels: k.byChannel.map(function (r) { return r.channel; }),
          datasets: [set('Mediana (h)', k.byChannel.map(function (r) { return r.medianHours; }), BLUE), set('p90 (h)', k.byChannel.map(function (r) { return r.p90Hours; }), AMBER)],
        },
        options: { responsive: true, scales: { y: { beginAtZero: true, title: { display: true, text: 'horas' } } } },
      });
    }
  }

  document.querySelectorAll('canvas.xmr').forEach(function (canvas) {
    var d = data(canvas.getAttribute('data-chart'));
    if (!d) return;
    var flat = function (v) { return d.labels.map(function () { return v; }); };
    var sets = [
      set('Tiempo de servicio (h)', d.hours, BLUE, {
        pointRadius: d.out.map(function (o) { return o ? 7 : 3; }),
        pointStyle: d.out.map(function (o) { return o ? 'crossRot' : 'circle'; }),
        pointBorderColor: d.out.map(function (o) { return o ? RED : BLUE; }),
        pointBackgroundColor: d.out.map(function (o) { return o ? RED : BLUE; }),
        pointBorderWidth: d.out.map(function (o) { return o ? 3 : 1; }),
      }),
    ];
    if (d.center !== null) sets.push(set('Línea central', flat(d.center), GREY, { pointRadius: 0, borderDash: [2, 2] }));
    if (d.ucl !== null) sets.push(set('LCS', flat(d.ucl), RED, { pointRadius: 0, borderDash: [6, 4] }));
    if (d.lcl !== null) sets.push(set('LCI', flat(d.lcl), RED, { pointRadius: 0, borderDash: [6, 4] }));
    if (d.target !== null) sets.push(set('Pactado', flat(d.target), GREEN, { pointRadius: 0, borderDash: [1, 3] }));
    new Chart(canvas, {
      type: 'line',
      data: { labels: d.labels, datasets: sets },
      options: {
        responsive: true,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'horas hábiles' } } },
        plugins: { tooltip: { callbacks: { title: function (items) { var i = items[0].dataIndex; return d.labels[i] + ' · ' + d.dates[i] + (d.out[i] ? ' · fuera de control' : ''); } } } },
      },
    });
  });
})();

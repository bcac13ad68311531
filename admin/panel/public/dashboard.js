/* global document, Chart */
/* Draws the dashboard charts from the JSON block the page embeds (no inline script: strict CSP). */
(function () {
  'use strict';
  var el = document.getElementById('dashboard-data');
  if (!el || typeof Chart === 'undefined') return;
  var d = JSON.parse(el.textContent || '{}');
  var blue = '#2563eb';
  var palette = [
    '#2563eb',
    '#16a34a',
    '#d97706',
    '#dc2626',
    '#7c3aed',
    '#0891b2',
    '#db2777',
    '#65a30d',
    '#475569',
  ];
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) new Chart(canvas, config);
  }
  function pick(list, key) {
    return list.map(function (x) {
      return x[key];
    });
  }
  var integer = { beginAtZero: true, ticks: { precision: 0 } };
  var noLegend = { legend: { display: false } };

  draw('chart-days', {
    type: 'line',
    data: {
      labels: pick(d.byDay, 'day').map(function (s) {
        return s.slice(5);
      }),
      datasets: [
        {
          label: 'new participants',
          data: pick(d.byDay, 'count'),
          borderColor: blue,
          backgroundColor: 'rgba(37,99,235,.15)',
          fill: true,
          tension: 0.25,
        },
      ],
    },
    options: { plugins: noLegend, scales: { y: integer } },
  });
  draw('chart-channels', {
    type: 'doughnut',
    data: {
      labels: pick(d.byChannel, 'channel'),
      datasets: [{ data: pick(d.byChannel, 'count'), backgroundColor: palette }],
    },
    options: { plugins: { legend: { position: 'right' } } },
  });
  draw('chart-status', {
    type: 'bar',
    data: {
      labels: pick(d.proposalsByStatus, 'status').map(function (s) {
        return s.replace('_', ' ');
      }),
      datasets: [{ label: 'proposals', data: pick(d.proposalsByStatus, 'count'), backgroundColor: palette }],
    },
    options: { plugins: noLegend, scales: { y: integer } },
  });
  draw('chart-ballots', {
    type: 'bar',
    data: {
      labels: pick(d.ballots, 'challenge'),
      datasets: [{ label: 'ballots', data: pick(d.ballots, 'count'), backgroundColor: blue }],
    },
    options: { indexAxis: 'y', plugins: noLegend, scales: { x: integer } },
  });
  draw('chart-budget', {
    type: 'bar',
    data: {
      labels: d.budget.map(function (b) {
        return b.challenge + ' (' + b.currency + ')';
      }),
      datasets: [
        { label: 'allocated', data: pick(d.budget, 'allocated'), backgroundColor: '#16a34a' },
        {
          label: 'not allocated',
          data: d.budget.map(function (b) {
            return Math.max(0, b.budget - b.allocated);
          }),
          backgroundColor: '#cbd5e1',
        },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } },
  });
})();

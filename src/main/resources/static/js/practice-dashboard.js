// The participation dashboard: bars of the rate per child unit and a line of participants per month (ECharts),
// drawn from the figures the page carries in data-chart; the table beneath holds the same numbers.
(function () {
  const units = document.getElementById('chart-units');
  if (!units || !window.echarts) return;
  const data = JSON.parse(units.dataset.chart);
  // No animation: the figures are there at once (and screenshots show them, not a bar half grown).
  echarts.init(units).setOption({
    animation: false,
    title: { text: data.rateLabel, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, bottom: 60 },
    xAxis: { type: 'category', data: data.units, axisLabel: { interval: 0, rotate: data.units.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', data: data.rates.map(r => Math.round(r * 100) / 100), itemStyle: { color: '#b71c1c' } }]
  });
  echarts.init(document.getElementById('chart-months')).setOption({
    animation: false,
    title: { text: data.participantsLabel, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 10, bottom: 40 },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', data: data.participants }]
  });
})();

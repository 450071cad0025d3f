// The dashboard's charts (ECharts): the data comes inlined in the page; each chart resizes with the window.
(function () {
  // the data comes as a JSON block and the links as data attributes: no inline script (CSP)
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const linkEl = document.getElementById('dashboard-links');
  const links = {entries: linkEl.dataset.entries, geo: linkEl.dataset.geo};
  const charts = [];
  function chart(id) {
    const el = document.getElementById(id);
    const c = echarts.init(el, null, {renderer: 'canvas'});
    charts.push(c);
    el.dataset.ready = 'true';
    return c;
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  chart('chart-trend').setOption({
    grid: {left: 40, right: 12, top: 20, bottom: 30},
    tooltip: {trigger: 'axis'},
    xAxis: {type: 'category', data: data.trend.map(function (p) { return p.label; }),
      axisLabel: {hideOverlap: true, formatter: function (v) { return v.replace('（', '\n（'); }}},
    yAxis: {type: 'value', minInterval: 1},
    series: [{type: 'line', smooth: true, areaStyle: {opacity: 0.15}, color: '#b71c1c', data: data.trend.map(function (p) { return Number(p.value); })}]
  });

  // the legend is never cut: the chart grows with the number of areas, the legend wraps below the ring
  const areasEl = document.getElementById('chart-areas');
  areasEl.style.height = (220 + Math.ceil(data.focusAreas.length / 2) * 24) + 'px';
  chart('chart-areas').setOption({
    tooltip: {trigger: 'item', formatter: '{b}: {c} ({d}%)'},
    legend: {bottom: 0, left: 'center', type: 'plain', itemWidth: 14, itemHeight: 10, textStyle: {fontSize: 12}},
    series: [{type: 'pie', radius: ['45%', '80%'], center: ['50%', 110], label: {show: false},
      data: data.focusAreas.map(function (p) { return {name: p.label, value: Number(p.value)}; })}]
  });

  // the map is about as tall as it is wide (Yunnan is nearly square): it fills its card at any width
  const mapEl = document.getElementById('chart-map');
  function fitMap() { mapEl.style.height = Math.max(320, Math.min(560, mapEl.clientWidth * 0.9 + 60)) + 'px'; }
  fitMap();
  const map = chart('chart-map');
  window.addEventListener('resize', function () { fitMap(); map.resize(); });
  map.showLoading();
  fetch(links.geo, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap('yunnan', geo);
    const values = {};
    data.counties.forEach(function (p) { values[p.id] = Number(p.value); });
    const key = new Set(data.keyCounties);
    const series = geo.features.map(function (f) {
      const code = f.properties.code;
      const item = {name: code, value: values[code] || 0, countyName: f.properties.name};
      if (key.has(code)) { item.itemStyle = {borderColor: '#222', borderWidth: 1.6}; }
      return item;
    });
    const max = Math.max(1, ...series.map(function (s) { return s.value; }));
    map.hideLoading();
    map.setOption({
      tooltip: {trigger: 'item', formatter: function (p) {
        const d = p.data || {};
        return (d.countyName || p.name) + (key.has(p.name) ? ' ★' : '') + '<br>' + data.mapLabel + '：' + (d.value || 0) + ' ' + data.mapUnit;
      }},
      visualMap: {min: 0, max: max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, calculable: true,
        text: [String(max), '0'], inRange: {color: ['#fff5f0', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d']}},
      series: [{type: 'map', map: 'yunnan', nameProperty: 'code', roam: true, label: {show: false},
        left: 4, right: 4, top: 4, bottom: 48,
        emphasis: {label: {show: true, formatter: function (p) { return (p.data && p.data.countyName) || p.name; }}},
        data: series}]
    });
    map.on('click', function (p) { window.location = links.entries + '&regionCode=' + encodeURIComponent(p.name); });
    document.getElementById('chart-map').dataset.counties = String(series.length);
  });
})();

// Draws every [data-chart] element from the JSON next to it (see Features/Dashboard/Chart.cs); a click opens the
// records behind the segment. No inline script: the page carries data, this file the behaviour.
(function () {
    'use strict';
    if (!window.echarts) return;
    const english = document.documentElement.lang.startsWith('en');
    const palette = ['#c8102e', '#e6862a', '#3b7dd8', '#2e9d6b', '#8a5cc2', '#7a7a7a'];

    function option(spec) {
        const unit = spec.unit || '';
        const tooltip = { trigger: spec.kind === 'Pie' ? 'item' : 'axis', valueFormatter: v => v == null ? '—' : v + unit };
        if (spec.kind === 'Pie') {
            return {
                color: palette, tooltip, legend: { bottom: 0, type: 'scroll' },
                series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
                    data: spec.labels.map((l, i) => ({ name: l, value: spec.series[0].values[i] })),
                    label: { formatter: '{b}: {c}' + unit } }],
            };
        }
        const horizontal = spec.kind === 'HorizontalBar';
        const category = { type: 'category', data: spec.labels, axisLabel: { interval: 0, hideOverlap: true, width: 90, overflow: 'truncate' } };
        const value = { type: 'value', axisLabel: { formatter: '{value}' + unit } };
        return {
            color: palette, tooltip,
            legend: spec.series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
            grid: { left: 8, right: 16, top: spec.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
            xAxis: horizontal ? value : category,
            yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
            series: spec.series.map(s => ({
                name: s.name, type: spec.kind === 'Line' ? 'line' : 'bar', data: s.values,
                stack: spec.kind === 'StackedBar' ? 'all' : undefined, barMaxWidth: 36,
                label: { show: spec.series.length === 1 && spec.kind !== 'Line', position: horizontal ? 'right' : 'top',
                    formatter: p => p.value == null ? '' : p.value + unit },
                connectNulls: false, symbolSize: 10,
            })),
        };
    }

    document.querySelectorAll('[data-chart]').forEach(el => {
        const spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
        const chart = echarts.init(el, null, { locale: english ? 'EN' : 'ZH' });
        chart.setOption(option(spec));
        chart.on('click', p => {
            const series = spec.kind === 'Pie' ? spec.series[0] : spec.series[p.seriesIndex];
            const link = series && series.links[p.dataIndex];
            if (link) window.location.href = link;
        });
        el.style.cursor = 'pointer';
        window.addEventListener('resize', () => chart.resize());
        el.dataset.drawn = 'true';
    });
})();

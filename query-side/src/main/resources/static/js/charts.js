/*
 * Draws each chart from the table beside it, so a chart never shows a number the table does not: the element
 * <div class="chart" data-chart="pie|bar|hbar|line|radar" data-table="county"> reads #table-county, labels from the
 * first column (or data-label-column) and values from the second (or data-value-column), each labelled with the
 * cell's text as the table shows it. Clicking a bar or slice opens the same case list as the figure's link in the
 * table. A radar shows percentages (0–100) and leaves out rows without a value, such as an indicator that does not
 * apply.
 */
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return;
    }
    var palette = ['#b3261e', '#0b5cad', '#2f9e44', '#e67700', '#7048e8', '#0c8599', '#c2255c', '#5c940d'];

    function rows(table, labelColumn, valueColumn) {
        var result = [];
        var body = table.tBodies[0];
        for (var i = 0; i < body.rows.length; i++) {
            var row = body.rows[i];
            if (row.classList.contains('empty')) {
                continue;
            }
            var valueCell = row.cells[valueColumn];
            var link = valueCell.querySelector('a');
            var text = valueCell.textContent.trim();
            result.push({
                name: row.cells[labelColumn].textContent.trim(),
                value: Number(text.replace(/,/g, '')), // an amount carries thousands separators
                text: text,
                empty: text === '',
                href: link ? link.href : null
            });
        }
        return result;
    }

    function option(type, data) {
        if (type === 'radar') {
            var shown = data.filter(function (d) { return !d.empty; });
            return {
                color: palette,
                tooltip: {},
                radar: {indicator: shown.map(function (d) { return {name: d.name, max: 100}; }), radius: '62%',
                    axisName: {color: '#1f2933', fontSize: 11}},
                series: [{type: 'radar', areaStyle: {opacity: 0.2},
                    data: [{value: shown.map(function (d) { return d.value; }), name: ''}]}]
            };
        }
        if (type === 'pie') {
            return {
                color: palette,
                tooltip: {trigger: 'item', formatter: '{b}: {c} ({d}%)'},
                legend: {type: 'scroll', bottom: 0},
                series: [{type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: data,
                    label: {formatter: function (p) { return p.name + '\n' + p.data.text; }}}]
            };
        }
        var names = data.map(function (d) { return d.name; });
        var values = data.map(function (d) { return {value: d.value, href: d.href, text: d.text}; });
        var horizontal = type === 'hbar';
        var category = {type: 'category', data: names, axisLabel: {interval: 0, width: 140, overflow: 'truncate'}};
        var value = {type: 'value', minInterval: 1};
        return {
            color: palette,
            tooltip: {trigger: 'axis'},
            // containLabel keeps the axis labels, six-figure amounts among them, inside the chart.
            grid: {left: 10, right: 40, top: 20, bottom: 10, containLabel: true},
            // Every name under a bar; a long series over time (months) shows as many as fit without overlapping.
            xAxis: horizontal ? value : Object.assign(category,
                {axisLabel: {interval: type === 'line' && names.length > 16 ? 'auto' : 0, rotate: 30}}),
            yAxis: horizontal ? Object.assign(category, {inverse: true}) : value,
            series: [{type: type === 'line' ? 'line' : 'bar', data: values, label: {show: true,
                position: horizontal ? 'right' : 'top', formatter: function (p) { return p.data.text; }},
                labelLayout: {hideOverlap: true}}]
        };
    }

    document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
        var table = document.getElementById('table-' + element.dataset.table);
        if (!table) {
            return;
        }
        var data = rows(table, Number(element.dataset.labelColumn || 0), Number(element.dataset.valueColumn || 1));
        if (element.dataset.chart === 'hbar') {
            // One line per bar, so that long lists (44 bundles) stay readable.
            element.style.height = Math.max(280, data.length * 22 + 40) + 'px';
        }
        var chart = echarts.init(element);
        var chartOption = option(element.dataset.chart, data);
        chart.setOption(chartOption);
        if (element.dataset.chart === 'radar') {
            data = chartOption.series[0].data[0].value;
        }
        chart.on('click', function (params) {
            if (params.data && params.data.href) {
                window.location.href = params.data.href;
            }
        });
        window.addEventListener('resize', function () { chart.resize(); });
        element.dataset.rendered = String(data.length);
    });
}());

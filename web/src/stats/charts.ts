// The statistics page's charts: ECharts with only the pieces used (bar and line charts, grid, tooltip, the
// canvas renderer), registered once. Loaded with a dynamic import by the statistics page, so ECharts is a
// chunk of its own that the explorer does not fetch until someone opens the page.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Series } from './shape.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Chart {
  draw(kind: 'bar' | 'hbar' | 'line', s: Series, onClick?: (key: string) => void): void;
  resize(): void;
  dispose(): void;
}

const COLOR = '#2563eb';

export function chartIn(el: HTMLElement): Chart {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  let click: ((key: string) => void) | undefined;
  let keys: string[] = [];
  chart.on('click', (p) => {
    const key = keys[p.dataIndex];
    if (click && key !== undefined) click(key);
  });
  return {
    draw(kind, s, onClick) {
      click = onClick;
      keys = s.keys;
      const horizontal = kind === 'hbar';
      // Horizontal bars read top-down: ECharts draws the first category at the bottom, so reverse.
      const names = horizontal ? [...s.names].reverse() : s.names;
      const values = horizontal ? [...s.values].reverse() : s.values;
      if (horizontal) keys = [...s.keys].reverse();
      // One readable row per bar: twenty models do not fit the card's default height.
      el.style.height = horizontal ? `${Math.max(280, 22 * names.length + 50)}px` : '';
      chart.resize();
      const category = { type: 'category' as const, data: names, axisLabel: { width: 160, overflow: 'truncate' as const } };
      const value = { type: 'value' as const, minInterval: 1 };
      chart.setOption(
        {
          animation: false,
          grid: { left: horizontal ? 170 : 40, right: 16, top: 16, bottom: 28 },
          tooltip: { trigger: 'axis' },
          xAxis: horizontal ? value : category,
          yAxis: horizontal ? category : value,
          series: [
            {
              type: kind === 'line' ? 'line' : 'bar',
              data: values,
              itemStyle: { color: COLOR },
              label: { show: kind !== 'line', position: horizontal ? 'right' : 'top' },
            },
          ],
        },
        true,
      );
      el.style.cursor = onClick ? 'pointer' : '';
    },
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}

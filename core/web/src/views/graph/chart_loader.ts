// Chart.js is most of the client's weight and only the graph view draws with it: it is loaded
// (a separate chunk) the first time a graph is shown.

import type { Chart as ChartClass } from 'chart.js';

let loading: Promise<typeof ChartClass> | null = null;

export function loadChart(): Promise<typeof ChartClass> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement, m.PieController, m.ArcElement,
      m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip, m.Filler);
    return m.Chart;
  });
  return loading;
}

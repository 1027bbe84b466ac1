// A small bar chart of the totals, drawn as SVG with DOM APIs: no markup strings, no inline styles (CSP);
// colours come from theme variables through classes in coverage.css.
import type { Counts } from '../../coverage/types';
import { fill, type Strings } from './format';

const SVG = 'http://www.w3.org/2000/svg';
const BARS = ['protected', 'unprotected', 'stopped', 'failing', 'stale', 'unknown'] as const;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function totalsChart(strings: Strings, counts: Counts): SVGSVGElement {
  const bars = BARS.filter((b) => (b !== 'unknown' && b !== 'stopped') || counts[b] > 0);
  const rowHeight = 22;
  const labelWidth = 120;
  const barWidth = 220;
  const width = labelWidth + barWidth + 60;
  const height = bars.length * rowHeight + 4;
  const label = fill(strings.chart, { total: counts.total });
  const chart = svg('svg', {
    class: 'chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
  });
  chart.append(svg('title', {}, label));
  const max = Math.max(1, counts.total);
  bars.forEach((bar, i) => {
    const y = i * rowHeight + 2;
    const value = counts[bar];
    chart.append(
      svg('text', { x: 0, y: y + 14, class: 'chart-label' }, strings[bar]),
      svg('rect', { x: labelWidth, y: y + 3, width: barWidth, height: rowHeight - 8, class: 'chart-track' }),
      svg('rect', {
        x: labelWidth,
        y: y + 3,
        width: Math.round((value / max) * barWidth),
        height: rowHeight - 8,
        class: `chart-bar ${bar}`,
      }),
      svg('text', { x: labelWidth + barWidth + 8, y: y + 14, class: 'chart-value' }, String(value)),
    );
  });
  return chart;
}

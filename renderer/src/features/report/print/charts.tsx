/**
 * The report's two charts, drawn as plain React SVG rather than with Recharts: their size is
 * fixed by the A4 page anyway, long Kazakh topic names must wrap onto two lines (Recharts'
 * axis ticks truncate or overlap them), and a chart that is fully drawn on the first render
 * — no measuring, no animation, no resize observer — is what a print window that waits only
 * for fonts needs. The same markup renders in tests.
 */

export interface Bar {
  key: string;
  label: string;
  /** Drawn length; a suppressed "<3" count is drawn at 2. */
  value: number;
  /** What is written at the end of the bar ("124", "<3"). */
  display: string;
}

const FONT = "'PT Sans', sans-serif";
const INK = '#1f3a4d';
const BAR = '#2f6f8f';
const BAR_SOFT = '#9cc2d4';
const GRID = '#d9e1e5';
const MUTED = '#5b6a71';

/** Splits a label into at most two lines of about `max` characters, at word boundaries. */
export function wrapLabel(label: string, max: number): string[] {
  if (label.length <= max) return [label];
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > max && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const rest = lines.slice(1).join(' ');
  return [lines[0] ?? '', rest.length > max ? `${rest.slice(0, max - 1)}…` : rest];
}

/** A pleasant round maximum for the axis: 1, 2, 5 × 10ⁿ steps. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Horizontal bars with their labels on the left: topics, channels. */
export function HBarChart({
  bars,
  title,
  width = 640,
  labelWidth = 230,
}: {
  bars: Bar[];
  title: string;
  width?: number;
  labelWidth?: number;
}) {
  const rowHeight = 27;
  const top = 4;
  const height = top + bars.length * rowHeight + 4;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const plot = width - labelWidth - 56;
  return (
    <svg
      className="report-chart"
      role="img"
      aria-label={title}
      width={width}
      height={height}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      fontFamily={FONT}
    >
      <title>{title}</title>
      {bars.map((bar, i) => {
        const y = top + i * rowHeight;
        const length = Math.max(2, (bar.value / max) * plot);
        const lines = wrapLabel(bar.label, 30);
        return (
          <g key={bar.key} data-bar={bar.key}>
            <text
              x={labelWidth - 10}
              y={y + rowHeight / 2}
              textAnchor="end"
              fontSize={12}
              fill={INK}
            >
              {lines.map((line, n) => (
                <tspan
                  key={line}
                  x={labelWidth - 10}
                  dy={n === 0 ? (lines.length === 1 ? 4 : -3) : 14}
                >
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x={labelWidth}
              y={y + 5.5}
              width={length}
              height={rowHeight - 11}
              rx={2}
              fill={i === 0 ? BAR : BAR_SOFT}
            />
            <text
              x={labelWidth + length + 6}
              y={y + rowHeight / 2 + 4}
              fontSize={12}
              fontWeight={700}
              fill={INK}
            >
              {bar.display}
            </text>
          </g>
        );
      })}
      <line
        x1={labelWidth}
        x2={labelWidth}
        y1={top}
        y2={height - 4}
        stroke={MUTED}
        strokeWidth={1}
      />
    </svg>
  );
}

/** Vertical columns with labels underneath: the months of the quarter. */
export function ColumnChart({
  bars,
  title,
  width = 300,
  height = 190,
}: {
  bars: Bar[];
  title: string;
  width?: number;
  height?: number;
}) {
  const bottom = 26;
  const top = 20;
  const left = 8;
  const plotHeight = height - bottom - top;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const slot = (width - left * 2) / Math.max(1, bars.length);
  const columnWidth = Math.min(56, slot * 0.55);
  return (
    <svg
      className="report-chart"
      role="img"
      aria-label={title}
      width={width}
      height={height}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      fontFamily={FONT}
    >
      <title>{title}</title>
      {[0.5, 1].map((f) => (
        <line
          key={f}
          x1={left}
          x2={width - left}
          y1={top + plotHeight * (1 - f)}
          y2={top + plotHeight * (1 - f)}
          stroke={GRID}
          strokeWidth={1}
        />
      ))}
      {bars.map((bar, i) => {
        const h = Math.max(2, (bar.value / max) * plotHeight);
        const cx = left + slot * i + slot / 2;
        return (
          <g key={bar.key} data-bar={bar.key}>
            <rect
              x={cx - columnWidth / 2}
              y={top + plotHeight - h}
              width={columnWidth}
              height={h}
              rx={2}
              fill={BAR}
            />
            <text
              x={cx}
              y={top + plotHeight - h - 5}
              textAnchor="middle"
              fontSize={12}
              fontWeight={700}
              fill={INK}
            >
              {bar.display}
            </text>
            <text x={cx} y={height - 8} textAnchor="middle" fontSize={12} fill={INK}>
              {bar.label}
            </text>
          </g>
        );
      })}
      <line
        x1={left}
        x2={width - left}
        y1={top + plotHeight}
        y2={top + plotHeight}
        stroke={MUTED}
        strokeWidth={1}
      />
    </svg>
  );
}

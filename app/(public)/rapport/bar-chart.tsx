/**
 * A horizontal bar chart drawn as SVG on the server: no chart library, no JavaScript.
 * The SVG is one image (role="img") named by its <title>, which says every bar's label
 * and value in words; the page puts the same numbers in a real table beside it. Each bar
 * carries its label and value as text, so colour is never the only cue.
 */

export interface Bar {
  label: string;
  value: number;
  /** Its value as shown (formatted for the reader's language). */
  display: string;
  tone: 'ok' | 'brand' | 'error';
}

const WIDTH = 320;
const ROW = 46;
const BAR_HEIGHT = 16;
/** Room kept right of the longest bar for its value. */
const VALUE_ROOM = 44;

export function BarChart({ id, title, alternative, bars }: { id: string; title: string; alternative: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (WIDTH - VALUE_ROOM) / max;
  const height = bars.length * ROW;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg className="chart-svg" role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${WIDTH} ${height}`} focusable="false">
        <title id={`${id}-title`}>{alternative}</title>
        {bars.map((bar, i) => {
          const y = i * ROW;
          const width = bar.value > 0 ? Math.max(2, bar.value * scale) : 0;
          return (
            <g key={bar.label}>
              <text x={0} y={y + 14} className="chart-label">
                {bar.label}
              </text>
              <rect x={0} y={y + 20} width={width} height={BAR_HEIGHT} className={`chart-bar chart-${bar.tone}`} />
              <text x={width + 6} y={y + 20 + BAR_HEIGHT - 3} className="chart-value">
                {bar.display}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

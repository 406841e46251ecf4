/** Paired horizontal bars per activity: actual share (from tasks) beside the time study's baseline. SVG, no chart library. */
import type { AllocationRow } from '../core/time-allocation';
import { useApp } from '../app/app-context';
import { categoryName } from '../i18n/translate';

const ROW = 26;
const LABEL = 230;
const WIDTH = 640;

export function AllocationChart({ rows }: { rows: readonly AllocationRow[] }) {
  const { t } = useApp();
  const max = Math.max(20, ...rows.map((r) => Math.max(r.actual ?? 0, r.baseline)));
  const scale = (v: number) => ((WIDTH - LABEL - 90) * v) / max;
  const height = rows.length * ROW + 30;
  return (
    <svg className="allocation-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('analytics.timeAllocation')} data-testid="allocation-chart">
      <g transform="translate(0, 4)">
        <rect x={LABEL} y={0} width={10} height={10} className="bar-actual" /><text x={LABEL + 14} y={9} className="legend-text">{t('analytics.actual')}</text>
        <rect x={LABEL + 160} y={0} width={10} height={10} className="bar-baseline" /><text x={LABEL + 174} y={9} className="legend-text">{t('analytics.baseline')}</text>
      </g>
      {rows.map((r, i) => {
        const y = 24 + i * ROW;
        return (
          <g key={r.category} transform={`translate(0, ${y})`}>
            <text x={LABEL - 6} y={14} textAnchor="end" className="cat-label">{categoryName(t, r.category)}</text>
            <rect x={LABEL} y={2} width={scale(r.actual ?? 0)} height={9} className="bar-actual" />
            <rect x={LABEL} y={12} width={scale(r.baseline)} height={9} className="bar-baseline" />
            <text x={LABEL + Math.max(scale(r.actual ?? 0), scale(r.baseline)) + 4} y={16} className="bar-value">
              {r.actual === null ? '–' : `${r.actual}%`} / {r.baseline}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}

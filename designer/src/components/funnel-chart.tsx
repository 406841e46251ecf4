/** The stage funnel: orders that reached each stage, and how many are in it now. SVG bars. */
import { useApp } from '../app/app-context';
import { stageName } from '../i18n/translate';
import { STAGE_COLORS } from '../core/stage-bands';

export interface FunnelStage {
  id: string;
  name: string;
  reached: number;
  current: number;
}

export function FunnelChart({ stages }: { stages: readonly FunnelStage[] }) {
  const { t } = useApp();
  const max = Math.max(1, ...stages.map((s) => s.reached));
  const width = 560;
  const row = 40;
  return (
    <svg className="funnel-chart" viewBox={`0 0 ${width} ${stages.length * row + 8}`} role="img" aria-label={t('analytics.funnel')} data-testid="funnel-chart">
      {stages.map((s, i) => {
        const w = Math.max(2, ((width - 200) * s.reached) / max);
        const x = 140 + (width - 200 - w) / 2;
        return (
          <g key={s.id} transform={`translate(0, ${i * row + 4})`}>
            <text x={130} y={22} textAnchor="end" className="cat-label">{stageName(t, s.id, s.name)}</text>
            <rect x={x} y={4} width={w} height={28} rx={4} fill={STAGE_COLORS[i % STAGE_COLORS.length]} opacity={0.85} />
            <text x={140 + (width - 200) / 2} y={23} textAnchor="middle" className="funnel-value">{s.reached}</text>
            <text x={width - 50} y={23} className="bar-value">{s.current} ●</text>
          </g>
        );
      })}
    </svg>
  );
}

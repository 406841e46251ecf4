/** Node kinds to drag onto the canvas (or click to add at the centre). */
import { type DragEvent, memo } from 'react';
import type { NodeType } from '@orderpath/workflows/definition/schema';
import { useApp } from '../app/app-context';
import { PALETTE_MIME } from '../canvas/design-canvas';
import { NODE_KINDS } from '../core/node-kinds';

export const Palette = memo(function Palette({ onAdd }: { onAdd(type: NodeType): void }) {
  const { t } = useApp();
  const onDragStart = (type: NodeType) => (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="palette" aria-label={t('designer.palette')}>
      <h2>{t('designer.palette')}</h2>
      <p className="muted small">{t('designer.paletteHint')}</p>
      <ul>
        {NODE_KINDS.map((k) => (
          <li key={k.type}>
            <button type="button" draggable onDragStart={onDragStart(k.type)} onClick={() => onAdd(k.type)}
              className={`palette-item shape-${k.shape}`} data-testid={`palette-${k.type}`}>
              <span className="palette-glyph">{k.glyph}</span>{t(`kind.${k.type}`)}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
});

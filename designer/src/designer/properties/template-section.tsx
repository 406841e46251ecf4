/** With nothing selected: the template's name, description, no-progress period and stages (with SLA). */
import type { Definition, Stage } from '@orderpath/workflows/definition/schema';
import type { DefinitionMeta } from '../../core/commands/update-meta.command';
import { stageColor } from '../../core/stage-bands';
import { type Translate, stageName } from '../../i18n/translate';
import { DurationProp, TextProp } from './inputs';

interface Props {
  def: Definition;
  t: Translate;
  editMeta(patch: Partial<DefinitionMeta>, field: string): void;
  commit(): void;
}

const VALUE_CHAIN = ['develop', 'place', 'fulfil', 'track', 'expand'];

export function TemplateSection({ def, t, editMeta, commit }: Props) {
  const setStage = (i: number, patch: Partial<Stage>) => editMeta({ stages: def.stages.map((s, j) => (j === i ? { ...s, ...patch } : s)) }, `stage ${i}`);
  const addStage = () => {
    const id = VALUE_CHAIN.find((s) => !def.stages.some((x) => x.id === s)) ?? `stage-${def.stages.length + 1}`;
    editMeta({ stages: [...def.stages, { id, name: stageName(t, id) || id }] }, 'stages');
  };
  return (
    <div className="template-section">
      <h3>{t('props.template')}: <code>{def.key}</code></h3>
      <TextProp id="t-name" label={t('props.name')} value={def.name} onChange={(v) => editMeta({ name: v ?? '' }, 'name')} onCommit={commit} />
      <TextProp id="t-desc" label={t('props.description')} multiline value={def.description} onChange={(v) => editMeta({ description: v }, 'description')} onCommit={commit} />
      <DurationProp id="t-no-progress" label={t('props.noProgressAfter')} value={def.noProgressAfter} onChange={(v) => editMeta({ noProgressAfter: v }, 'noProgressAfter')} onCommit={commit} />
      <fieldset className="prop stages" data-testid="stages">
        <legend>{t('props.stages')}</legend>
        {def.stages.map((s, i) => (
          <div key={i} className="stage-row" style={{ borderLeftColor: stageColor(def, s.id) }}>
            <div className="grid-2">
              <TextProp id={`s-${i}-id`} label={t('props.id')} value={s.id} onChange={(v) => setStage(i, { id: v ?? '' })} onCommit={commit} />
              <TextProp id={`s-${i}-name`} label={t('props.name')} value={s.name} onChange={(v) => setStage(i, { name: v ?? '' })} onCommit={commit} />
            </div>
            <DurationProp id={`s-${i}-sla`} label={t('props.sla')} value={s.sla} onChange={(v) => setStage(i, { sla: v })} onCommit={commit} />
            <button type="button" className="link danger" onClick={() => editMeta({ stages: def.stages.filter((_, j) => j !== i) }, 'stages')}>{t('common.remove')}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={addStage} data-testid="add-stage">{t('props.addStage')}</button>
      </fieldset>
    </div>
  );
}

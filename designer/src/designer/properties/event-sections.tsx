/** Properties of timers, message catches and sub-processes. */
import { DurationProp, ExpressionProp, NumberProp, SelectProp, TextProp } from './inputs';
import { MappingEditor } from './mapping-editor';
import { OUTPUT_ROOTS } from '@orderpath/workflows/definition/expressions';
import { type SectionProps, fieldError } from './prop-context';

export function TimerSection({ node, issues, edit, commit, t }: SectionProps<'timer'>) {
  return (
    <>
      <DurationProp id="p-duration" label={t('props.duration')} value={node.duration} onChange={(v) => edit({ duration: v }, 'duration')} onCommit={commit}
        error={fieldError(issues, 'duration')} testId="prop-duration" />
      <ExpressionProp id="p-until" label={t('props.until')} value={node.until} placeholder="vars.deliveryDate" onChange={(v) => edit({ until: v }, 'until')} onCommit={commit} />
    </>
  );
}

export function MessageSection({ def, node, issues, edit, commit, t }: SectionProps<'messageCatch'>) {
  const outgoing = def.edges.filter((e) => e.source === node.id);
  return (
    <>
      <TextProp id="p-message" label={t('props.message')} value={node.message} onChange={(v) => edit({ message: v ?? '' }, 'message')} onCommit={commit}
        error={fieldError(issues, 'message')} testId="prop-message" />
      <ExpressionProp id="p-corr" label={t('props.correlation')} value={node.correlation} placeholder="order.id" onChange={(v) => edit({ correlation: v }, 'correlation')} onCommit={commit} />
      <DurationProp id="p-expected" label={t('props.expectedWithin')} value={node.expectedWithin} onChange={(v) => edit({ expectedWithin: v }, 'expectedWithin')} onCommit={commit}
        error={fieldError(issues, 'expectedWithin')} />
      <DurationProp id="p-timeout" label={t('props.timeout')} value={node.timeout} onChange={(v) => edit({ timeout: v, timeoutEdge: v ? node.timeoutEdge : undefined }, 'timeout')} onCommit={commit}
        error={fieldError(issues, 'timeout')} />
      {node.timeout && (
        <SelectProp id="p-tedge" label={t('props.timeoutEdge')} value={node.timeoutEdge} empty={t('common.none')}
          options={outgoing.map((e) => ({ value: e.id, label: `${e.id} → ${e.target}` }))} onChange={(v) => edit({ timeoutEdge: v }, 'timeoutEdge')}
          error={fieldError(issues, 'timeoutEdge')} />
      )}
    </>
  );
}

export function SubProcessSection({ node, issues, edit, commit, t, templates }: SectionProps<'subProcess'>) {
  return (
    <>
      <TextProp id="p-tkey" label={t('props.templateKey')} value={node.templateKey} list="template-keys" onChange={(v) => edit({ templateKey: v ?? '' }, 'templateKey')} onCommit={commit}
        error={fieldError(issues, 'templateKey')} />
      <datalist id="template-keys">{templates.map((k) => <option key={k} value={k} />)}</datalist>
      <NumberProp id="p-tver" label={t('props.templateVersion')} integer value={node.templateVersion} onChange={(v) => edit({ templateVersion: v }, 'templateVersion')} onCommit={commit} />
      <MappingEditor label={t('props.input')} value={node.input} onChange={(v) => edit({ input: v }, 'input')} onCommit={commit} />
      <MappingEditor label={t('props.output')} value={node.output} options={{ roots: OUTPUT_ROOTS }} onChange={(v) => edit({ output: v }, 'output')} onCommit={commit} />
    </>
  );
}

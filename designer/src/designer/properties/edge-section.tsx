/** An edge's name, condition (live syntax check) and default flag; also used per outgoing edge of a gateway. */
import type { Definition, Edge } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import type { Translate } from '../../i18n/translate';
import { CheckProp, ExpressionProp, TextProp } from './inputs';

interface Props {
  def: Definition;
  edge: Edge;
  issues: readonly ValidationIssue[];
  t: Translate;
  editEdge(edgeId: string, patch: Record<string, unknown>, field: string): void;
  setDefault(edgeId: string, value: boolean): void;
  commit(): void;
  compact?: boolean;
}

export function EdgeSection({ def, edge, issues, t, editEdge, setDefault, commit, compact }: Props) {
  const source = def.nodes.find((n) => n.id === edge.source);
  const fromGateway = source?.type === 'exclusiveGateway';
  const conditionIssue = issues.find((i) => i.edgeId === edge.id && /condition/.test(i.code))?.message ?? null;
  return (
    <div className="edge-section" data-testid={`edge-props-${edge.id}`}>
      {compact ? <h3>{t('props.edge', { id: edge.id })} → {def.nodes.find((n) => n.id === edge.target)?.name ?? edge.target}</h3> : (
        <TextProp id={`e-${edge.id}-name`} label={t('props.name')} value={edge.name} onChange={(v) => editEdge(edge.id, { name: v }, 'name')} onCommit={commit} />
      )}
      {(fromGateway || edge.condition) && (
        <>
          <ExpressionProp id={`e-${edge.id}-cond`} label={t('props.condition')} value={edge.condition} error={edge.default ? null : conditionIssue}
            onChange={(v) => editEdge(edge.id, { condition: v }, 'condition')} onCommit={commit} testId="prop-condition" />
          <CheckProp id={`e-${edge.id}-default`} label={t('props.defaultEdge')} value={Boolean(edge.default)} onChange={(v) => setDefault(edge.id, v)} testId="prop-default" />
        </>
      )}
    </div>
  );
}

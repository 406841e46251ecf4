/** The right-hand panel: the selected node's or edge's properties, or the template's. */
import { type Definition, type Node, type NodeOf } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import { useState } from 'react';
import { useApp } from '../../app/app-context';
import type { DefinitionMeta } from '../../core/commands/update-meta.command';
import type { IssueIndex } from '../../core/issue-index';
import { stageName } from '../../i18n/translate';
import { EdgeSection } from './edge-section';
import { MessageSection, SubProcessSection, TimerSection } from './event-sections';
import { SelectProp, TextProp } from './inputs';
import type { SectionProps } from './prop-context';
import { ServiceTaskSection, UserTaskSection } from './task-sections';
import { TemplateSection } from './template-section';
import { IssueMessage } from '../issue-message';

export interface PanelActions {
  editNode(nodeId: string, patch: Record<string, unknown>, field: string): void;
  renameNode(from: string, to: string): boolean;
  editEdge(edgeId: string, patch: Record<string, unknown>, field: string): void;
  setDefault(edgeId: string, value: boolean): void;
  editMeta(patch: Partial<DefinitionMeta>, field: string): void;
  commit(): void;
}

interface Props {
  def: Definition;
  selection: { nodes: string[]; edges: string[] };
  index: IssueIndex;
  actions: PanelActions;
  activities: readonly string[];
  templates: readonly string[];
}

function IdInput({ node, rename }: { node: Node; rename(from: string, to: string): boolean }) {
  const { t } = useApp();
  const [draft, setDraft] = useState(node.id);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (draft === node.id) return;
    if (!rename(node.id, draft)) setError(t('props.idTaken'));
    else setError(null);
  };
  return (
    <div className={`prop${error ? ' prop-invalid' : ''}`}>
      <label htmlFor="p-id">{t('props.id')}</label>
      <input id="p-id" className="mono" value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} data-testid="prop-id" />
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

function KindSection(props: SectionProps) {
  switch (props.node.type) {
    case 'userTask': return <UserTaskSection {...(props as SectionProps<'userTask'>)} />;
    case 'serviceTask': return <ServiceTaskSection {...(props as SectionProps<'serviceTask'>)} />;
    case 'timer': return <TimerSection {...(props as SectionProps<'timer'>)} />;
    case 'messageCatch': return <MessageSection {...(props as SectionProps<'messageCatch'>)} />;
    case 'subProcess': return <SubProcessSection {...(props as SectionProps<'subProcess'>)} />;
    default: return null;
  }
}

function NodeIssues({ issues }: { issues: readonly ValidationIssue[] }) {
  if (!issues.length) return null;
  return <ul className="node-issues">{issues.map((i, k) => <li key={k} className={`issue-${i.severity}`}><IssueMessage issue={i} /></li>)}</ul>;
}

export function PropertiesPanel({ def, selection, index, actions, activities, templates }: Props) {
  const { t } = useApp();
  const node = selection.nodes.length === 1 ? def.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edge = !node && selection.edges.length === 1 ? def.edges.find((e) => e.id === selection.edges[0]) : undefined;
  const edgeIssues = (id: string) => index.byEdge.get(id) ?? [];

  if (node) {
    const issues = index.byNode.get(node.id) ?? [];
    const edit = (patch: Record<string, unknown>, field: string) => actions.editNode(node.id, patch, field);
    const section: SectionProps = { def, node: node as NodeOf<typeof node.type>, issues, edit, commit: actions.commit, t, activities, templates };
    const outgoing = def.edges.filter((e) => e.source === node.id);
    return (
      <aside className="properties" data-testid="properties" data-node={node.id}>
        <h2>{t('props.title')} · {t(`kind.${node.type}`)}</h2>
        <NodeIssues issues={issues} />
        <IdInput key={`id-${node.id}`} node={node} rename={actions.renameNode} />
        <TextProp id="p-name" label={t('props.name')} value={node.name} onChange={(v) => edit({ name: v }, 'name')} onCommit={actions.commit} testId="prop-name" />
        <SelectProp id="p-stage" label={t('props.stage')} value={node.stage} empty={t('common.none')}
          options={def.stages.map((s) => ({ value: s.id, label: stageName(t, s.id, s.name) }))} onChange={(v) => edit({ stage: v }, 'stage')} testId="prop-stage" />
        <KindSection key={`kind-${node.id}`} {...section} />
        {node.type === 'exclusiveGateway' && (
          <fieldset className="prop outgoing"><legend>{t('props.outgoing')}</legend>
            {outgoing.map((e) => (
              <EdgeSection key={e.id} def={def} edge={e} issues={edgeIssues(e.id)} t={t} compact editEdge={actions.editEdge} setDefault={actions.setDefault} commit={actions.commit} />
            ))}
          </fieldset>
        )}
        <TextProp id="p-doc" label={t('props.description')} multiline value={node.documentation} onChange={(v) => edit({ documentation: v }, 'documentation')} onCommit={actions.commit} />
      </aside>
    );
  }
  if (edge) {
    return (
      <aside className="properties" data-testid="properties" data-edge={edge.id}>
        <h2>{t('props.title')} · {t('props.edge', { id: edge.id })}</h2>
        <NodeIssues issues={edgeIssues(edge.id)} />
        <p className="muted">{edge.source} → {edge.target}</p>
        <EdgeSection def={def} edge={edge} issues={edgeIssues(edge.id)} t={t} editEdge={actions.editEdge} setDefault={actions.setDefault} commit={actions.commit} />
      </aside>
    );
  }
  return (
    <aside className="properties" data-testid="properties">
      <h2>{t('props.title')}</h2>
      <TemplateSection def={def} t={t} editMeta={actions.editMeta} commit={actions.commit} />
    </aside>
  );
}

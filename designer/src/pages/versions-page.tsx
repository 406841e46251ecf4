/** A template's versions, and a visual diff between any two (or a version and the draft). */
import { useCallback, useMemo, useState } from 'react';
import type { Definition, NodeType } from '@orderpath/workflows/definition/schema';
import { getTemplate, getVersion, getVersionBpmn } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { useAsync } from '../app/use-async';
import { GraphView } from '../canvas/graph-view';
import type { Decorations, Mark } from '../canvas/flow-types';
import { ErrorNotice, Loading } from '../components/notice';
import { needsLayout, withLayout } from '../core/layout';
import { countChanges, diffDefinitions } from '../core/version-diff';
import { definitionToBpmn, downloadText } from '../designer/bpmn-files';
import { formatDateTime, stageName } from '../i18n/translate';
import { normaliseDraft } from './designer-page';

type Pick = number | 'draft';

function parsePick(v: string): Pick {
  return v === 'draft' ? 'draft' : Number(v);
}

function DiffView({ from, to }: { from: Definition; to: Definition }) {
  const { t } = useApp();
  const diff = useMemo(() => diffDefinitions(from, to), [from, to]);
  const counts = countChanges(diff);
  const def = useMemo(() => {
    const merged = { ...to, ...diff.merged } as Definition;
    return needsLayout(merged) ? withLayout(merged) : merged;
  }, [to, diff]);
  const deco = useMemo<Decorations>(() => {
    const marks = new Map<string, Mark>();
    const edgeMarks = new Map<string, Mark>();
    for (const [id, c] of diff.nodes) if (c !== 'same') marks.set(id, c);
    for (const [id, c] of diff.edges) if (c !== 'same') edgeMarks.set(id, c);
    return { marks, edgeMarks };
  }, [diff]);
  const kindLabel = useCallback((type: NodeType) => t(`kind.${type}`), [t]);
  const stageLabel = useCallback((id: string) => stageName(t, id, def.stages.find((s) => s.id === id)?.name), [t, def.stages]);
  const changed = [...diff.nodes, ...diff.edges].filter(([, c]) => c !== 'same');
  return (
    <div className="stack">
      <p data-testid="diff-summary"><strong>{t('versions.summary', counts)}</strong></p>
      <div className="legend row"><span className="chip mark-added">{t('versions.added')}</span><span className="chip mark-removed">{t('versions.removed')}</span><span className="chip mark-changed">{t('versions.changed')}</span></div>
      <GraphView key={`${from.version}-${to.version}-${changed.length}`} def={def} deco={deco} kindLabel={kindLabel} stageLabel={stageLabel} testId="diff-graph" height={460} />
      <table className="data" data-testid="diff-list">
        <tbody>
          {changed.map(([id, c]) => (
            <tr key={id} className={`mark-${c}`}><td><code>{id}</code></td><td>{t(`versions.${c as 'added'}`)}</td><td className="muted">{diff.fields.get(id)?.join(', ')}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VersionsPage({ templateKey }: { templateKey: string }) {
  const { t, lang } = useApp();
  const template = useAsync(() => getTemplate(templateKey), [templateKey]);
  const versions = template.data?.versions ?? [];
  const latest = versions[0]?.version;
  const [from, setFrom] = useState<Pick | null>(null);
  const [to, setTo] = useState<Pick | null>(null);
  const fromPick: Pick = from ?? (versions[1]?.version ?? latest ?? 'draft');
  const toPick: Pick = to ?? (versions.length > 1 ? latest! : 'draft');
  const load = useCallback(async (p: Pick): Promise<Definition> => (p === 'draft'
    ? normaliseDraft(templateKey, template.data!.draft, template.data!.name)
    : getVersion(templateKey, p)), [templateKey, template.data]);
  const pair = useAsync(async () => (template.data ? Promise.all([load(fromPick), load(toPick)]) : null), [template.data, fromPick, toPick]);
  const exportVersion = async (v: number) => {
    const xml = (await getVersionBpmn(templateKey, v)) ?? (await definitionToBpmn(await getVersion(templateKey, v)));
    downloadText(`${templateKey}-v${v}.bpmn`, xml);
  };

  if (template.loading && !template.data) return <Loading />;
  const options = [...versions.map((v) => ({ value: String(v.version), label: `v${v.version}` })), { value: 'draft', label: t('versions.draft') }];
  return (
    <section className="versions">
      <div className="page-head">
        <Link to={`/templates/${templateKey}`}>← {templateKey}</Link>
        <h1>{t('versions.title', { key: templateKey })}</h1>
      </div>
      <ErrorNotice error={template.error ?? pair.error} />
      <div className="grid-versions">
        <table className="data" data-testid="version-list">
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td><td className="muted">{formatDateTime(lang, v.publishedAt)}</td>
                <td><button type="button" className="link" onClick={() => void exportVersion(v.version)}>BPMN</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="filters">
          <label>{t('versions.from')}<select value={String(fromPick)} onChange={(e) => setFrom(parsePick(e.target.value))} data-testid="diff-from">{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select></label>
          <label>{t('versions.to')}<select value={String(toPick)} onChange={(e) => setTo(parsePick(e.target.value))} data-testid="diff-to">{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select></label>
        </div>
      </div>
      {pair.data ? <DiffView from={pair.data[0]} to={pair.data[1]} /> : <Loading />}
    </section>
  );
}

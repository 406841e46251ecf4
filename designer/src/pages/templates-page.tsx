/** Templates: the list, a new template, and BPMN import (the API's, or client-side when missing). */
import { type FormEvent, useState } from 'react';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { errorText } from '../api/client';
import { createTemplate, importBpmnOnServer, listTemplates } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { Link } from '../app/nav';
import { navigate } from '../app/router';
import { useAsync } from '../app/use-async';
import { ErrorNotice, Loading, Notice } from '../components/notice';
import { bpmnToDefinition, pickFile } from '../designer/bpmn-files';
import { formatDateTime, stageName } from '../i18n/translate';

const VALUE_CHAIN = ['develop', 'place', 'fulfil', 'track', 'expand'];
const KEY_RE = /^[a-z0-9][a-z0-9-]*$/;

function NewTemplate({ onError }: { onError(err: unknown): void }) {
  const { t } = useApp();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const definition = {
      key, name, stages: VALUE_CHAIN.map((id) => ({ id, name: stageName(t, id) })),
      nodes: [{ id: 'start', type: 'start', name: 'Start', position: { x: 0, y: 100 } }], edges: [],
    } as Definition;
    try {
      await createTemplate(key, name, definition);
      navigate(`/templates/${key}`);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <form className="card row new-template" onSubmit={submit} data-testid="new-template">
      <strong>{t('templates.new')}</strong>
      <input aria-label={t('templates.key')} placeholder="ka-entry" value={key} pattern="[a-z0-9][a-z0-9\-]*" required onChange={(e) => setKey(e.target.value.toLowerCase())} name="key" />
      <input aria-label={t('templates.name')} placeholder={t('templates.name')} value={name} required onChange={(e) => setName(e.target.value)} name="name" />
      <button type="submit" className="primary" disabled={!KEY_RE.test(key) || !name}>{t('templates.create')}</button>
    </form>
  );
}

/** Imports a BPMN file as the draft of `key` (created when new). */
async function importFile(xml: string, key: string): Promise<{ key: string; warnings: number }> {
  const server = await importBpmnOnServer(xml, key);
  if (server) return { key: server.key, warnings: server.warnings.length };
  const { definition, warnings } = await bpmnToDefinition(xml);
  const def = { ...definition, key: key || definition.key } as Definition;
  delete def.version;
  await createTemplate(def.key, def.name, def);
  return { key: def.key, warnings: warnings.length };
}

function ImportBpmn({ onError }: { onError(err: unknown): void }) {
  const { t } = useApp();
  const [key, setKey] = useState('');
  const [result, setResult] = useState<{ key: string; warnings: number } | null>(null);
  const pick = async () => {
    const file = await pickFile();
    if (!file) return;
    try {
      setResult(await importFile(file.text, key || file.name.replace(/\.(bpmn|xml)$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-')));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <div className="card row" data-testid="import-bpmn">
      <label className="row">{t('templates.importKey')} <input name="import-key" value={key} placeholder="my-process" onChange={(e) => setKey(e.target.value.toLowerCase())} /></label>
      <button type="button" onClick={() => void pick()} data-testid="import-bpmn-button">{t('templates.importBpmn')}</button>
      {result && (
        <Notice kind={result.warnings ? 'warning' : 'success'} testId="imported">
          {t('templates.imported', { key: result.key, count: result.warnings })} <Link to={`/templates/${result.key}`}>{t('common.open')}</Link>
        </Notice>
      )}
    </div>
  );
}

export function TemplatesPage() {
  const { t, lang } = useApp();
  const list = useAsync(() => listTemplates(), []);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="templates page-narrow">
      <div className="page-head"><h1>{t('templates.title')}</h1></div>
      <NewTemplate onError={setError} />
      <ImportBpmn onError={(err) => { setError(err); list.reload(); }} />
      {error ? <Notice kind="error">{errorText(error)}</Notice> : null}
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : (
        <table className="data" data-testid="template-list">
          <thead><tr><th>{t('templates.key')}</th><th>{t('templates.name')}</th><th>{t('templates.latest')}</th><th /></tr></thead>
          <tbody>
            {(list.data?.items ?? []).map((x) => (
              <tr key={x.key}>
                <td><Link to={`/templates/${x.key}`}><code>{x.key}</code></Link></td>
                <td>{x.name}</td>
                <td>{x.latestVersion ?? <span className="muted">{t('templates.draftOnly')}</span>} <span className="muted small">{formatDateTime(lang, x.updatedAt)}</span></td>
                <td><Link to={`/templates/${x.key}/versions`}>{t('designer.versions')}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Supervisor actions on an order: send a message, cancel, migrate to another version. All audited by the API. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorText } from '../api/client';
import { cancelOrder, migrateOrder, sendMessage } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { Notice } from './notice';

function ActionForm({ title, children, submit, testId, danger }: { title: string; children: ReactNode; submit(): Promise<unknown>; testId: string; danger?: boolean }) {
  const { t } = useApp();
  const [state, setState] = useState<{ ok?: boolean; text?: string }>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await submit();
      setState({ ok: true, text: t('order.done') });
    } catch (err) {
      setState({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="action-form" onSubmit={onSubmit} data-testid={testId}>
      <h3>{title}</h3>
      {children}
      <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>{title}</button>
      {state.text && <Notice kind={state.ok ? 'success' : 'error'}>{state.text}</Notice>}
    </form>
  );
}

function parseJson(text: string): unknown {
  return text.trim() ? JSON.parse(text) : undefined;
}

export function OrderActions({ orderId, versions, onDone }: { orderId: string; versions: number[]; onDone(): void }) {
  const { t } = useApp();
  const [message, setMessage] = useState('paymentReceived');
  const [payload, setPayload] = useState('');
  const [reason, setReason] = useState('');
  const [toVersion, setToVersion] = useState(versions[0] ?? 1);
  const [mapping, setMapping] = useState('');
  const done = <T,>(p: Promise<T>) => p.then((v) => { onDone(); return v; });
  return (
    <div className="order-actions">
      <ActionForm title={t('order.sendMessage')} testId="send-message" submit={() => done(sendMessage(orderId, message, parseJson(payload)))}>
        <label>{t('order.messageName')}<input value={message} onChange={(e) => setMessage(e.target.value)} required name="message" /></label>
        <label>{t('order.payload')}<input className="mono" value={payload} placeholder='{"amount": 1000}' onChange={(e) => setPayload(e.target.value)} name="payload" /></label>
      </ActionForm>
      <ActionForm title={t('order.migrate')} testId="migrate" submit={() => done(migrateOrder(orderId, toVersion, (parseJson(mapping) ?? {}) as Record<string, string>))}>
        <label>{t('order.toVersion')}<select value={toVersion} onChange={(e) => setToVersion(Number(e.target.value))}>{versions.map((v) => <option key={v} value={v}>v{v}</option>)}</select></label>
        <label>{t('order.nodeMapping')}<input className="mono" value={mapping} placeholder='{"old-node": "new-node"}' onChange={(e) => setMapping(e.target.value)} /></label>
      </ActionForm>
      <ActionForm title={t('order.cancel')} testId="cancel-order" danger submit={() => done(cancelOrder(orderId, reason))}>
        <label>{t('order.cancelReason')}<input value={reason} onChange={(e) => setReason(e.target.value)} required name="cancel-reason" /></label>
      </ActionForm>
    </div>
  );
}

/** The lean fibers' `startService` port: the host hands the activity's result over as it came. */
import { chain, def, node } from '../definition/test-builders';
import { FakePorts } from './fake-ports';
import type { ServiceCall } from './ports';
import { startProcess } from './process-harness';

/** FakePorts with the callback form of the port, answering each call with a raw value. */
class CallbackPorts extends FakePorts {
  raw: Record<string, unknown> = {};

  startService(call: ServiceCall, done: (result: unknown) => void, failed: (error: unknown) => void): void {
    this.serviceCalls.push(call);
    void Promise.resolve().then(() => (call.activity in this.raw ? done(this.raw[call.activity]) : failed(new Error(`no raw fake for ${call.activity}`))));
  }
}

describe('startService (lean fibers)', () => {
  const flow = def(
    [node('start', 'start'), node('price', 'serviceTask', { activity: 'quote', output: { total: 'result.result' } }),
      node('check', 'serviceTask', { activity: 'verify', output: { ok: 'result.ok' } }), node('end', 'end')],
    chain('start', 'price', 'check', 'end'),
  );

  it('given an activity that returns a number, when it settles, then it is taken as { result }, as runService does', async () => {
    // given
    const ports = new CallbackPorts();
    ports.raw = { quote: 42, verify: { ok: true } };
    // when
    const h = startProcess(flow, { ports });
    // then
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { total: 42, ok: true } });
    expect(ports.serviceCalls.map((c) => c.activity)).toEqual(['quote', 'verify']);
  });

  it('given an activity that returns a record, when it settles, then the record is the result as with runService', async () => {
    // given
    const ports = new CallbackPorts();
    ports.raw = { quote: { result: 7 }, verify: { ok: false } };
    // when
    const h = startProcess(flow, { ports });
    // then
    await expect(h.result).resolves.toEqual({ status: 'completed', vars: { total: 7, ok: false } });
  });
});

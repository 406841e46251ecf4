/**
 * A new order is started with the current patch ids in its input (NEW_ORDER_PATCHES): the workflow
 * takes them as applying without `patched()`, so its history has no patch marker and no
 * `TemporalChangeVersion` upsert. An order started without the list still asks `patched()`.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { chain, def, node } from '@orderpath/workflows/definition/test-builders';
import { useTimeSkippingHarness } from './helpers/harness';
import { checked, startOrder, uniqueKey } from './helpers/orders';

const harness = useTimeSkippingHarness();

const timerOnly = () => checked(def(
  [node('start', 'start'), node('wait', 'timer', { duration: 'PT1M' }), node('end', 'end')],
  chain('start', 'wait', 'end'), { key: uniqueKey('pinned'), name: 'Pinned patches' },
));

async function versioningEvents(handle: WorkflowHandle): Promise<{ patchMarkers: number; changeVersionUpserts: number }> {
  const events = (await handle.fetchHistory()).events ?? [];
  return {
    patchMarkers: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').length,
    changeVersionUpserts: events.filter((e) =>
      Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).includes('TemporalChangeVersion')).length,
  };
}

describe('given a template with one timer', () => {
  it('when a new order runs with its patches pinned in the input, then it completes without a patch marker or TemporalChangeVersion upsert', async () => {
    const { handle } = await startOrder(harness.h, timerOnly());
    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
    expect(await versioningEvents(handle)).toEqual({ patchMarkers: 0, changeVersionUpserts: 0 });
  });

  it('when an order is started without the list, then it asks patched(): the check above is not vacuous', async () => {
    const { handle } = await startOrder(harness.h, timerOnly(), { patches: undefined });
    await expect(handle.result()).resolves.toMatchObject({ status: 'completed' });
    const seen = await versioningEvents(handle);
    expect(seen.patchMarkers).toBeGreaterThan(0);
  });
});

/**
 * Preloaded (`-r`) into engine worker children: the Temporal SDK runs workflows in worker threads,
 * whose V8 heaps process.memoryUsage() does not see. Each thread answers a `measure` request on a
 * BroadcastChannel with its used heap after a full GC (the process runs with --expose-gc).
 */
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';
import v8 from 'node:v8';

export const HEAP_CHANNEL = 'orderpath-bench-heap';

export interface HeapReply {
  id: number;
  threadId: number;
  usedBytes: number;
}

if (!isMainThread) {
  const channel = new BroadcastChannel(HEAP_CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const { id } = (event as { data: { id: number } }).data;
    global.gc?.();
    channel.postMessage({ id, threadId, usedBytes: v8.getHeapStatistics().used_heap_size } satisfies HeapReply);
  };
}

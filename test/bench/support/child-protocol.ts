/**
 * The child side of the IPC used by forked benchmark processes: the parent sends
 * `{ id, type, args }`, the child answers `{ id, ok, result | error }`. `ready` is announced
 * once with `{ ready: true }`.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { HEAP_CHANNEL, type HeapReply } from './heap-probe';
type Handler = (args: never) => unknown;

export function serveParent(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('this file is a benchmark child process: the bench runner forks it');
  process.on('message', (msg: { id: number; type: string; args: unknown }) => {
    const handler = handlers[msg.type];
    void Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${msg.type}`);
        return handler(msg.args as never);
      })
      .then(
        (result) => process.send!({ id: msg.id, ok: true, result }),
        (err: unknown) => process.send!({ id: msg.id, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
      );
  });
}

/** CPU and memory of this process. */
export interface ProcessStats {
  cpuMs: number;
  rssMb: number;
  /** V8 heap in use, main thread plus (when collected) the worker threads that run heap-probe.ts. */
  heapUsedMb: number;
}

/**
 * With `collect`, first a full GC in every thread (needs --expose-gc and heap-probe.ts preloaded
 * for the worker threads), so memory figures are live data rather than garbage.
 */
export async function processStats(collect: boolean): Promise<ProcessStats> {
  let threadsBytes = 0;
  if (collect && global.gc) {
    threadsBytes = await threadHeaps();
    global.gc();
    global.gc();
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: mem.rss / 2 ** 20, heapUsedMb: (mem.heapUsed + threadsBytes) / 2 ** 20 };
}

let requests = 0;

/** Sum of the worker threads' heaps after their GC; threads answer within the wait or not at all. */
async function threadHeaps(waitMs = 500): Promise<number> {
  const channel = new BroadcastChannel(HEAP_CHANNEL);
  const id = ++requests;
  const replies = new Map<number, number>();
  channel.onmessage = (event) => {
    const reply = (event as { data: HeapReply }).data;
    if (reply.id === id) replies.set(reply.threadId, reply.usedBytes);
  };
  channel.postMessage({ id });
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  channel.close();
  return [...replies.values()].reduce((a, b) => a + b, 0);
}

/**
 * The child side of the IPC used by forked benchmark processes: the parent sends
 * `{ id, type, args }`, the child answers `{ id, ok, result | error }`. `ready` is announced
 * once with `{ ready: true }`.
 */
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

/** CPU and memory of this process, after a full GC when the process runs with --expose-gc. */
export interface ProcessStats {
  cpuMs: number;
  rssMb: number;
  heapUsedMb: number;
}

export function processStats(collect: boolean): ProcessStats {
  if (collect && global.gc) {
    global.gc();
    global.gc();
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: mem.rss / 2 ** 20, heapUsedMb: mem.heapUsed / 2 ** 20 };
}

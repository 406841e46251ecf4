/**
 * Child processes of a benchmark: CPU and memory are measured per process, so each side of a
 * comparison runs in its own. Everything started here is stopped by stopAll(), also on a crash.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sleep } from './stats';

export const ROOT = path.resolve(__dirname, '../../..');
const started = new Set<ChildProcess>();

/** A /proc …/stat line: the command name (which may hold spaces) and CPU ms, own and of reaped children. */
interface ProcStat { name: string; parentPid: number; cpuMs: number; childrenCpuMs: number }
const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

/** Reads a /proc …/stat file; undefined when the process or thread has ended meanwhile. */
function readStat(file: string): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name start at index 2 of the split.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ms = (a: number, b: number) => ((Number(fields[a]) + Number(fields[b])) * 1000) / CLOCK_TICKS;
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), parentPid: Number(fields[1]), cpuMs: ms(11, 12), childrenCpuMs: ms(13, 14) };
}

/** CPU time (user + system, all threads) of a process, from /proc; ms. */
export function cpuMsOf(pid: number): number {
  const stat = readStat(`/proc/${pid}/stat`);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return stat.cpuMs;
}

/**
 * CPU ms of every PostgreSQL process on this machine — server, background workers, backends — with
 * those that ended since it started (their time is in the postmaster's reaped-children counters).
 */
export function allPostgresCpuMs(): number {
  const stats = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map((pid) => readStat(`/proc/${pid}/stat`));
  const postgres = stats.filter((stat): stat is ProcStat => stat?.name === 'postgres');
  const isPostgres = (pid: number) => readStat(`/proc/${pid}/stat`)?.name === 'postgres';
  return postgres.reduce((total, stat) => total + stat.cpuMs + (isPostgres(stat.parentPid) ? 0 : stat.childrenCpuMs), 0);
}

/**
 * CPU ms of a process's threads, summed by thread name with numbers dropped ("main" for the main
 * thread, "tokio-runtime-w", "node"): which part of a process (main JS thread, other JS threads and
 * GC helpers, native runtime) did the work.
 */
export function cpuMsByThread(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
    if (!stat) continue;
    // The main thread is told apart; Node 20 leaves its other threads (workers, GC helpers) named like it.
    const name = tid === String(pid) ? 'main' : stat.name.replace(/[\d#]+/g, '').trim() || '?';
    out[name] = (out[name] ?? 0) + stat.cpuMs;
  }
  return out;
}

/** Spawns a long-running process whose output is kept (the tail is shown if it dies). */
export function spawnService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return track(new Service(name, child));
}

/**
 * BENCH_CPU_PROF=DIR: every Node child writes a V8 CPU profile into DIR when stopped (open it in
 * Chrome DevTools or summarise it with test/bench/support/profile-summary.ts).
 */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`, '-r', path.join(__dirname, 'profile-preload.ts')] : [];
}

/** Runs a TypeScript entry point of the repository (`node -r @swc-node/register FILE`). */
export function spawnTs(name: string, file: string, env: NodeJS.ProcessEnv): Service {
  return spawnService(name, process.execPath, ['-r', '@swc-node/register', ...profileArgs(), file], env);
}

/** Forks a TypeScript entry point with an IPC channel (see child-protocol.ts). */
export function forkTs(name: string, file: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): Service {
  const child = fork(file, [], { cwd: ROOT, env, execArgv: ['-r', '@swc-node/register', ...profileArgs(), ...execArgv], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  return track(new Service(name, child));
}

function track(service: Service): Service {
  started.add(service.child);
  service.child.once('exit', () => started.delete(service.child));
  return service;
}

export class Service {
  private output = '';
  private exited = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(readonly name: string, readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => { this.output = (this.output + chunk.toString()).slice(-20_000); };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (msg: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      const waiter = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id!);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(`${this.name}: ${msg.error}`));
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${this.name} exited (${signal ?? code}):\n${this.tail()}`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return !this.exited;
  }

  cpuMs(): number {
    return cpuMsOf(this.pid);
  }

  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  /** Resolves when the output contains `text`; rejects if the process exits first or on timeout. */
  async waitForOutput(text: string | RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const found = () => (typeof text === 'string' ? this.output.includes(text) : text.test(this.output));
    while (!found()) {
      if (this.exited) throw new Error(`${this.name} exited before it was ready:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} not ready after ${timeoutMs / 1000}s:\n${this.tail()}`);
      await sleep(100);
    }
  }

  /** Sends a request over IPC; the child answers with the handler's result (child-protocol.ts). */
  request<T>(type: string, args: unknown = {}, timeoutMs = 120_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running:\n${this.tail()}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: no answer to ${type} within ${timeoutMs / 1000}s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v as T); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.send({ id, type, args });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** Stops every process this benchmark run started that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  })));
}

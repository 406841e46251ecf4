/**
 * The canvas's connection rule: canConnect() from the template language, as the pure function
 * React Flow's `isValidConnection` wants.
 */
import { canConnect, type ConnectResult, type ConnectableDefinition } from '@orderpath/workflows/definition/can-connect';

export interface ConnectionLike {
  source: string | null;
  target: string | null;
}

export function checkConnection(def: ConnectableDefinition, c: ConnectionLike): ConnectResult {
  if (!c.source || !c.target) return { ok: false, code: 'unknown_node', reason: 'Connect a node to another node.' };
  return canConnect(def, c.source, c.target);
}

export function makeIsValidConnection(def: ConnectableDefinition): (c: ConnectionLike) => boolean {
  return (c) => checkConnection(def, c).ok;
}

/** What every kind of node shares: ports, the issue ring, run/diff marks and the heat badge. */
import { Handle, Position } from '@xyflow/react';
import { type ReactNode, use } from 'react';
import { OverviewContext } from '../use-level-of-detail';
import type { DesignNodeData } from '../flow-types';

export function nodeClass(base: string, data: DesignNodeData, selected: boolean): string {
  return [base, `kind-${data.node.type}`, selected && 'selected', data.severity && `issue-${data.severity}`, data.mark && `mark-${data.mark}`, data.heat && 'has-heat']
    .filter(Boolean).join(' ');
}

export function Ports({ target = true, source = true }: { target?: boolean; source?: boolean }) {
  if (use(OverviewContext)) return null;
  return (
    <>
      {target && <Handle type="target" position={Position.Left} className="port port-in" />}
      {source && <Handle type="source" position={Position.Right} className="port port-out" />}
    </>
  );
}

export function Badges({ data }: { data: DesignNodeData }): ReactNode {
  return (
    <>
      {data.severity && <span className={`badge badge-${data.severity}`} title={data.issueText}>{data.severity === 'error' ? '!' : '?'}</span>}
      {data.visits !== undefined && data.visits > 1 && <span className="badge badge-visits">×{data.visits}</span>}
      {data.heat && <span className="heat-label" style={{ background: data.heat.color }}>{data.heat.label}</span>}
    </>
  );
}

import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindOf } from '../../core/node-kinds';
import type { DesignFlowNode } from '../flow-types';
import { Badges, Ports, nodeClass } from './node-shell';

/** User task, service task, sub-process: a box with the stage colour as its left band. */
export const TaskNode = memo(function TaskNode({ data, selected }: NodeProps<DesignFlowNode>) {
  const { width, height, glyph } = kindOf(data.node.type);
  return (
    <div className={nodeClass('op-node op-task', data, selected)} style={{ width, height, borderLeftColor: data.stageColor, background: data.heat?.color }}
      data-node-id={data.node.id} title={data.issueText}>
      <Ports />
      <span className="op-kind">{glyph} {data.kindLabel}</span>
      <span className="op-label">{data.label}</span>
      <Badges data={data} />
    </div>
  );
});

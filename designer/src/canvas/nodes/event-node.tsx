import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindOf } from '../../core/node-kinds';
import type { DesignFlowNode } from '../flow-types';
import { Badges, Ports, nodeClass } from './node-shell';

/** Start, end, timer, message: a circle with its glyph, the name underneath. */
export const EventNode = memo(function EventNode({ data, selected }: NodeProps<DesignFlowNode>) {
  const { width, height, glyph } = kindOf(data.node.type);
  const type = data.node.type;
  return (
    <div className={nodeClass('op-node op-event', data, selected)} style={{ width, height, borderColor: data.stageColor, background: data.heat?.color }}
      data-node-id={data.node.id} title={data.issueText ?? data.kindLabel}>
      <Ports target={type !== 'start'} source={type !== 'end'} />
      <span className="op-glyph">{glyph}</span>
      <span className="op-caption">{data.label}</span>
      <Badges data={data} />
    </div>
  );
});

import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindOf } from '../../core/node-kinds';
import type { DesignFlowNode } from '../flow-types';
import { Badges, Ports, nodeClass } from './node-shell';

/** Exclusive and parallel gateways: a diamond, the name underneath. */
export const GatewayNode = memo(function GatewayNode({ data, selected }: NodeProps<DesignFlowNode>) {
  const { width, height, glyph } = kindOf(data.node.type);
  return (
    <div className={nodeClass('op-node op-gateway', data, selected)} style={{ width, height }} data-node-id={data.node.id} title={data.issueText ?? data.kindLabel}>
      <Ports />
      <span className="op-diamond" style={{ borderColor: data.stageColor, background: data.heat?.color }}><span>{glyph}</span></span>
      <span className="op-caption">{data.label}</span>
      <Badges data={data} />
    </div>
  );
});

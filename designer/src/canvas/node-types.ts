/** The custom node components by template node type, defined once at module level (React Flow advice). */
import type { NodeTypes } from '@xyflow/react';
import { EventNode } from './nodes/event-node';
import { GatewayNode } from './nodes/gateway-node';
import { StageBandNode } from './nodes/stage-band-node';
import { TaskNode } from './nodes/task-node';

export const NODE_TYPES: NodeTypes = {
  start: EventNode, end: EventNode, timer: EventNode, messageCatch: EventNode,
  userTask: TaskNode, serviceTask: TaskNode, subProcess: TaskNode,
  exclusiveGateway: GatewayNode, parallelGateway: GatewayNode,
  stageBand: StageBandNode,
};

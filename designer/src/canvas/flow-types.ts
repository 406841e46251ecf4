/** What the canvas's React Flow nodes and edges carry. */
import type { Edge as RFEdge, Node as RFNode } from '@xyflow/react';
import type { Edge, Node } from '@orderpath/workflows/definition/schema';
import type { Heat } from '../core/heatmap';
import type { Severity } from '../core/issue-index';

/** Overlays: run state (order page), diff (versions page). */
export type Mark = 'active' | 'visited' | 'failed' | 'added' | 'removed' | 'changed';

export interface DesignNodeData extends Record<string, unknown> {
  node: Node;
  label: string;
  kindLabel: string;
  stageColor?: string;
  severity?: Severity;
  issueText?: string;
  mark?: Mark;
  heat?: Heat;
  visits?: number;
}

export interface StageBandData extends Record<string, unknown> {
  label: string;
  color: string;
}

export type DesignFlowNode = RFNode<DesignNodeData>;
export type BandFlowNode = RFNode<StageBandData, 'stageBand'>;
export type FlowNode = DesignFlowNode | BandFlowNode;
export type FlowEdge = RFEdge<{ edge: Edge }>;

/** Per-element overlays the page computes; all optional. */
export interface Decorations {
  severity?: ReadonlyMap<string, Severity>;
  issueText?: ReadonlyMap<string, string>;
  marks?: ReadonlyMap<string, Mark>;
  edgeMarks?: ReadonlyMap<string, Mark>;
  heat?: ReadonlyMap<string, Heat>;
  visits?: ReadonlyMap<string, number>;
}

export const isBand = (n: { type?: string }): boolean => n.type === 'stageBand';

import { type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BandFlowNode } from '../flow-types';

/** The translucent band behind a stage's nodes, labelled with the stage name. */
export const StageBandNode = memo(function StageBandNode({ data, width, height }: NodeProps<BandFlowNode>) {
  return (
    <div className="stage-band" style={{ width, height, borderColor: data.color, background: `${data.color}14` }}>
      <span className="stage-band-label" style={{ color: data.color }}>{data.label}</span>
    </div>
  );
});

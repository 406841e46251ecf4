/** What the importer reads from the drawing: shape positions and lanes (→ roles, see lanes.ts). */
import type { ModdleElement } from './bpmn-extensions';
import type { ImportContext } from './import-context';
import { normaliseRole } from './normalise';

/** Top-left corner of each element's shape, from the first diagram that draws it. */
export function readPositions(ctx: ImportContext, definitions: ModdleElement): void {
  for (const diagram of definitions.diagrams ?? []) {
    for (const shape of diagram.plane?.planeElement ?? []) {
      const { bpmnElement, bounds } = shape;
      if (shape.$type !== 'bpmndi:BPMNShape' || !bpmnElement?.id || !bounds) continue;
      if (typeof bounds.x !== 'number' || typeof bounds.y !== 'number' || ctx.positions.has(bpmnElement.id)) continue;
      ctx.positions.set(bpmnElement.id, { x: bounds.x, y: bounds.y });
    }
  }
}

/** The role of every flow node in a lane; in nested lanes the innermost lane wins. */
export function readLaneRoles(ctx: ImportContext, laneSets: readonly ModdleElement[] | undefined): void {
  for (const laneSet of laneSets ?? []) {
    for (const lane of laneSet.lanes ?? []) {
      const role = laneRole(ctx, lane);
      if (role) for (const ref of lane.flowNodeRef ?? []) ctx.roleOf.set(ref.id, role);
      if (lane.childLaneSet) readLaneRoles(ctx, [lane.childLaneSet]);
    }
  }
}

function laneRole(ctx: ImportContext, lane: ModdleElement): string | undefined {
  const explicit: unknown = lane.get('orderpath:role');
  if (typeof explicit === 'string' && explicit !== '') return explicit;
  const name: string = lane.name ?? '';
  const role = normaliseRole(name);
  if (!role) {
    if ((lane.flowNodeRef ?? []).length > 0) ctx.warn('missing_role', `Lane "${lane.id}" has no name, so it gives its tasks no role.`, lane.id);
    return undefined;
  }
  if (role !== name) ctx.warn('role_normalised', `Lane "${name}" became role "${role}".`, lane.id);
  return role;
}

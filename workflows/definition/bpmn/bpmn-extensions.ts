/**
 * The moddle instance of the BPMN layer: standard BPMN 2.0 plus the `orderpath` and `zeebe`
 * extension packages. A fresh instance per call keeps the functions pure (moddle caches types).
 */
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import { orderpathDescriptor } from './orderpath-descriptor';
import { zeebeDescriptor } from './zeebe-descriptor';

export { ORDERPATH_NS } from './orderpath-descriptor';
export { ZEEBE_NS } from './zeebe-descriptor';
export type { ModdleElement };

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ orderpath: orderpathDescriptor, zeebe: zeebeDescriptor });
}

/** The extension element of `type` (e.g. `zeebe:taskDefinition`'s `zeebe:TaskDefinition`), if any. */
export function extensionOf(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensionsOf(element).find((value) => value.$type === type);
}

export function extensionsOf(element: ModdleElement): ModdleElement[] {
  return element.extensionElements?.values ?? [];
}

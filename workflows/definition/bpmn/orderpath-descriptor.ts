/**
 * The `orderpath` moddle package: what BPMN cannot say about a template, written as extension
 * attributes (scalars on standard elements) and extension elements (inside
 * `bpmn:extensionElements`).
 *
 * Decision: the form and the template variables travel as JSON in the body of one element each.
 * Their schema belongs to the designer and grows; mirroring it attribute by attribute here would
 * silently drop every new field property on export. Everything else is a plain attribute so that
 * Camunda Modeler's XML tab shows it readably.
 */
import type { PackageDefinition, PropertyDefinition } from 'moddle';

export const ORDERPATH_NS = 'https://orderpath.dev/schema/bpmn';

const attr = (name: string, type = 'String'): PropertyDefinition => ({ name, type, isAttr: true });
const element = (name: string, properties: PropertyDefinition[]) => ({ name, superClass: ['Element'], properties });

export const orderpathDescriptor: PackageDefinition = {
  name: 'OrderPath',
  prefix: 'orderpath',
  uri: ORDERPATH_NS,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  enumerations: [],
  types: [
    // Attributes on standard BPMN elements.
    // templateKey only when the process id cannot be the key (a node has that id, or it is no XML id).
    { name: 'ProcessProps', extends: ['bpmn:Process'], properties: [attr('templateKey'), attr('templateVersion', 'Integer'), attr('noProgressAfter')] },
    { name: 'FlowNodeProps', extends: ['bpmn:FlowNode'], properties: [attr('stage')] },
    // The template id of a node or edge whose id is not a legal XML id (e.g. `2nd-call`, `a:1`).
    { name: 'FlowElementProps', extends: ['bpmn:FlowElement'], properties: [attr('templateId')] },
    { name: 'LaneProps', extends: ['bpmn:Lane'], properties: [attr('role')] },
    // Marks a default edge whose source cannot carry BPMN's `default` (events, parallel gateways).
    { name: 'SequenceFlowProps', extends: ['bpmn:SequenceFlow'], properties: [attr('isDefault', 'Boolean')] },
    // Process-level extension elements.
    element('Stages', [{ name: 'stages', type: 'Stage', isMany: true }]),
    element('Stage', [attr('id'), attr('name'), attr('sla')]),
    element('Variables', [{ name: 'json', type: 'String', isBody: true }]),
    // User tasks.
    element('Form', [{ name: 'json', type: 'String', isBody: true }]),
    element('Assignment', [attr('assignee')]),
    element('TimeAllocation', [attr('category')]),
    // Only written when no boundary timer carries the deadline (see boundary-events.ts).
    element('Deadline', [attr('dueIn'), attr('onOverdue')]),
    // Service tasks and call activities.
    element('Activity', [attr('name'), attr('timeout')]),
    element('Retry', [attr('maxAttempts', 'Integer'), attr('initialInterval'), attr('backoff', 'Real'), attr('maxInterval')]),
    element('IoMapping', [
      { name: 'inputs', type: 'Input', isMany: true },
      { name: 'outputs', type: 'Output', isMany: true },
    ]),
    element('Input', [attr('target'), attr('expression')]),
    element('Output', [attr('target'), attr('expression')]),
    element('CalledTemplate', [attr('version', 'Integer')]),
    // Message catches.
    element('MessageSettings', [attr('correlation'), attr('expectedWithin'), attr('timeout'), attr('timeoutEdge')]),
  ],
};

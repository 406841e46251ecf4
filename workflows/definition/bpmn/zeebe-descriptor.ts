/**
 * A minimal moddle package for the Camunda 8 (Zeebe) extension elements the importer reads.
 * Written from the element names Camunda Modeler emits, not copied from zeebe-bpmn-moddle; any
 * other `zeebe:` element is reported by moddle as unparsable content and surfaces as a warning.
 */
import type { PackageDefinition, PropertyDefinition } from 'moddle';

export const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';

const attr = (name: string, type = 'String'): PropertyDefinition => ({ name, type, isAttr: true });
const element = (name: string, properties: PropertyDefinition[]) => ({ name, superClass: ['Element'], properties });

export const zeebeDescriptor: PackageDefinition = {
  name: 'Zeebe',
  prefix: 'zeebe',
  uri: ZEEBE_NS,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  enumerations: [],
  types: [
    element('TaskDefinition', [attr('type'), attr('retries')]),
    element('AssignmentDefinition', [attr('assignee'), attr('candidateGroups'), attr('candidateUsers')]),
    element('FormDefinition', [attr('formKey'), attr('formId'), attr('externalReference')]),
    element('UserTask', []),
    element('CalledElement', [
      attr('processId'),
      attr('propagateAllChildVariables', 'Boolean'),
      attr('propagateAllParentVariables', 'Boolean'),
    ]),
    element('IoMapping', [
      { name: 'inputParameters', type: 'Input', isMany: true },
      { name: 'outputParameters', type: 'Output', isMany: true },
    ]),
    element('Input', [attr('source'), attr('target')]),
    element('Output', [attr('source'), attr('target')]),
    element('Subscription', [attr('correlationKey')]),
    element('TaskHeaders', [{ name: 'values', type: 'Header', isMany: true }]),
    element('Header', [attr('key'), attr('value')]),
    element('Properties', [{ name: 'properties', type: 'Property', isMany: true }]),
    element('Property', [attr('name'), attr('value')]),
    element('Script', [attr('expression'), attr('resultVariable')]),
  ],
};

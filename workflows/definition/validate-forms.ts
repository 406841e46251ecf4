/**
 * Rules for user task forms. Codes: form_duplicate_key, form_bad_key, form_bad_options,
 * form_bad_range, form_bad_columns, and bad_expression for field defaults. Table columns are checked the same
 * way, one level down.
 */
import { type DefinitionGraph, checkedNodes, nodePath } from './definition-graph';
import { isForbiddenName } from './expression-runtime';
import type { FormField, Node } from './schema';
import { expression } from './validate-nodes';
import { type ValidationIssue, error } from './validation-issue';

function checkField(graph: DefinitionGraph, node: Node, field: FormField, path: string): ValidationIssue[] {
  const where = { nodeId: node.id, path: nodePath(graph, node.id, path) };
  const issues: ValidationIssue[] = [];
  const label = `Field '${field.key}' of node '${node.id}'`;
  if (field.type === 'select' || field.type === 'multiselect') {
    const values = (field.options ?? []).map((o) => o.value);
    if (values.length === 0) issues.push(error('form_bad_options', `${label} is a ${field.type} without options; add at least one option.`, where));
    else if (new Set(values).size < values.length) issues.push(error('form_bad_options', `${label} has the same option value more than once; make option values unique.`, where));
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    issues.push(error('form_bad_range', `${label} has min ${field.min} above max ${field.max}; swap or correct them.`, where));
  }
  if (field.type === 'table') {
    if (!field.columns || field.columns.length === 0) issues.push(error('form_bad_columns', `${label} is a table without columns; add its columns.`, where));
    else issues.push(...checkFields(graph, node, field.columns, `${path}.columns`));
  } else if (field.columns) {
    issues.push(error('form_bad_columns', `${label} has columns but is a ${field.type}; only table fields have columns.`, where));
  }
  return [...issues, ...expression(graph, node, `${path}.default`, field.default)];
}

function checkFields(graph: DefinitionGraph, node: Node, fields: readonly FormField[], path: string): ValidationIssue[] {
  const seen = new Set<string>();
  return fields.flatMap((field, i) => {
    const fieldPath = `${path}[${i}]`;
    const issues: ValidationIssue[] = [];
    if (seen.has(field.key)) {
      issues.push(error('form_duplicate_key', `Node '${node.id}' has two form fields with key '${field.key}'; each key becomes a variable, so make them unique.`, { nodeId: node.id, path: nodePath(graph, node.id, `${fieldPath}.key`) }));
    }
    seen.add(field.key);
    if (isForbiddenName(field.key)) {
      issues.push(error('form_bad_key', `Node '${node.id}' has a form field keyed '${field.key}', a name expressions cannot read; rename the field.`, { nodeId: node.id, path: nodePath(graph, node.id, `${fieldPath}.key`) }));
    }
    return [...issues, ...checkField(graph, node, field, fieldPath)];
  });
}

/** The form rules for every user task that has a form. */
export function checkForms(graph: DefinitionGraph): ValidationIssue[] {
  return checkedNodes(graph).flatMap((node) =>
    node.type === 'userTask' && node.form ? checkFields(graph, node, node.form.fields, 'form.fields') : []);
}

/**
 * BPMN 2.0 import and export for templates (DESIGN.md §3). The only place that reads or writes
 * BPMN XML; everything else works on `Definition`.
 */
export { exportBpmn } from './export-bpmn';
export { importBpmn, type BpmnImportResult } from './import-bpmn';
export { IMPORT_WARNING_CODES, type BpmnImportWarning, type BpmnImportWarningCode } from './import-warnings';
export { BpmnExportError, BpmnImportError } from './errors';
export { ORDERPATH_NS, ZEEBE_NS } from './bpmn-extensions';

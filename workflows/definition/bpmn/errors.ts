/** Thrown by importBpmn only when the input is not readable BPMN at all (no XML, no process). */
export class BpmnImportError extends Error {
  override readonly name = 'BpmnImportError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Thrown by exportBpmn when a definition cannot be written as a BPMN graph (duplicate ids or edges
 * to unknown nodes). Run validateDefinition first: a definition without errors always exports.
 */
export class BpmnExportError extends Error {
  override readonly name = 'BpmnExportError';
}

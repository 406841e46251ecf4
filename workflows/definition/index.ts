/**
 * The template language, one module for the API, the worker and the designer (DESIGN.md §3):
 * schema, validation, connection rules, expressions, durations and form data.
 * Pure and sandbox-safe: no I/O, no clock, no randomness. BPMN import/export lives in ./bpmn.
 */
export * from './schema';
export {
  type ValidationCode, type ValidationContext, type ValidationIssue, VALIDATION_CODES, hasErrors, validateDefinition,
} from './validate';
export { type ConnectResult, type ConnectableDefinition, canConnect, maxOutgoing } from './can-connect';
export {
  type ExpressionOptions, type ExpressionScope, EXPRESSION_FUNCTION_NAMES, EXPRESSION_ROOTS, ExpressionError,
  MAX_EXPRESSION_LENGTH, OUTPUT_ROOTS, compileExpression, evaluate, evaluateCondition,
} from './expressions';
export { isDuration, parseDuration } from './duration';
export { type FormError, type FormResult, defaultFormValues, validateFormData } from './form';
export { WAIT_STATE_TYPES } from './validate-loops';

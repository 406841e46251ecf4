/**
 * Named errors of the interpreter, each with a stable `code` the API maps to problem+json.
 * `NodeFailure` subclasses are business dead-ends at one node: the runtime turns them into
 * incidents instead of failing the order.
 */

export abstract class InterpreterError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A field-level problem with submitted task data (same shape as form validation errors). */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** The task is unknown to this order, already completed, or cancelled. */
export class TaskNotOpenError extends InterpreterError {
  readonly code = 'task_not_open';
  constructor(readonly taskId: string) {
    super(`Task ${taskId} is not open in this order (unknown, already completed or cancelled); reload the inbox`);
  }
}

/** Submitted task data fails the node's form schema. */
export class TaskDataInvalidError extends InterpreterError {
  readonly code = 'invalid_task_data';
  constructor(readonly taskId: string, readonly errors: FieldIssue[]) {
    super(`Task ${taskId}: the submitted data is invalid (${errors.map((e) => `${e.field}: ${e.message}`).join('; ')})`);
  }
}

/** The incident is unknown to this order or already resolved. */
export class IncidentNotOpenError extends InterpreterError {
  readonly code = 'incident_not_open';
  constructor(readonly incidentId: string) {
    super(`Incident ${incidentId} is not open in this order (unknown or already resolved)`);
  }
}

export class InvalidIncidentActionError extends InterpreterError {
  readonly code = 'invalid_incident_action';
  constructor(readonly action: string) {
    super(`Unknown incident action '${action}'; use retry, skip or abort`);
  }
}

/** Migration is only possible when every token waits at a node that maps to the same kind. */
export class MigrationRefusedError extends InterpreterError {
  readonly code = 'migration_refused';
  constructor(readonly reason: string, readonly nodeId?: string) {
    super(`Migration refused: ${reason}`);
  }
}

/** run() may be called once per runtime. */
export class AlreadyStartedError extends InterpreterError {
  readonly code = 'already_started';
  constructor() {
    super('This ProcessRuntime is already running; create a new one to resume from a snapshot');
  }
}

/** The template has a structural defect the validator should have caught (not recoverable). */
export class DefinitionError extends InterpreterError {
  readonly code = 'definition_error';
  constructor(message: string, readonly nodeId?: string) {
    super(message);
  }
}

/** Base of failures at one node that become incidents (retry / skip / abort). */
export abstract class NodeFailure extends InterpreterError {}

/** An exclusive gateway found no true condition and has no default edge. */
export class NoMatchingEdgeError extends NodeFailure {
  readonly code = 'no_matching_edge';
  constructor(readonly nodeId: string) {
    super(`Gateway ${nodeId}: no outgoing condition holds and there is no default edge; fix the variables and retry`);
  }
}

export class InvalidDurationError extends NodeFailure {
  readonly code = 'invalid_duration';
  constructor(readonly value: string, readonly what: string) {
    super(`${what}: '${value}' is not an ISO-8601 duration (e.g. P14D, PT30M)`);
  }
}

export class InvalidDateError extends NodeFailure {
  readonly code = 'invalid_date';
  constructor(readonly value: unknown, readonly what: string) {
    super(`${what}: ${JSON.stringify(value)} is not a date (ISO string or epoch milliseconds)`);
  }
}

/** An edge the node refers to (onOverdue, timeoutEdge) is not one of its outgoing edges. */
export class MissingEdgeError extends NodeFailure {
  readonly code = 'missing_edge';
  constructor(readonly nodeId: string, readonly edgeId: string) {
    super(`Node ${nodeId} refers to edge '${edgeId}', which is not one of its outgoing edges`);
  }
}

/** A timer node with neither `duration` nor `until`. */
export class TimerWithoutTimeError extends NodeFailure {
  readonly code = 'timer_without_time';
  constructor(readonly nodeId: string) {
    super(`Timer ${nodeId} has neither duration nor until`);
  }
}

/** The child order of a subProcess node failed. */
export class ChildFailedError extends NodeFailure {
  readonly code = 'child_failed';
  constructor(readonly nodeId: string, cause: string) {
    super(`Sub-process at ${nodeId} failed: ${cause}`);
  }
}

import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { BadRequestError, ConflictError, DomainError, type FieldError, UnprocessableError } from '../common/errors';

/** Interpreter failure codes → HTTP. Anything unknown is a conflict with the order's state. */
const STATUS_BY_CODE: Record<string, number> = {
  invalid_task_data: 400,
  task_not_open: 409,
  incident_not_open: 409,
  migration_refused: 409,
  order_not_running: 409,
};

/** True when the workflow refused (or failed) an update with this interpreter code. */
export function isRefusal(err: unknown, code: string): boolean {
  return err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === code;
}

/** Maps a Temporal client error from an update/signal to a domain error, once, here. */
export function mapWorkflowError(err: unknown): never {
  if (err instanceof WorkflowNotFoundError) throw new ConflictError('order_not_running', 'the order is no longer running');
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const f = err.cause;
    const code = f.type ?? 'update_refused';
    const details = (f.details?.[0] ?? {}) as { errors?: FieldError[] };
    const status = STATUS_BY_CODE[code] ?? 409;
    if (status === 400) throw new BadRequestError(f.message, details.errors ?? [], code);
    if (status === 422) throw new UnprocessableError(code, f.message, details);
    throw new ConflictError(code, f.message, details as Record<string, unknown>);
  }
  if (err instanceof DomainError) throw err;
  const msg = (err as Error)?.message ?? '';
  if (/workflow execution already completed|not found/i.test(msg)) throw new ConflictError('order_not_running', 'the order is no longer running');
  throw err;
}

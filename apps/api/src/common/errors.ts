/**
 * Domain errors: each carries a stable code and an HTTP status. Services throw them; one filter
 * (problem.filter.ts) turns them into RFC 9457 problem+json.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(`${what}_not_found`, `${what} ${id} does not exist`, 404);
  }
}
export class ConflictError extends DomainError {
  constructor(code: string, message: string, extra?: Record<string, unknown>) {
    super(code, message, 409, extra);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message, 403);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = 'a valid bearer token is required') {
    super('unauthorized', message, 401);
  }
}
/** 400: the request itself is malformed (field errors say where). */
export class BadRequestError extends DomainError {
  constructor(message: string, errors: FieldError[] = [], code = 'invalid_request') {
    super(code, message, 400, { errors });
  }
}
/** 422: well-formed, but the business rules refuse it (e.g. an invalid template at publish). */
export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, extra?: Record<string, unknown>) {
    super(code, message, 422, extra);
  }
}

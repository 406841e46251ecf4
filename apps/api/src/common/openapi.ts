/**
 * OpenAPI from the same zod schemas that validate requests, so /api/openapi.json documents
 * exactly what parseInput accepts (one source of truth, no DTO classes to keep in step).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** The zod schema as an OpenAPI 3.0 schema object (input side: defaults optional, coercions as their target type). */
export function openApiSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/** Documents a JSON request body. */
export const ZodBody = (schema: z.ZodType, description?: string) =>
  ApiBody({ schema: openApiSchema(schema) as never, description });

/** Documents every property of a query schema as a query parameter. */
export function ZodQuery(schema: z.ZodType): MethodDecorator {
  const json = openApiSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const required = new Set(json.required ?? []);
  const params = Object.entries(json.properties ?? {}).map(([name, prop]) =>
    ApiQuery({ name, required: required.has(name), schema: prop as never, description: prop.description as string | undefined }));
  return applyDecorators(...params);
}

const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' },
    detail: { type: 'string' }, instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
  },
};

const PROBLEM_TEXT: Record<number, string> = {
  400: 'malformed body, unknown or missing fields, wrong types, bad cursor (errors[] names the fields)',
  401: 'no or invalid bearer token',
  403: 'the caller\'s role or region does not allow this',
  404: 'no such resource (or not a valid id)',
  409: 'conflicts with the current state (e.g. the task is closed, the order is no longer running)',
  413: 'the body is larger than ORDERPATH_BODY_LIMIT',
  422: 'well-formed but refused by business rules',
};

/** Documents problem+json (RFC 9457) answers. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({
    status, description: PROBLEM_TEXT[status] ?? 'problem', content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
  })));
}

/** Documents a success answer with an example-shaped schema. */
export const ApiOk = (status: number, description: string, schema?: JsonSchema) =>
  ApiResponse({ status, description, ...(schema ? { schema: schema as never } : {}) });

/** A `{ items, nextCursor }` page whose items have `item`'s shape. */
export const pageSchema = (item: JsonSchema = { type: 'object' }): JsonSchema => ({
  type: 'object', properties: { items: { type: 'array', items: item }, nextCursor: { type: 'string', nullable: true } },
});

/** Documents the `Idempotency-Key` request header. */
export const ApiIdempotencyKey = () => ApiHeader({
  name: 'Idempotency-Key', required: false,
  description: 'repeat the request with the same key (per user, 24 h) to get the first answer instead of a second effect',
});

export { ApiProduces };

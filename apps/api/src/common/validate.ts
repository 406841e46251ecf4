import type { z } from 'zod';
import { BadRequestError, type FieldError } from './errors';

/** Parses input with a zod schema; unknown fields, wrong types and missing fields → 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((i) => ({
    field: [...i.path].map(String).join('.') || (i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.join(',') ?? where : where),
    code: i.code,
    message: i.message,
  }));
  throw new BadRequestError(`invalid ${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
}

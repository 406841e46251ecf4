/**
 * Request bodies: JSON, and text for the imports (BPMN as XML, sell-through reports as CSV). Every
 * refusal is a DomainError, so the problem filter answers it as problem+json like any other.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../common/errors';

/** Bodies kept as strings: BPMN imports (XML) and sell-through reports (CSV). */
export const TEXT_TYPES = ['application/xml', 'text/xml', 'text/csv', 'text/plain'];

/**
 * Replaces Fastify's own parsers (whose errors have their own codes and, for an empty JSON body, a
 * refusal): JSON as Express's `express.json({ strict: true })` read it — an object or array, an
 * empty body being `{}` — text types as strings, and anything else a 415 naming what is accepted.
 * Fastify enforces the size limit (its `bodyLimit`, answered 413 payload_too_large).
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJson(body as string));
    } catch (err) {
      done(new DomainError('malformed_json', `the request body could not be parsed: ${(err as Error).message}`, 400));
    }
  });
  fastify.addContentTypeParser(TEXT_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  fastify.addContentTypeParser('*', (req, _payload, done) => {
    const type = req.headers['content-type'] ?? '(none)';
    done(new DomainError('unsupported_media_type',
      `Content-Type ${type} is not accepted: send application/json (or ${TEXT_TYPES.join(', ')} where a route takes text)`, 415), undefined);
  });
}

function parseJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new SyntaxError(`expected an object or array, got '${first}'…`);
  return JSON.parse(text);
}

/** The media type of a Content-Type header (`text/csv` for `text/csv; charset=utf-8`), lower-cased; '' without one. */
export function mediaType(contentType: string | undefined): string {
  const raw = contentType ?? '';
  const semicolon = raw.indexOf(';');
  return (semicolon < 0 ? raw : raw.slice(0, semicolon)).trim().toLowerCase();
}

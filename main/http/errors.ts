import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { describeZodError, NotFoundError, ValidationError } from '../core/errors.ts';
import { DisplayGoneError } from '../display-content/display-content-service.ts';
import { isDatabaseUnavailable } from '../storage/errors.ts';

/** An error with the HTTP status and machine-readable code the client gets: `{"detail", "code"}`. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message);
  }
}

export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));

/** One error shape for every route; unexpected errors are logged and answered without internals. */
export function errorHandler(log: { error(obj: unknown, msg: string): void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) log.error({ err }, 'request failed');
    if (!res.headersSent) res.status(status).json(body);
  };
}

function toErrorResponse(err: unknown): { status: number; body: Record<string, unknown> } {
  if (err instanceof HttpError) return { status: err.status, body: { detail: err.message, code: err.code, ...err.extra } };
  if (err instanceof DisplayGoneError) return { status: 401, body: { detail: 'this display has been removed; bootstrap again', code: 'invalid_token' } };
  if (isDatabaseUnavailable(err)) return { status: 503, body: { detail: 'the database cannot be reached just now; try again shortly', code: 'database_unavailable' } };
  if (err instanceof NotFoundError) return { status: 404, body: { detail: err.message, code: 'not_found' } };
  if (err instanceof ValidationError) return { status: 400, body: { detail: err.message, code: 'invalid_request' } };
  if (err instanceof ZodError) return { status: 400, body: { detail: describeZodError(err, 'body'), code: 'invalid_request' } };
  const e = err as { type?: string; status?: number; message?: string };
  // body-parser's errors carry a status and a type.
  if (e?.type === 'entity.too.large') return { status: 413, body: { detail: 'request body is too large', code: 'body_too_large' } };
  if (e?.type === 'entity.parse.failed') return { status: 400, body: { detail: 'request body is not valid JSON', code: 'malformed_json' } };
  if (e?.status && e.status >= 400 && e.status < 500) return { status: e.status, body: { detail: e.message ?? 'bad request', code: 'bad_request' } };
  return { status: 500, body: { detail: 'internal error', code: 'internal' } };
}

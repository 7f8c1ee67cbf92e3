/**
 * Errors with the statuses DESIGN.md names. 400/403/404 are Strapi's own (@strapi/utils);
 * 403 (see forbidden), 409 and 422 are HTTP errors that Strapi's error middleware renders in the same shape.
 */
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';

export { errors };

/**
 * 400 naming the field: `message` answers the request; `fieldMessage` goes with the field's path
 * in `details.errors`, where the admin shows it next to the field.
 */
export function invalidField(path: string[], message: string, fieldMessage = message) {
  return new errors.ValidationError(message, { errors: [{ path, message: fieldMessage, name: 'ValidationError' }] });
}

/** 400 listing every problem by its path (DESIGN.md "Errors"); the message joins them. */
export function invalidFields(problems: Array<{ path: Array<string | number>; message: string }>) {
  const message = problems.map((problem) => problem.message).join('; ');
  return new errors.ValidationError(message, {
    errors: problems.map((problem) => ({ path: problem.path.map(String), message: problem.message, name: 'ValidationError' })),
  });
}

/**
 * 403 with its message kept: Strapi's route authorisation replaces any `errors.ForbiddenError`
 * thrown by a handler with a bare "Forbidden", which tells a PMO user nothing.
 */
export function forbidden(message: string, details: Record<string, unknown> = {}) {
  const error = createHttpError(403, message) as createHttpError.HttpError & { details?: unknown };
  error.details = details;
  return error;
}

export function conflict(message: string, details: Record<string, unknown> = {}) {
  const error = createHttpError(409, message) as createHttpError.HttpError & { details?: unknown };
  error.details = details;
  return error;
}

export function unprocessable(message: string, details: Record<string, unknown> = {}) {
  const error = createHttpError(422, message) as createHttpError.HttpError & { details?: unknown };
  error.details = details;
  return error;
}

/** Node's socket errors: the database server refused, dropped or never answered the connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * PostgreSQL's SQLSTATEs for a server going away or not there yet: 57P01 admin shutdown (a
 * restart), 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down), 53300
 * too many connections; and class 08, connection exceptions.
 */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres' and knex's words for a connection lost or never had (they carry no code). */
const LOST = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|Timeout acquiring a connection/i;

/**
 * Whether `error` (or what it wraps) says the database cannot be reached, rather than that the
 * request was wrong: a request then answers 503 (`databaseUnavailable`), never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; depth += 1) {
    const { code, name, message } = cause as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_GONE.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && LOST.test(message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client is told to wait before it tries again (`Retry-After`). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503 in the one error shape, for a request that could not reach the database. */
export function databaseUnavailable() {
  const error = createHttpError(
    503,
    'PMO Hub cannot reach its database just now. Wait a few seconds and reload: if you had made a change, check whether it was saved before making it again.'
  ) as createHttpError.HttpError & { details?: unknown };
  error.details = {};
  return error;
}

const INVALID_KEY = /^Invalid key (\S+)/;

/**
 * Strapi's own 400s in the one shape (DESIGN.md "Errors"): the Content API's "Invalid key x"
 * and 'Missing "data" payload' carry no `details.errors`. Each becomes one problem with its path
 * (the unknown key; `data`) and a message in words. Any other error is given back as it is.
 */
export function withProblems(error: unknown): unknown {
  if (!(error instanceof errors.ValidationError)) return error;
  const details = (error.details ?? {}) as { errors?: unknown; key?: unknown; path?: unknown };
  if (Array.isArray(details.errors)) return error;
  const unknownKey = INVALID_KEY.exec(error.message);
  if (unknownKey) {
    const path = typeof details.path === 'string' && details.path ? details.path.split('.') : [String(details.key ?? unknownKey[1])];
    return invalidFields([{ path, message: `"${path.join('.')}" is not a field PMO Hub knows; leave it out` }]);
  }
  if (/"data" payload/.test(error.message)) {
    return invalidFields([{ path: ['data'], message: 'Send the fields as an object under "data", e.g. { "data": { "name": "…" } }' }]);
  }
  return invalidFields([{ path: [], message: error.message }]);
}

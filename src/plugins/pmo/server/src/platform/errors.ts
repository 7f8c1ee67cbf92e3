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

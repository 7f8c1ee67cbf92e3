/**
 * The one form style of PMO Hub's pages: Strapi's own `Form` and `useField` (from
 * '@strapi/strapi/admin'), validated with the route's contract (shared/contracts/) before sending,
 * and the server's 400 (`details.errors: [{ path, message }]`) put beside the same fields after.
 *
 *   <Form method="POST" initialValues={…}
 *         {...contractForm(scheduleInput, toBody, (body, { setErrors }) =>
 *           mutateAsync(body).catch((error) => setErrors(formErrors(error))))}>
 *     <DateField name="scheduledDate" label="Review date" />
 *   </Form>
 *
 * A form's values are what its fields hold (text for a date, '' for an empty choice); `toBody`
 * turns them into the contract's input (null for '', numbers for numbers) so the server and the
 * browser judge the very same object. The fields (fields.tsx, SearchPicker.tsx) read and write the
 * form's values by name.
 */
import type { FormErrors, FormHelpers, FormValues } from '@strapi/strapi/admin';
import type { z } from 'zod';

import { parseWith, type Problem } from '../../../shared/contracts/common';
import { fieldErrors, toPmoApiError } from '../api/client';

type Values = Record<string, unknown>;

/** A yup-shaped refusal, the shape Strapi's `Form` reads from its `validate` function. */
class FormValidationError extends Error {
  readonly name = 'ValidationError';
  readonly inner: Array<{ path: string; message: string }>;

  constructor(problems: Problem[]) {
    super(problems.map((problem) => problem.message).join('; '));
    this.inner = Object.entries(messagesByPath(problems)).map(([path, messages]) => ({ path, message: messages[0] }));
  }
}

/** The problems as the admin shows them beside a field, keyed by dotted path: sentences in words ("Choose a mentee"). */
function messagesByPath(problems: Problem[]) {
  return fieldErrors({ details: { errors: problems } } as never);
}

/** Strapi's `Form` `validate`: parses the values with the contract and answers the input to send. */
export function contractValidate<S extends z.ZodType, V extends Values = Values>(schema: S, toBody?: (values: V) => unknown) {
  return async (values: V): Promise<z.output<S>> => {
    const parsed = parseWith(schema, toBody ? toBody(values) : values);
    if (!parsed.ok) throw new FormValidationError(parsed.problems);
    return parsed.value;
  };
}

/**
 * A `Form`'s `validate` and `onSubmit` together: the values become the route's input (`toBody`),
 * the contract checks it, and `submit` receives it typed as the contract's input.
 */
export function contractForm<S extends z.ZodType, V extends Values>(
  schema: S,
  toBody: (values: V) => unknown,
  submit: (body: z.output<S>, helpers: FormHelpers) => Promise<void>
) {
  // Strapi types `validate` as answering the form's own values; it answers what `onSubmit` gets.
  const validate = contractValidate(schema, toBody) as unknown as (values: FormValues) => Promise<FormValues>;
  const onSubmit = (body: FormValues, helpers: FormHelpers) => submit(body as z.output<S>, helpers);
  return { validate, onSubmit };
}

function setIn(target: Values, path: string[], value: string) {
  let node: Values = target;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    node[segment] = next && typeof next === 'object' ? next : /^\d+$/.test(path[index + 1]) ? [] : {};
    node = node[segment] as Values;
  });
}

/**
 * The server's refusal as Strapi `Form` errors: each message beside its field. A refusal that names
 * no field (403, 409, 422) is returned under `''`, for the form's banner.
 */
export function formErrors(error: unknown): FormErrors {
  const refusal = toPmoApiError(error);
  const errors: Values = {};
  const byPath = fieldErrors(refusal);
  for (const [path, messages] of Object.entries(byPath)) setIn(errors, path ? path.split('.') : [''], messages[0]);
  if (!Object.keys(byPath).length) errors[''] = refusal.message;
  return errors as FormErrors;
}

/** '' (an empty input) as null, for optional fields the contract writes as nullable. */
export const orNull = (value: unknown) => (value === '' || value === undefined ? null : value);

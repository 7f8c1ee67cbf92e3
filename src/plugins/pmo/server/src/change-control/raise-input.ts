/**
 * The body of `POST /pmo/change-requests`, checked at the edge: a 400 names every field at fault.
 * Who raises it is never taken from the body: it is the acting admin's person (service.raise).
 */
import { validateYupSchema, yup } from '@strapi/utils';
import { checkMinorUnits, minorUnitsRule } from '../../../shared/money';

export const CHANGE_TYPES = ['normal', 'standard', 'emergency'] as const;
export const CHANGE_CATEGORIES = ['request-for-change', 'off-specification', 'problem'] as const;
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const SEVERITIES = ['minor', 'moderate', 'major', 'critical'] as const;

const text = (field: string, max: number) =>
  yup.string().nullable().max(max, `${field} must be at most ${max} characters`);

const oneOf = (field: string, values: readonly string[]) =>
  yup.string().oneOf([...values], `${field} must be one of ${values.join(', ')}`);

const cost = yup
  .string()
  .nullable()
  .test('minor-units', '', function check(value) {
    if (value === undefined || value === null) return true;
    const checked = /^\d+$/.test(value) ? checkMinorUnits(value) : null;
    if (checked?.ok) return true;
    if (checked?.problem === 'above') return this.createError({ message: `impact.cost ${minorUnitsRule('above')}` });
    return this.createError({
      message:
        'impact.cost must be a whole number of cents, zero or more, as a string (e.g. "123450" for 1234.50); record savings under impact.benefits',
    });
  });

const impact = yup
  .object({
    cost,
    scheduleDays: yup
      .number()
      .nullable()
      .typeError('impact.scheduleDays must be a whole number of days')
      .integer('impact.scheduleDays must be a whole number of days')
      .min(-3650, 'impact.scheduleDays must be between -3650 and 3650 days')
      .max(3650, 'impact.scheduleDays must be between -3650 and 3650 days'),
    scope: text('impact.scope', 5000),
    quality: text('impact.quality', 5000),
    risk: text('impact.risk', 5000),
    benefits: text('impact.benefits', 5000),
  })
  .noUnknown(true, 'unknown field(s) in impact: ${unknown}')
  .default(undefined);

const raiseBody = yup
  .object({
    project: yup.string().required('project is required (the documentId of a project)').max(255, 'project must be a documentId'),
    title: yup
      .string()
      .required('title is required')
      .test('not-blank', 'title is required', (value) => !value || value.trim() !== '')
      .max(200, 'title must be at most 200 characters'),
    type: oneOf('type', CHANGE_TYPES),
    category: oneOf('category', CHANGE_CATEGORIES),
    description: text('description', 20000),
    reason: text('reason', 20000),
    priority: oneOf('priority', PRIORITIES),
    severity: oneOf('severity', SEVERITIES),
    impact,
  })
  .noUnknown(true, 'unknown field(s): ${unknown} (the reference, raiser and authority level are set by PMO Hub)');

export type RaiseInput = {
  project: string;
  title: string;
  type?: (typeof CHANGE_TYPES)[number];
  category?: (typeof CHANGE_CATEGORIES)[number];
  description?: string | null;
  reason?: string | null;
  priority?: (typeof PRIORITIES)[number];
  severity?: (typeof SEVERITIES)[number];
  impact?: {
    cost?: string | null;
    scheduleDays?: number | null;
    scope?: string | null;
    quality?: string | null;
    risk?: string | null;
    benefits?: string | null;
  };
};

const asObject = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});

export const parseRaise = async (value: unknown) =>
  (await validateYupSchema(raiseBody, { strict: true })(asObject(value))) as RaiseInput;

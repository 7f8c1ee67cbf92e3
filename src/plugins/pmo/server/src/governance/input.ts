/** Input of the governance routes, checked at the edge: a 400 names every field at fault. */
import { validateYupSchema, yup } from '@strapi/utils';
import { GATE_DECISIONS, isIsoDay, type ChecklistAnswer, type GateDecision } from './gates';

const day = (field: string) =>
  yup
    .string()
    .nullable()
    .test('day', `${field} must be a date written YYYY-MM-DD`, (value) => value === undefined || value === null || isIsoDay(value));

const documentId = (field: string) => yup.string().min(1, `${field} must be a documentId`).max(255);

const conditionInput = yup
  .object({
    text: yup.string().required('conditions: each condition needs a text').max(5000, 'text must be at most 5000 characters'),
    dueDate: day('dueDate').required('conditions: each condition needs a dueDate (YYYY-MM-DD)'),
    owner: documentId('owner').required('conditions: each condition needs an owner (a person documentId)'),
  })
  .noUnknown(true, 'unknown field(s) in a condition: ${unknown}');

const reviewFields = {
  scheduledDate: day('scheduledDate'),
  heldDate: day('heldDate'),
  reviewers: yup.array().of(documentId('reviewers').required()).max(50, 'reviewers: at most 50 people'),
  notes: yup.string().nullable().max(20000, 'notes must be at most 20000 characters'),
  decision: yup
    .string()
    .nullable()
    .oneOf([...GATE_DECISIONS, null], `decision must be one of ${GATE_DECISIONS.join(', ')}`),
  checklist: yup.array().of(
    yup
      .object({
        key: yup.string().required('checklist: each answer needs the key of its criterion'),
        met: yup.string().nullable().oneOf(['yes', 'no', null], 'met must be "yes", "no" or null'),
        notes: yup.string().nullable().max(5000, 'notes must be at most 5000 characters'),
      })
      .noUnknown(true, 'unknown field(s) in a checklist answer: ${unknown}')
  ),
  conditions: yup.array().of(conditionInput).max(50, 'conditions: at most 50'),
};

const scheduleBody = yup
  .object({
    project: documentId('project').required('project is required (the documentId of a project)'),
    gate: yup
      .number()
      .typeError('gate must be a whole number from 1 to 5')
      .required('gate is required (1 to 5)')
      .integer('gate must be a whole number from 1 to 5')
      .min(1, 'gate must be a whole number from 1 to 5')
      .max(5, 'gate must be a whole number from 1 to 5'),
    ...reviewFields,
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

const updateBody = yup.object(reviewFields).noUnknown(true, 'unknown field(s): ${unknown} (project and gate are fixed once scheduled)');

const conditionUpdateBody = yup
  .object({
    done: yup.boolean().typeError('done must be true or false'),
    dueDate: day('dueDate').test('present', 'dueDate cannot be removed', (value) => value !== null),
    owner: documentId('owner'),
    text: yup.string().min(1, 'text must not be empty').max(5000, 'text must be at most 5000 characters'),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

const listQuery = yup
  .object({
    project: yup.string().max(255),
    gate: yup.string().matches(/^[1-5]$/, 'gate must be a whole number from 1 to 5'),
  })
  .noUnknown(true, 'unknown query parameter(s): ${unknown}');

const boardQuery = yup
  .object({
    programme: yup.string().max(255),
    state: yup.string().max(64),
  })
  .noUnknown(true, 'unknown query parameter(s): ${unknown}');

export type ConditionInput = { text: string; dueDate: string; owner: string };

export type ReviewInput = {
  scheduledDate?: string | null;
  heldDate?: string | null;
  reviewers?: string[];
  notes?: string | null;
  decision?: GateDecision | null;
  checklist?: ChecklistAnswer[];
  conditions?: ConditionInput[];
};

export type ScheduleInput = ReviewInput & { project: string; gate: number };

export type ConditionUpdate = { done?: boolean; dueDate?: string; owner?: string; text?: string };

const body = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});

export const parseSchedule = async (value: unknown) =>
  (await validateYupSchema(scheduleBody, { strict: true })(body(value))) as ScheduleInput;

export const parseUpdate = async (value: unknown) =>
  (await validateYupSchema(updateBody, { strict: true })(body(value))) as ReviewInput;

export const parseConditionUpdate = async (value: unknown) =>
  (await validateYupSchema(conditionUpdateBody, { strict: true })(body(value))) as ConditionUpdate;

// Query strings are validated strictly (a non-strict yup drops unknown parameters silently).
export async function parseListQuery(value: unknown): Promise<{ project?: string; gate?: number }> {
  const query = (await validateYupSchema(listQuery, { strict: true })(body(value))) as { project?: string; gate?: string };
  return { project: query.project, gate: query.gate === undefined ? undefined : Number(query.gate) };
}

export const parseBoardQuery = async (value: unknown) =>
  (await validateYupSchema(boardQuery, { strict: true })(body(value))) as { programme?: string; state?: string };

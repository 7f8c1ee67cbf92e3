/**
 * Capacity's contract (DESIGN.md, "People and planning"; docs/people.md): the allocation-approval
 * vocabulary, the permissions, `GET /pmo/capacity` (people × months, booked, tentative, free,
 * over), the drill-down to a cell's allocations, a person's page, and the `capacity.csv` export.
 * The server validates with these schemas; the admin is typed from them. Pure: no Strapi import.
 */
import { contract, documentIdParams, noParams, query, queryOnce, queryWholeNumber, z } from './common';
import { formatMonth } from '../calendar';
import { codedRef } from './refs';
import { ALLOCATION_UID, DEPARTMENT_UID, PERSON_UID } from './uids';

export { ALLOCATION_UID, DEPARTMENT_UID, PERSON_UID };

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

/** The seeded workflow on allocations and its states. */
export const ALLOCATION_APPROVAL = 'allocation-approval';
export const ALLOCATION_STATES = ['requested', 'approved', 'declined'] as const;
export type AllocationState = (typeof ALLOCATION_STATES)[number];
/** Only approved allocations are booked; requested ones are tentative; declined never count. */
export const BOOKED_STATE: AllocationState = 'approved';
export const DECLINED_STATE: AllocationState = 'declined';

/** Read the capacity of everyone (the page, the route and the admin export). */
export const CAPACITY_READ = 'plugin::pmo.capacity.read';
/** The Content API permission (an API token's scope) for `/api/pmo/exports/capacity.csv`. */
export const CAPACITY_DOWNLOAD = 'plugin::pmo.capacity.download';

/** `PMO_ALLOCATION_LIMIT`: `warn` (saved, the answer carries `warnings`) or `strict` (422). */
export const ALLOCATION_LIMITS = ['warn', 'strict'] as const;
export type AllocationLimit = (typeof ALLOCATION_LIMITS)[number];

/** The widest range one request may ask for, in months. */
export const MAX_CAPACITY_MONTHS = 36;

/** The notification category and template of certification reminders, and the days before expiry they go out. */
export const CERTIFICATION_CATEGORY = 'certification';
export const CERTIFICATION_TEMPLATE = 'certification-expiring';
export const CERTIFICATION_NOTICE_DAYS = 60;

/** A month's percent as words: "160 %", "12.5 %". */
export const percentWords = (percent: number) => `${Number(percent.toFixed(2))} %`;

/** The over-capacity warning, in words: "Ann Smith would be booked at 160 % in Mar 2027". */
export const overCapacityWords = (fullName: string, percent: number, month: string, available = 100) =>
  `${fullName} would be booked at ${percentWords(percent)} in ${formatMonth(month)}${available === 100 ? '' : ` (available ${percentWords(available)})`}`;

/* ---------------------------------------------------------------------------------------------
 * GET /pmo/capacity
 * -------------------------------------------------------------------------------------------*/

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value);

const MONTH_WORDS: Record<string, string> = { from: 'The first month (from)', to: 'The last month (to)', month: 'The month' };
const monthParam = (param: 'from' | 'to' | 'month') =>
  queryOnce(param).refine(isMonth, {
    error: (issue) => `${MONTH_WORDS[param]} must be a month written YYYY-MM, such as 2027-03, not "${String(issue.input).slice(0, 20)}"`,
  });

const keyParam = (param: string, noun: string) =>
  queryOnce(param)
    .refine((value) => value.trim() !== '' && value.length <= 255, { error: () => `Choose the ${noun} to show` })
    .transform((value) => value.trim());

export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** `?from=YYYY-MM&to=YYYY-MM&department=&programme=&role=&page=&pageSize=`; from defaults to this month, to to eleven months later. */
export const capacityQuery = query({
  from: monthParam('from').optional(),
  to: monthParam('to').optional(),
  /** A department's documentId or name. */
  department: keyParam('department', 'department').optional(),
  /** A programme's documentId or code: people with an allocation on one of its projects. */
  programme: keyParam('programme', 'programme').optional(),
  /** People with an allocation in this role (its words, as typed on the allocation). */
  role: keyParam('role', 'role').optional(),
  /** People whose name contains this text. */
  q: keyParam('q', 'name').optional(),
  page: queryWholeNumber('page', 1, 100000).optional(),
  pageSize: queryWholeNumber('pageSize', 1, 100).optional(),
}).superRefine((value, ctx) => {
  if (value.from && value.to) {
    const span = monthIndex(value.to) - monthIndex(value.from) + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last month (to) must not be before the first month (from)', input: value.to });
    else if (span > MAX_CAPACITY_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `Show at most ${MAX_CAPACITY_MONTHS} months at a time (from ${value.from} to ${value.to} is ${span})`, input: value.to });
    }
  }
});
export type CapacityQuery = z.output<typeof capacityQuery>;

export const capacityMonth = z.object({
  month: z.string(),
  /** Day-weighted percent of approved allocations (2 decimals). */
  booked: z.number(),
  /** Day-weighted percent of requested allocations (2 decimals). */
  tentative: z.number(),
  /** Available percent (capacity less non-project time) less booked, never below 0. */
  free: z.number(),
  /** Booked above the available percent. */
  over: z.boolean(),
});
export type CapacityMonth = z.infer<typeof capacityMonth>;

export const capacityPerson = z.object({
  person: z.object({ documentId: z.string(), fullName: z.string(), department: z.object({ documentId: z.string(), name: z.string() }).nullable() }),
  capacityPercent: z.number(),
  nonProjectPercent: z.number(),
  /** capacityPercent − nonProjectPercent, never below 0: what allocations may book. */
  availablePercent: z.number(),
  months: z.array(capacityMonth),
});
export type CapacityPerson = z.infer<typeof capacityPerson>;

export const capacityAnswer = z.object({
  months: z.array(z.string()),
  people: z.array(capacityPerson),
  pagination: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
});
export type CapacityAnswer = z.infer<typeof capacityAnswer>;

/* ---------------------------------------------------------------------------------------------
 * A person's allocations (the drill-down from a cell, the person page)
 * -------------------------------------------------------------------------------------------*/

/** `?month=YYYY-MM`: only the allocations overlapping that month. */
export const personAllocationsQuery = query({ month: monthParam('month').optional() });

export const allocationView = z.object({
  documentId: z.string(),
  project: codedRef.nullable(),
  role: z.string().nullable(),
  percent: z.number(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  state: z.enum(ALLOCATION_STATES),
  /** Day-weighted percent this allocation adds to the month asked for (null without `month`). */
  inMonth: z.number().nullable(),
});
export type AllocationView = z.infer<typeof allocationView>;

export const certificationView = z.object({
  name: z.string(),
  body: z.string().nullable(),
  obtainedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  /** Expired before today, or expiring within the notice period. */
  expired: z.boolean(),
  expiringSoon: z.boolean(),
});
export type CertificationView = z.infer<typeof certificationView>;

export const personCapacityAnswer = z.object({
  person: z.object({
    documentId: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    jobTitle: z.string().nullable(),
    department: z.object({ documentId: z.string(), name: z.string(), leader: z.string().nullable() }).nullable(),
    capacityPercent: z.number(),
    nonProjectPercent: z.number(),
  }),
  allocations: z.array(allocationView),
  certifications: z.array(certificationView),
});
export type PersonCapacityAnswer = z.infer<typeof personCapacityAnswer>;

/* ---------------------------------------------------------------------------------------------
 * capacity.csv
 * -------------------------------------------------------------------------------------------*/

export const CAPACITY_CSV_COLUMNS = [
  { name: 'person', kind: 'text' },
  { name: 'department', kind: 'text' },
  { name: 'month', kind: 'text' },
  { name: 'booked', kind: 'number' },
  { name: 'tentative', kind: 'number' },
  { name: 'free', kind: 'number' },
] as const;

export const capacityCsvQuery = query({
  from: monthParam('from').optional(),
  to: monthParam('to').optional(),
  department: keyParam('department', 'department').optional(),
  programme: keyParam('programme', 'programme').optional(),
  role: keyParam('role', 'role').optional(),
  delimiter: z.enum([',', ';'], { error: 'The delimiter must be , or ;' }).optional(),
  bom: z.enum(['0', '1'], { error: 'bom must be 1 (add a byte order mark) or 0' }).optional(),
}).superRefine((value, ctx) => {
  if (value.from && value.to && monthIndex(value.to) < monthIndex(value.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last month (to) must not be before the first month (from)', input: value.to });
  }
  if (value.from && value.to && monthIndex(value.to) - monthIndex(value.from) + 1 > MAX_CAPACITY_MONTHS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `Export at most ${MAX_CAPACITY_MONTHS} months at a time`, input: value.to });
  }
});
export type CapacityCsvQuery = z.output<typeof capacityCsvQuery>;

/** The over-capacity warnings of an allocation as stored (the Content Manager's panel). */
export const allocationWarningsAnswer = z.object({ warnings: z.array(z.string()) });
export type AllocationWarningsAnswer = z.infer<typeof allocationWarningsAnswer>;

export const capacityRoutes = {
  allocationWarnings: contract({ params: documentIdParams, query: query({}) }),
  capacity: contract({ params: noParams, query: capacityQuery }),
  person: contract({ params: documentIdParams, query: personAllocationsQuery }),
  exportCsv: contract({ params: noParams, query: capacityCsvQuery }),
};

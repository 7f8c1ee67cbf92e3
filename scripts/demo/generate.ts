/**
 * Turns the demo catalog into rows: projects, budget lines, cost entries, status reports,
 * allocations and documents. Deterministic: the same anchor date always gives the same rows
 * (a seeded PRNG per project and purpose, dates counted from the anchor). Pure: no Strapi.
 *
 * Money is integer minor units in strings ("123450" is 1,234.50), as the API carries it.
 */
import {
  PEOPLE,
  PROGRAMMES,
  PROJECTS,
  STANDARDS,
  emailOf,
  type DocumentType,
  type ProjectSpec,
} from './catalog';

export type Category = 'labour' | 'capex' | 'opex' | 'contingency' | 'change' | 'management-reserve';
export type Rag = 'green' | 'amber' | 'red';
export type DocumentStatus = 'draft' | 'in-review' | 'approved' | 'superseded';

/** The day the demo is anchored to (UTC midnight) and the first day of its month. */
export type Anchor = { day: Date; month: Date };

export type ProjectRow = {
  code: string;
  name: string;
  description: string;
  programme: string;
  manager: string;
  sponsor: string;
  startDate: string;
  endDate: string;
  tolerances: { costPercent: number; scheduleDays: number };
  changeBudget: string;
};

export type BudgetLineRow = { project: string; period: string; category: Category; amount: string; note: string };

export type CostEntryRow = {
  project: string;
  date: string;
  category: Category;
  amount: string;
  supplier: string;
  reference: string;
};

export type StatusReportRow = {
  project: string;
  asOf: string;
  percentComplete: number;
  ragOverall: Rag;
  ragSchedule: Rag;
  ragCost: Rag;
  ragScope: Rag;
  summary: string;
  risks: string;
  issues: string;
  nextSteps: string;
};

export type AllocationRow = {
  person: string;
  project: string;
  role: string;
  percent: number;
  startDate: string;
  endDate: string;
};

export type DocumentRow = {
  title: string;
  documentType: DocumentType;
  project?: string;
  programme?: string;
  owner: string;
  version: string;
  status: DocumentStatus;
  approvedAt: string | null;
  lastReviewedAt: string | null;
  reviewCycleDays: number;
  /** Title of the PMO template the document was written from, if there is one. */
  template: string | null;
  /** Planted on purpose: the review is past due on the anchor day. */
  overdue: boolean;
};

export type DemoPlan = {
  anchor: Anchor;
  projects: ProjectRow[];
  budgetLines: BudgetLineRow[];
  costEntries: CostEntryRow[];
  statusReports: StatusReportRow[];
  allocations: AllocationRow[];
  documents: DocumentRow[];
};

// ---------------------------------------------------------------- dates (UTC, date-only)

const DAY_MS = 24 * 60 * 60 * 1000;

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const addMonths = (month: Date, n: number) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + n, 1));
const lastDayOf = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));
const addDays = (date: Date, n: number) => new Date(date.getTime() + n * DAY_MS);
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);
const yyyymm = (month: Date) => isoDate(month).slice(0, 7).replace('-', '');

export function anchorFrom(date: Date): Anchor {
  const day = utcDay(date);
  return { day, month: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)) };
}

// ---------------------------------------------------------------- seeded randomness

/** mulberry32 seeded with an FNV-1a hash of the key: the same key, the same sequence. */
export function seededRandom(key: string): () => number {
  let seed = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    seed ^= key.charCodeAt(i);
    seed = Math.imul(seed, 0x01000193) >>> 0;
  }
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, low: number, high: number) => low + (high - low) * random();
const pick = <T>(random: () => number, items: T[]): T => items[Math.floor(random() * items.length)];

function pickDistinct<T>(random: () => number, items: T[], count: number): T[] {
  const pool = items.slice();
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return chosen;
}

// ---------------------------------------------------------------- money

/** Euros (a float) to minor units, rounded to the nearest `step` euros. */
const euros = (amount: number, step = 0.01) => String(Math.round(amount / step) * Math.round(step * 100));

// ---------------------------------------------------------------- projects

type Timeline = { spec: ProjectSpec; months: Date[]; start: Date; end: Date };

function timeline(spec: ProjectSpec, anchor: Anchor): Timeline {
  const months = Array.from({ length: spec.months }, (_, m) => addMonths(anchor.month, spec.startOffset + m));
  return { spec, months, start: months[0], end: lastDayOf(months[months.length - 1]) };
}

/** Months whose books are closed on the anchor day: they have actuals and a status report. */
const reportedMonths = (t: Timeline, anchor: Anchor) => t.months.filter((month) => month < anchor.month);

function projectRow(t: Timeline): ProjectRow {
  const { spec } = t;
  return {
    code: spec.code,
    name: spec.name,
    description: spec.description,
    programme: spec.programme,
    manager: emailOf(spec.manager),
    sponsor: emailOf(spec.sponsor),
    startDate: isoDate(t.start),
    endDate: isoDate(t.end),
    tolerances: spec.tolerances,
    changeBudget: euros((spec.budget * spec.changeBudgetPercent) / 100, 1000),
  };
}

// ---------------------------------------------------------------- budget

const CATEGORY_NOTES: Record<Category, string> = {
  labour: 'Internal staff and contractor days',
  capex: 'Licences, hardware and capitalised build',
  opex: 'Cloud, subscriptions and run costs during delivery',
  contingency: 'Project contingency, held by the project manager',
  change: 'Authorised change',
  'management-reserve': 'Management reserve, released only by the PMO director',
};

/** Monthly weights: labour follows a bell, capex the build months, opex grows with go-live. */
function weights(months: number) {
  const t = (m: number) => (m + 0.5) / months;
  const labour = Array.from({ length: months }, (_, m) => 0.6 + 0.8 * Math.sin(Math.PI * t(m)));
  const capex = Array.from({ length: months }, (_, m) =>
    t(m) >= 0.15 && t(m) <= 0.75 ? 1 + 0.5 * Math.sin(Math.PI * t(m)) : 0
  );
  const opex = Array.from({ length: months }, (_, m) => 0.4 + t(m));
  const contingency = Array.from({ length: months }, () => 1);
  return { labour, capex, opex, contingency };
}

function budgetLines(t: Timeline): BudgetLineRow[] {
  const { spec } = t;
  const shares = { capex: spec.capexShare, opex: 0.12, contingency: 0.08, labour: 0 };
  shares.labour = 1 - shares.capex - shares.opex - shares.contingency;
  const w = weights(spec.months);
  const rows: BudgetLineRow[] = [];
  t.months.forEach((month, m) => {
    for (const category of ['labour', 'capex', 'opex', 'contingency'] as const) {
      const total = w[category].reduce((sum, x) => sum + x, 0);
      const amount = (spec.budget * shares[category] * w[category][m]) / total;
      if (amount < 100) continue;
      rows.push({ project: spec.code, period: isoDate(month), category, amount: euros(amount, 100), note: CATEGORY_NOTES[category] });
    }
    if (spec.managementReserve && m % 3 === 0) {
      const quarters = Math.ceil(spec.months / 3);
      rows.push({
        project: spec.code,
        period: isoDate(month),
        category: 'management-reserve',
        amount: euros((spec.budget * 0.05) / quarters, 1000),
        note: CATEGORY_NOTES['management-reserve'],
      });
    }
  });
  return rows;
}

/** How far actual cost runs from plan in month m: drifts towards the project's cost factor. */
function costFactors(t: Timeline): number[] {
  const random = seededRandom(`${t.spec.code}:cost-factor`);
  return t.months.map((_, m) => {
    const ramp = Math.min(1, (m + 1) / 8);
    return 1 + (t.spec.costFactor - 1) * (0.15 + 0.85 * ramp) + between(random, -0.03, 0.03);
  });
}

const initials = (supplier: string) =>
  supplier
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('')
    .slice(0, 4);

const INTERNAL = 'Alderbank Group (internal timesheets)';

function costEntries(t: Timeline, anchor: Anchor, budget: BudgetLineRow[], factors: number[]): CostEntryRow[] {
  const { spec } = t;
  const random = seededRandom(`${spec.code}:costs`);
  const rows: CostEntryRow[] = [];
  const budgetOf = (period: string, category: Category) =>
    budget.filter((line) => line.period === period && line.category === category).reduce((sum, line) => sum + Number(line.amount) / 100, 0);

  t.months.forEach((month, m) => {
    if (month >= anchor.month) return;
    const period = isoDate(month);
    const stamp = yyyymm(month);
    const f = factors[m];
    const on = (day: number) => isoDate(addDays(month, Math.min(day, lastDayOf(month).getUTCDate()) - 1));
    let sequence = 0;
    const invoice = (category: Category, supplier: string, amount: number, day: number) => {
      sequence += 1;
      rows.push({
        project: spec.code,
        date: on(day),
        category,
        amount: euros(amount),
        supplier,
        reference: `${initials(supplier)}-${stamp}-${String(sequence).padStart(2, '0')}`,
      });
    };

    const labour = budgetOf(period, 'labour') * f;
    rows.push({
      project: spec.code,
      date: isoDate(lastDayOf(month)),
      category: 'labour',
      amount: euros(labour * between(random, 0.5, 0.6)),
      supplier: INTERNAL,
      reference: `TS-${stamp}`,
    });
    const contractor = labour - Number(rows[rows.length - 1].amount) / 100;
    if (contractor > 60000) {
      const first = contractor * between(random, 0.4, 0.6);
      invoice('labour', spec.suppliers.labour, first, Math.floor(between(random, 5, 13)));
      invoice('labour', spec.suppliers.labour, contractor - first, Math.floor(between(random, 18, 26)));
    } else {
      invoice('labour', spec.suppliers.labour, contractor, Math.floor(between(random, 8, 22)));
    }
    const capex = budgetOf(period, 'capex');
    if (capex > 0) invoice('capex', spec.suppliers.capex, capex * f * between(random, 0.85, 1.15), Math.floor(between(random, 3, 27)));
    const opex = budgetOf(period, 'opex');
    if (opex > 0) invoice('opex', spec.suppliers.opex, opex * f * between(random, 0.9, 1.1), Math.floor(between(random, 1, 6)));
  });
  return rows;
}

// ---------------------------------------------------------------- status reports

const worst = (...rags: Rag[]): Rag => (rags.includes('red') ? 'red' : rags.includes('amber') ? 'amber' : 'green');
const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');

function statusReports(t: Timeline, anchor: Anchor, factors: number[]): StatusReportRow[] {
  const { spec } = t;
  const random = seededRandom(`${spec.code}:status`);
  const totalDays = daysBetween(t.start, t.end) + 1;
  const rows: StatusReportRow[] = [];
  let previous = 0;

  t.months.forEach((month, m) => {
    if (month >= anchor.month) return;
    const final = m === spec.months - 1;
    const planned = ((m + 1) / spec.months) * 100;
    const drift = 1 + (spec.scheduleFactor - 1) * Math.min(1, (m + 1) / 4) + between(random, -0.02, 0.02);
    const percentComplete = final ? 100 : Math.max(previous, Math.min(99, Math.round(planned * drift)));
    previous = percentComplete;

    const costVariance = (factors[m] - 1) * 100;
    const tolerance = spec.tolerances.costPercent;
    const ragCost: Rag = costVariance > tolerance ? 'red' : costVariance > tolerance / 2 ? 'amber' : 'green';
    const slipDays = ((planned - percentComplete) / 100) * totalDays;
    const ragSchedule: Rag = final
      ? 'green'
      : slipDays > spec.tolerances.scheduleDays
        ? 'red'
        : slipDays > spec.tolerances.scheduleDays / 2
          ? 'amber'
          : 'green';
    const ragScope: Rag = random() < 0.1 ? 'amber' : 'green';
    const ragOverall = worst(ragCost, ragSchedule, ragScope);

    const stage = Math.min(spec.milestones.length - 1, Math.floor((percentComplete / 100) * spec.milestones.length));
    const spend =
      Math.abs(costVariance) < 2
        ? 'spend is on budget'
        : `spend is ${Math.abs(costVariance).toFixed(0)} % ${costVariance > 0 ? 'above' : 'below'} the budget to date`;
    const summary = final
      ? `Project complete: ${spec.milestones[spec.milestones.length - 1].toLowerCase()} done and handed over to operations; ${spend}.`
      : `${spec.milestones[stage]} under way. ${percentComplete} % complete against ${Math.round(planned)} % planned; ${spend}.`;

    const issues: string[] = [];
    if (ragCost === 'red') issues.push(`Forecast cost outside the ${tolerance} % tolerance: exception report to the programme board.`);
    if (ragSchedule === 'red') issues.push(`Forecast slip beyond the ${spec.tolerances.scheduleDays}-day schedule tolerance.`);
    if (ragScope === 'amber') issues.push('Scope change requested by the business; impact assessment in progress.');
    if (spec.issues.length > 0 && (ragOverall !== 'green' || random() < 0.4)) issues.push(pick(random, spec.issues));

    const next = spec.milestones[stage + 1];
    const nextSteps = final
      ? bullets(['Hold the lessons-learned workshop.', 'Hand open risks and issues to service owners.', 'Schedule the benefits review.'])
      : bullets([
          `Complete: ${spec.milestones[stage]}.`,
          next ? `Prepare: ${next}.` : 'Prepare the gate 4 readiness-for-service review.',
          ...(m % 3 === 2 ? ['Refresh the forecast with the Finance Business Partner.'] : []),
        ]);

    rows.push({
      project: spec.code,
      asOf: isoDate(lastDayOf(month)),
      percentComplete,
      ragOverall,
      ragSchedule,
      ragCost,
      ragScope,
      summary,
      risks: bullets(pickDistinct(random, spec.risks, 2)),
      issues: issues.length > 0 ? bullets(issues) : 'No issues need escalation.',
      nextSteps,
    });
  });
  return rows;
}

// ---------------------------------------------------------------- allocations

function allocations(t: Timeline): AllocationRow[] {
  const { spec } = t;
  const span = { startDate: isoDate(t.start), endDate: isoDate(t.end) };
  return [
    { person: emailOf(spec.manager), project: spec.code, role: 'Project Manager', percent: spec.managerPercent, ...span },
    ...spec.team.map((member) => ({ person: emailOf(member.person), project: spec.code, role: member.role, percent: member.percent, ...span })),
  ];
}

// ---------------------------------------------------------------- documents

const TEMPLATE_FOR = new Map<DocumentType, string>();
for (const standard of STANDARDS) {
  for (const template of standard.templates) {
    if (!TEMPLATE_FOR.has(template.documentType)) TEMPLATE_FOR.set(template.documentType, template.title);
  }
}

const at10 = (date: Date) => `${isoDate(date)}T10:00:00.000Z`;

type DocumentPlan = {
  type: DocumentType;
  title: string;
  owner: string;
  status: DocumentStatus;
  version: string;
  cycle: number;
  approved?: Date;
};

/**
 * Sets the review dates: a planted overdue document was last reviewed well over a cycle ago;
 * every other approved document was reviewed within the first half of its cycle, so it is
 * current on the anchor day.
 */
function reviewed(plan: DocumentPlan, anchor: Anchor, overdue: boolean, random: () => number, owner: { project?: string; programme?: string }): DocumentRow {
  const base = {
    title: plan.title,
    documentType: plan.type,
    ...owner,
    owner: plan.owner,
    version: plan.version,
    status: plan.status,
    approvedAt: plan.approved ? at10(plan.approved) : null,
    template: TEMPLATE_FOR.get(plan.type) ?? null,
  };
  // Drafts, documents in review and superseded versions are not on a review cycle.
  if (plan.status !== 'approved' || !plan.approved) {
    return { ...base, lastReviewedAt: null, reviewCycleDays: plan.cycle, overdue: false };
  }
  if (overdue) {
    const target = addDays(anchor.day, -Math.floor(between(random, 190, 220)));
    const last = target < plan.approved ? plan.approved : target;
    const age = daysBetween(last, anchor.day);
    const cycle = age > 90 + 14 ? 90 : 30;
    if (age < cycle + 14) throw new Error(`demo catalog: "${plan.title}" cannot be made overdue`);
    return { ...base, lastReviewedAt: isoDate(last), reviewCycleDays: cycle, overdue: true };
  }
  const age = Math.floor(between(random, 0.1, 0.5) * plan.cycle);
  const last = addDays(anchor.day, -age);
  return { ...base, lastReviewedAt: isoDate(last < plan.approved ? plan.approved : last), reviewCycleDays: plan.cycle, overdue: false };
}

function projectDocuments(t: Timeline, anchor: Anchor): DocumentRow[] {
  const { spec } = t;
  const random = seededRandom(`${spec.code}:documents`);
  const manager = emailOf(spec.manager);
  const sponsor = emailOf(spec.sponsor);
  const title = (what: string) => `${spec.name} ${what}`;
  const plans: DocumentPlan[] = [];

  if (t.start > anchor.day) {
    plans.push(
      { type: 'business-case', title: title('business case'), owner: sponsor, status: 'in-review', version: '0.9', cycle: 90 },
      { type: 'project-brief', title: title('project brief'), owner: manager, status: 'draft', version: '0.3', cycle: 90 }
    );
  } else {
    const initiated = addDays(t.start, -21);
    const minor = () => String(Math.floor(random() * 4));
    plans.push(
      { type: 'business-case', title: title('business case'), owner: sponsor, status: 'approved', version: `${1 + Math.floor(random() * 2)}.${minor()}`, cycle: 90, approved: addDays(t.start, -35) },
      { type: 'project-brief', title: title('project brief'), owner: manager, status: 'superseded', version: '1.0', cycle: 90, approved: addDays(t.start, -49) },
      { type: 'project-initiation-document', title: title('project initiation document'), owner: manager, status: 'approved', version: `1.${minor()}`, cycle: 180, approved: initiated },
      { type: 'project-plan', title: title('project plan'), owner: manager, status: 'approved', version: `1.${minor()}`, cycle: 60, approved: initiated },
      { type: 'risk-register', title: title('risk register'), owner: manager, status: 'approved', version: `1.${minor()}`, cycle: 30, approved: initiated },
      { type: 'issue-register', title: title('issue register'), owner: manager, status: 'approved', version: `1.${minor()}`, cycle: 30, approved: initiated },
      { type: 'communication-plan', title: title('communication plan'), owner: manager, status: 'approved', version: '1.0', cycle: 180, approved: initiated }
    );
    const firstStageEnd = lastDayOf(addMonths(t.start, 3));
    if (firstStageEnd < anchor.day) {
      plans.push({ type: 'end-stage-report', title: title('end stage report, stage 1'), owner: manager, status: 'approved', version: '1.0', cycle: 365, approved: addDays(firstStageEnd, 7) });
    }
    if (t.end < anchor.day) {
      const closed = addDays(t.end, 5);
      plans.push(
        { type: 'end-project-report', title: title('end project report'), owner: manager, status: 'approved', version: '1.0', cycle: 365, approved: closed },
        { type: 'lessons-log', title: title('lessons log'), owner: manager, status: 'approved', version: '1.0', cycle: 180, approved: closed }
      );
    } else if (daysBetween(anchor.day, t.end) < 120) {
      plans.push({ type: 'end-project-report', title: title('end project report'), owner: manager, status: 'draft', version: '0.2', cycle: 365 });
    }
  }

  // A project past its end date has been through gate 4 (and maybe 5), whose "no document overdue
  // for review" criterion it met: its planted overdue documents are only for running projects.
  const planted = t.end < anchor.day ? [] : spec.overdueDocuments;
  return plans.map((plan) => reviewed(plan, anchor, planted.includes(plan.type), random, { project: spec.code }));
}

function programmeDocuments(anchor: Anchor): DocumentRow[] {
  return PROGRAMMES.flatMap((programme) => {
    const random = seededRandom(`${programme.code}:documents`);
    const approved = addDays(anchor.day, -420);
    const plans: DocumentPlan[] = [
      { type: 'other', title: `${programme.name} blueprint`, owner: emailOf(programme.manager), status: 'approved', version: '2.0', cycle: 180, approved },
      { type: 'benefits-management-approach', title: `${programme.name} benefits management approach`, owner: emailOf(programme.sponsor), status: 'approved', version: '1.1', cycle: 90, approved },
      { type: 'communication-plan', title: `${programme.name} stakeholder engagement plan`, owner: emailOf(programme.manager), status: 'approved', version: '1.0', cycle: 180, approved },
    ];
    // One programme has let its benefits approach lapse.
    const overdue = (plan: DocumentPlan) => programme.code === 'PRG-INFRA' && plan.type === 'benefits-management-approach';
    return plans.map((plan) => reviewed(plan, anchor, overdue(plan), random, { programme: programme.code }));
  });
}

// ---------------------------------------------------------------- the plan

export function generateDemo(anchor: Anchor): DemoPlan {
  const plan: DemoPlan = { anchor, projects: [], budgetLines: [], costEntries: [], statusReports: [], allocations: [], documents: [] };
  for (const spec of PROJECTS) {
    const t = timeline(spec, anchor);
    const budget = budgetLines(t);
    const factors = costFactors(t);
    plan.projects.push(projectRow(t));
    plan.budgetLines.push(...budget);
    plan.costEntries.push(...costEntries(t, anchor, budget, factors));
    plan.statusReports.push(...statusReports(t, anchor, factors));
    plan.allocations.push(...allocations(t));
    plan.documents.push(...projectDocuments(t, anchor));
  }
  plan.documents.push(...programmeDocuments(anchor));
  return plan;
}

/** People the plan refers to by email that the catalog does not define (should be none). */
export function unknownPeople(plan: DemoPlan): string[] {
  const known = new Set(PEOPLE.map((p) => p.email));
  const used = [
    ...plan.projects.flatMap((p) => [p.manager, p.sponsor]),
    ...plan.allocations.map((a) => a.person),
    ...plan.documents.map((d) => d.owner),
  ];
  return [...new Set(used.filter((email) => !known.has(email)))];
}

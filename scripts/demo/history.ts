/**
 * The demo's history as plain data, dated relative to the demo's anchor day: when each project
 * passed which gate, who chaired and sat on the review and what they decided. Pure: no Strapi.
 * Change requests and mentoring live in ./activity-catalog.ts.
 */
import { PROGRAMMES, emailOf, type ProjectSpec } from './catalog';
import { seededRandom, type Anchor } from './generate';

const DAY_MS = 24 * 60 * 60 * 1000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const monthStart = (anchor: Anchor, offset: number) =>
  new Date(Date.UTC(anchor.month.getUTCFullYear(), anchor.month.getUTCMonth() + offset, 1));
const monthEnd = (anchor: Anchor, offset: number) => addDays(monthStart(anchor, offset + 1), -1);

/** The working day on or before `date` (meetings are not held at weekends). */
export function weekdayOnOrBefore(date: Date): Date {
  const day = date.getUTCDay();
  return day === 0 ? addDays(date, -2) : day === 6 ? addDays(date, -1) : date;
}

/** The working day on or after `date`. */
export function weekdayOnOrAfter(date: Date): Date {
  const day = date.getUTCDay();
  return day === 0 ? addDays(date, 1) : day === 6 ? addDays(date, 2) : date;
}

/** A past working day no later than two days before the anchor. */
const past = (date: Date, anchor: Anchor) => weekdayOnOrBefore(date < addDays(anchor.day, -2) ? date : addDays(anchor.day, -2));

/** `2 Dec 2026`, as PMO Hub writes dates. */
export function dayInWords(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `1,234,500.00 EUR`, as PMO Hub writes money. */
export function eurosInWords(amount: number): string {
  return `${amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} EUR`;
}

export type LifecycleTarget = 'proposed' | 'initiating' | 'planning' | 'executing' | 'closing' | 'closed';

/** Where a demo project stands in its lifecycle, from its dates relative to the anchor month. */
export function demoLifecycleTarget(spec: { startOffset: number; months: number }): LifecycleTarget {
  if (spec.startOffset > 2) return 'proposed';
  if (spec.startOffset > 0) return 'initiating';
  if (spec.startOffset === 0) return 'planning';
  if (spec.startOffset + spec.months > 0) return 'executing';
  // Ended a quarter or more ago: the benefits review has been held.
  if (spec.startOffset + spec.months <= -3) return 'closed';
  return 'closing';
}

export const GATES = [
  { gate: 1, transition: 'gate-1', to: 'initiating', name: 'Gate 1: business justification' },
  { gate: 2, transition: 'gate-2', to: 'planning', name: 'Gate 2: delivery strategy' },
  { gate: 3, transition: 'gate-3', to: 'executing', name: 'Gate 3: investment decision' },
  { gate: 4, transition: 'gate-4', to: 'closing', name: 'Gate 4: readiness for service' },
  { gate: 5, transition: 'gate-5', to: 'closed', name: 'Gate 5: benefits realisation' },
] as const;

export const LIFECYCLE_PATH = ['proposed', ...GATES.map((gate) => gate.to)];

/** The demo logins that chair gate reviews and fire the gate (they hold a role the lifecycle allows). */
export const CHAIRS = { director: emailOf('helen'), manager: emailOf('tomas') };

export type GatePass = {
  gate: number;
  transition: string;
  /** The chair's email: a demo login with the PMO director or PMO manager role. */
  chair: string;
  /** People (emails) who sat on the review, the chair first. */
  reviewers: string[];
  /** Who wrote the minutes. */
  recordedBy: string;
  scheduledDate: string;
  heldDate: string;
  /** When the decision was recorded and the gate fired (ISO moments on the held day). */
  decidedAt: string;
  passedAt: string;
  comment: string;
};

type Facts = { spec: ProjectSpec; start: Date; end: Date; programme: string; budget: string; changeBudget: string };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** What the board decided at each gate, in the minutes' words. */
function decisionComment(gate: number, facts: Facts, random: () => number): string {
  const { spec } = facts;
  const first = spec.milestones[0].toLowerCase();
  const risk = spec.risks[0].replace(/\.$/, '');
  switch (gate) {
    case 1:
      return pick(random, [
        `Business case accepted: strong strategic fit with the ${facts.programme}. Indicative budget of ${facts.budget}; proceed to initiation and confirm the delivery options.`,
        `Go. The board accepted the business justification and the sponsor's benefits targets. Initiation to firm up costs and the supplier route before gate 2.`,
        `Approved to initiate. Options appraisal favours the recommended option; the board asked for the benefits profile to be validated with Finance before gate 2.`,
      ]);
    case 2:
      return pick(random, [
        `Delivery strategy agreed: ${spec.suppliers.labour} as delivery partner over ${spec.months} months, starting with ${first}. PID and risk register accepted.`,
        `Go for planning. The board accepted the PID and the staged plan; key risk to watch: ${risk.charAt(0).toLowerCase()}${risk.slice(1)}.`,
        `Delivery approach and governance agreed, with monthly highlight reports to the programme board. Detailed plan and baselined budget to come to gate 3.`,
      ]);
    case 3:
      return pick(random, [
        `Investment approved: baseline budget of ${facts.budget}, cost tolerance ${spec.tolerances.costPercent} %, schedule tolerance ${spec.tolerances.scheduleDays} days, change budget ${facts.changeBudget}. Go for delivery from ${dayInWords(facts.start)}.`,
        `Go. Budget baselined at ${facts.budget} and the plan to ${dayInWords(facts.end)} accepted. Exceptions beyond tolerance come back to the programme board.`,
        `Investment decision: go. Finance confirmed funding of ${facts.budget} in the capital plan; change budget of ${facts.changeBudget} delegated within the project's tolerance.`,
      ]);
    case 4:
      return pick(random, [
        'Ready for service: acceptance testing complete, the service owner signed the handover and early-life support runs for four weeks.',
        'Go live approved. Operational acceptance criteria met; open defects are minor and owned by the service desk.',
      ]);
    default:
      return pick(random, [
        'Benefits review held: the planned benefits are being realised and are now tracked by the business owner. Lessons captured; project closed.',
        'Closure approved: benefits on track against the business case, open risks handed to service owners, lessons learned shared with the PMO.',
      ]);
  }
}

function gateDay(gate: number, facts: Facts, random: () => number): Date {
  const jitter = Math.floor(random() * 10);
  switch (gate) {
    case 1:
      return addDays(facts.start, -(80 + jitter));
    case 2:
      return addDays(facts.start, -(38 + jitter));
    case 3:
      return addDays(facts.start, -(3 + Math.floor(jitter / 2)));
    case 4:
      return addDays(facts.end, 4 + jitter);
    default:
      return addDays(facts.end, 75 + jitter);
  }
}

const at = (day: Date, hour: number, minute: number) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute)).toISOString();

function factsOf(spec: ProjectSpec, anchor: Anchor): Facts {
  return {
    spec,
    start: monthStart(anchor, spec.startOffset),
    end: monthEnd(anchor, spec.startOffset + spec.months - 1),
    programme: PROGRAMMES.find((programme) => programme.code === spec.programme)?.name ?? spec.programme,
    budget: eurosInWords(spec.budget),
    changeBudget: eurosInWords(Math.round((spec.budget * spec.changeBudgetPercent) / 100 / 1000) * 1000),
  };
}

/** The gates a demo project has passed, in order, with their reviews; deterministic per project and anchor. */
export function gateHistory(spec: ProjectSpec, anchor: Anchor): GatePass[] {
  const facts = factsOf(spec, anchor);
  const random = seededRandom(`${spec.code}:gates`);
  const reached = LIFECYCLE_PATH.indexOf(demoLifecycleTarget(spec));
  const analysts = [emailOf('priya'), emailOf('james')];
  const finance = [emailOf('grace'), emailOf('edward')];
  const passes: GatePass[] = [];
  let previous = new Date(0);
  for (const gate of GATES.slice(0, Math.max(0, reached))) {
    let held = past(gateDay(gate.gate, facts, random), anchor);
    if (held <= previous) held = weekdayOnOrAfter(addDays(previous, 1));
    previous = held;
    const chair = gate.gate === 3 || (gate.gate === 5 && random() < 0.5) || spec.budget >= 3_000_000 ? CHAIRS.director : CHAIRS.manager;
    const analyst = pick(random, analysts);
    const reviewers = [chair, emailOf(spec.sponsor), analyst];
    if (gate.gate === 3) reviewers.push(pick(random, finance));
    if (gate.gate === 4) reviewers.push(emailOf('ruth'));
    if (gate.gate === 2) reviewers.push(emailOf(spec.manager));
    // Most reviews are held on the day booked; some slip by a week or two, never earlier.
    const slip = random() < 0.3 ? 7 + Math.floor(random() * 8) : 0;
    const scheduled = weekdayOnOrBefore(addDays(held, -slip));
    const hour = 9 + Math.floor(random() * 7);
    passes.push({
      gate: gate.gate,
      transition: gate.transition,
      chair,
      reviewers: [...new Set(reviewers)],
      recordedBy: analyst === analysts[0] ? 'Priya Nair' : 'James Whitfield',
      scheduledDate: isoDay(scheduled),
      heldDate: isoDay(held),
      decidedAt: at(held, hour, 30),
      passedAt: at(held, hour + 1, 5),
      comment: decisionComment(gate.gate, facts, random),
    });
  }
  return passes;
}

/** When the next gate's review is booked, for a project that stands at `state`: always ahead of the anchor. */
export function nextReviewDate(spec: ProjectSpec, anchor: Anchor): string | null {
  const facts = factsOf(spec, anchor);
  const ahead = (date: Date, fallbackDays: number) =>
    isoDay(weekdayOnOrAfter(date > addDays(anchor.day, 3) ? date : addDays(anchor.day, fallbackDays)));
  switch (demoLifecycleTarget(spec)) {
    case 'initiating':
      return ahead(addDays(facts.start, -40), 12);
    case 'planning':
      return ahead(addDays(facts.start, 7), 9);
    case 'executing':
      return ahead(addDays(facts.end, -10), 21);
    case 'closing':
      return ahead(addDays(facts.end, 80), 20);
    default:
      return null;
  }
}

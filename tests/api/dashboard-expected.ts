/**
 * What the dashboard must answer for the fixed data set (dashboard-fixtures.ts), worked out here
 * from the fixture's own data with plain arithmetic, independently of the server's code: which
 * projects and programmes a filter covers, RAG counts, earned value, the heat map and each list.
 */
import { AS_OF, FIXTURE, type ProjectKey, type Stored } from './dashboard-fixtures';

const [ZERO, TEN, THIRTY_ONE, HUNDRED] = [0, 10, 31, 100].map(BigInt);
const DAY = 86400000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
const plusDays = (day: string, days: number) => new Date((dayNumber(day) + days) * DAY).toISOString().slice(0, 10);
const plusMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const money = (value: bigint) => {
  const sign = value < ZERO ? '-' : '';
  const digits = (value < ZERO ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};
const index = (n: bigint, d: bigint) => (d === ZERO ? null : Math.round((Number(n) / Number(d)) * 10000) / 10000);

const ref = (stored: Stored, key: ProjectKey) => ({ documentId: stored.projects[key].documentId, code: stored.projects[key].code, name: stored.projects[key].name });
export type Scope = { projects: ProjectKey[]; programmes: Array<'a' | 'b'> };

/** The place an item is held at is in scope: its project, or (held by a programme) that programme. */
const placed = (scope: Scope, at: string) => (at.startsWith('prog:') ? scope.programmes.includes(at.slice(5) as 'a') : scope.projects.includes(at as ProjectKey));

const latestReport = (key: ProjectKey, day: string) =>
  [...FIXTURE.projects[key].reports].filter(([asOf]) => asOf <= day).sort(([a], [b]) => (a < b ? -1 : 1)).pop() ?? null;

export function ragAt(scope: Scope, day: string) {
  const counts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const key of scope.projects) counts[latestReport(key, day)?.[1] ?? 'none'] += 1;
  return counts;
}

/** BAC, PV, EV and AC of one project in cents, from its fixture lines (asOf's month: 10 of 31 days). */
export function projectFigures(key: ProjectKey) {
  const spec = FIXTURE.projects[key];
  const lines = spec.budget.filter(([, category]) => category !== 'management-reserve');
  const bac = lines.reduce((sum, [, , amount]) => sum + cents(amount), ZERO);
  const month = AS_OF.slice(0, 7);
  const pv = lines.reduce((sum, [period, , amount]) => {
    if (period.slice(0, 7) < month) return sum + cents(amount);
    if (period.slice(0, 7) === month) return sum + (cents(amount) * TEN) / THIRTY_ONE;
    return sum;
  }, ZERO);
  const percent = BigInt(latestReport(key, AS_OF)?.[2] ?? 0);
  const ev = (bac * percent) / HUNDRED;
  const ac = spec.costs.filter(([date]) => date <= AS_OF).reduce((sum, [, amount]) => sum + cents(amount), ZERO);
  return { bac, pv, ev, ac, cpi: index(ev, ac), spi: index(ev, pv) };
}

const BUCKETS = [
  ['below-0.90', null, 0.9],
  ['0.90-0.95', 0.9, 0.95],
  ['0.95-1.05', 0.95, 1.05],
  ['from-1.05', 1.05, null],
] as const;
const bucketOf = (value: number | null) =>
  value === null ? 'none' : BUCKETS.find(([, from, to]) => (from === null || value >= from) && (to === null || value < to))![0];

export function expectedEvm(scope: Scope, stored: Stored) {
  const rows = scope.projects.map((key) => ({ key, ...projectFigures(key) }));
  const sum = (field: 'bac' | 'pv' | 'ev' | 'ac') => rows.reduce((total, row) => total + row[field], ZERO);
  const [bac, pv, ev, ac] = [sum('bac'), sum('pv'), sum('ev'), sum('ac')];
  const buckets = (field: 'cpi' | 'spi') =>
    [...BUCKETS.map(([key, from, to]) => ({ key, from, to })), { key: 'none', from: null, to: null }].map((bucket) => {
      const projects = rows.filter((row) => bucketOf(row[field]) === bucket.key).map((row) => ref(stored, row.key));
      return { ...bucket, count: projects.length, projects: expect.arrayContaining(projects) };
    });
  const ranked = rows
    .filter((row) => row.cpi !== null || row.spi !== null)
    .sort((a, b) => Math.min(a.cpi ?? Infinity, a.spi ?? Infinity) - Math.min(b.cpi ?? Infinity, b.spi ?? Infinity))
    .slice(0, 5);
  return {
    evm: { currency: 'EUR', bac: money(bac), pv: money(pv), ev: money(ev), ac: money(ac), cpi: index(ev, ac), spi: index(ev, pv), distribution: { cpi: buckets('cpi'), spi: buckets('spi') } },
    worst: ranked.map((row) => ({
      uid: 'api::project.project',
      documentId: stored.projects[row.key].documentId,
      title: FIXTURE.projects[row.key].name,
      code: stored.projects[row.key].code,
      cpi: row.cpi,
      spi: row.spi,
      cv: money(row.ev - row.ac),
      sv: money(row.ev - row.pv),
    })),
  };
}

export function expectedHeatmap(scope: Scope) {
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  let total = 0;
  for (const [at, p, i, status] of FIXTURE.risks) {
    if (status !== 'open' || !placed(scope, at)) continue;
    cells[p - 1][i - 1] += 1;
    total += 1;
  }
  return { cells, total };
}

const programmeRef = (stored: Stored, key: 'a' | 'b' | 'other') => ({ documentId: stored.programmes[key].documentId, code: stored.programmes[key].code, name: stored.programmes[key].name });
const projectOf = (stored: Stored, at: string) => (at.startsWith('prog:') ? null : ref(stored, at as ProjectKey));
const programmeOf = (stored: Stored, at: string) => (at.startsWith('prog:') ? programmeRef(stored, at.slice(5) as 'a') : null);

export function expectedLists(scope: Scope, stored: Stored) {
  const criticalIssues = FIXTURE.issues
    .map((issue, n) => ({ issue, documentId: stored.ids.issues[n] }))
    .filter(({ issue: [at, , priority, status, raisedOn] }) => priority === 'critical' && status === 'open' && raisedOn <= AS_OF && placed(scope, at))
    .sort((a, b) => ((a.issue[5] ?? '9999') < (b.issue[5] ?? '9999') ? -1 : 1))
    .map(({ issue: [at, title, , , raisedOn, targetDate], documentId }) => ({
      uid: 'api::issue.issue', documentId, title, project: projectOf(stored, at), programme: programmeOf(stored, at),
      owner: stored.people.m1.fullName, raisedOn, targetDate, overdue: targetDate !== null && targetDate < AS_OF,
    }));

  const documents = FIXTURE.documents
    .map((doc, n) => ({ doc, documentId: stored.ids.documents[n], due: plusDays(doc[3], doc[4]) }))
    .filter(({ doc: [at, , state], due }) => state !== 'superseded' && due < AS_OF && placed(scope, at))
    .map(({ doc: [at, title], documentId, due }) => ({
      uid: 'api::document.document', documentId, title, kind: 'document', project: projectOf(stored, at), programme: programmeOf(stored, at),
      owner: stored.people.m2.fullName, dueDate: due, daysOverdue: dayNumber(AS_OF) - dayNumber(due), review: null,
    }));
  const conditions = FIXTURE.conditions
    .map((condition, n) => ({ condition, documentId: stored.ids.conditions[n] }))
    .filter(({ condition: [key, , dueDate, done] }) => !done && dueDate < AS_OF && scope.projects.includes(key))
    .map(({ condition: [key, text, dueDate], documentId }) => ({
      uid: 'plugin::pmo.gate-condition', documentId, title: text, kind: 'gate-condition', project: ref(stored, key), programme: null,
      owner: stored.people.m1.fullName, dueDate, daysOverdue: dayNumber(AS_OF) - dayNumber(dueDate), review: expect.any(String),
    }));
  const overdueDocuments = [...documents, ...conditions].sort((a, b) => b.daysOverdue - a.daysOverdue);

  // Late reports: running projects a month (and 3 grace days) past their last report or start.
  const lateStatusReports = scope.projects
    .filter((key) => ['initiating', 'planning', 'executing', 'closing'].includes(FIXTURE.projects[key].state))
    .map((key) => {
      const last = latestReport(key, AS_OF)?.[0] ?? null;
      const since = last ?? FIXTURE.projects[key].startDate;
      let periodsLate = 0;
      while (plusDays(plusMonths(since, periodsLate + 1), 3) < AS_OF) periodsLate += 1;
      return { key, last, dueDate: plusMonths(since, 1), periodsLate };
    })
    .filter((row) => row.periodsLate > 0)
    .map((row) => ({
      uid: 'api::project.project', documentId: stored.projects[row.key].documentId, title: FIXTURE.projects[row.key].name, code: stored.projects[row.key].code,
      manager: stored.people[FIXTURE.projects[row.key].manager].fullName, cadence: 'monthly', lastReport: row.last, dueDate: row.dueDate, periodsLate: row.periodsLate,
    }));

  const until = plusDays(AS_OF, 30);
  const upcomingGateReviews = FIXTURE.reviews
    .map((review, n) => ({ review, documentId: stored.ids.reviews[n] }))
    .filter(({ review: [key, , decision, date] }) => decision === null && date >= AS_OF && date <= until && scope.projects.includes(key))
    .sort((a, b) => (a.review[3] < b.review[3] ? -1 : 1))
    .map(({ review: [key, gate, , date], documentId }) => ({
      uid: 'plugin::pmo.gate-review', documentId, title: expect.stringMatching(new RegExp(`^Gate ${gate} \\(.+\\) review of ${FIXTURE.projects[key].name}$`)),
      project: ref(stored, key), gate, scheduledDate: date,
    }));

  const lateDependencies = FIXTURE.dependencies
    .map((dependency, n) => ({ dependency, documentId: stored.ids.dependencies[n] }))
    .filter(({ dependency: [from, to, , needBy, status] }) => ['open', 'late'].includes(status) && needBy < AS_OF && (scope.projects.includes(from) || scope.projects.includes(to)))
    .sort((a, b) => (a.dependency[3] < b.dependency[3] ? -1 : 1))
    .map(({ dependency: [from, to, description, needBy, status], documentId }) => ({
      uid: 'api::dependency.dependency', documentId, title: description, from: ref(stored, from), to: ref(stored, to), needBy, daysLate: dayNumber(AS_OF) - dayNumber(needBy), status,
    }));

  const lists = { criticalIssues, overdueDocuments, lateStatusReports, upcomingGateReviews, lateDependencies };
  // Fewer than the answer's cap: every item is listed, and each count is the list's length.
  return { ...lists, totals: Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.length])) };
}

/** Projects by lifecycle state: every state of the lifecycle in its order, with the scope's counts. */
export function expectedStates(scope: Scope, states: Array<{ key: string; name: string; color?: string }>) {
  return states.map((state) => ({
    state: state.key,
    name: state.name,
    color: state.color ?? null,
    count: scope.projects.filter((key) => FIXTURE.projects[key].state === state.key).length,
  }));
}

/**
 * GET /pmo/dashboard's late status reports at the edges of each cadence: the database leaves out
 * the projects that cannot be late yet (lateCandidates), and what is left is reckoned exactly
 * (figures.ts lateReports). For weekly, fortnightly and monthly projects whose last report (or,
 * with none, whose start) is a few days either side of "one period and the grace days ago", the
 * list names exactly the projects the reporting rule calls late, with their periods late.
 */
import { DASHBOARD_LIST_LIMIT } from '../../src/plugins/pmo/shared/contracts/dashboard';
import { REPORT_GRACE_DAYS } from '../../src/plugins/pmo/shared/contracts/governance';
import { PROJECT_UID, STATUS_REPORT_UID } from '../../src/plugins/pmo/shared/contracts/uids';
import { reportLateness } from '../../src/plugins/pmo/server/src/platform/reporting';
import { asRole, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';
import { putInState } from '../helpers/workflow-state';

const AS_OF = '2026-03-31';
const day = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Doc = { documentId: string; code: string; name: string };
const create = async (uid: string, data: Record<string, unknown>) => (await (getStrapi().documents(uid as never) as any).create({ data })) as Doc;

let manager: Agent;
let portfolio: Doc;
/** Each project's code → what the reporting rule says of it on AS_OF. */
const expected = new Map<string, number>();

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  const tag = uniqueCode('LATE');
  portfolio = await create('api::portfolio.portfolio', { name: `Late portfolio ${tag}`, code: `${tag}-PF` });
  const programme = await create('api::programme.programme', { name: `Late programme ${tag}`, code: `${tag}-PG`, portfolio: portfolio.documentId });
  let n = 0;
  for (const [cadence, period] of [['weekly', 7], ['fortnightly', 14], ['monthly', 28], ['monthly', 31]] as const) {
    for (const offset of [-2, -1, 0, 1, 2]) {
      // Last report (or start) `period + grace + offset` days before AS_OF: either side of the edge.
      const since = day(AS_OF, -(period + REPORT_GRACE_DAYS + offset));
      for (const reported of [true, false]) {
        const code = `${tag}-${String((n += 1)).padStart(2, '0')}`;
        const project = await create(PROJECT_UID, {
          name: `Late ${cadence} ${offset} ${reported ? 'reported' : 'started'}`, code, programme: programme.documentId,
          reportingCadence: cadence, startDate: reported ? day(since, -200) : since,
        });
        await putInState(getStrapi(), PROJECT_UID, project.documentId, 'executing');
        if (reported) await create(STATUS_REPORT_UID, { project: project.documentId, asOf: since, ragOverall: 'green', percentComplete: 10 });
        expected.set(code, reportLateness(cadence, since, AS_OF).periodsLate);
      }
    }
  }
});

describe('late status reports at the edge of each cadence', () => {
  it('names exactly the projects the reporting rule calls late, however near the edge', async () => {
    const res = await manager.get(`/pmo/dashboard?portfolio=${portfolio.documentId}&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const late = [...expected].filter(([, periods]) => periods > 0);
    // Both sides of every edge are here, so a filter one day out either way would show.
    expect(late.length).toBeGreaterThan(10);
    expect(late.length).toBeLessThan(expected.size - 10);
    expect(res.body.totals.lateStatusReports).toBe(late.length);
    const listed = new Map((res.body.lateStatusReports as Array<{ code: string; periodsLate: number }>).map((row) => [row.code, row.periodsLate]));
    expect(listed.size).toBe(Math.min(late.length, DASHBOARD_LIST_LIMIT));
    for (const [code, periods] of listed) expect([code, periods]).toEqual([code, expected.get(code)]);
  });
});

/** Earned value over HTTP: project figures, programme and portfolio roll-ups, asOf, 400/403/404. */
import { today } from '../../src/plugins/pmo/shared/calendar';
import { asRole, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';

const AS_OF = '2026-03-10';

let finance: Agent;
let portfolio: Awaited<ReturnType<typeof make.portfolio>>;
let programme: Awaited<ReturnType<typeof make.programme>>;
let a: Awaited<ReturnType<typeof make.project>>;
let b: Awaited<ReturnType<typeof make.project>>;
let c: Awaited<ReturnType<typeof make.project>>;

beforeAll(async () => {
  finance = await asRole('finance');
  portfolio = await make.portfolio();
  programme = await make.programme(portfolio);
  const second = await make.programme(portfolio, 'Second programme');

  // A: BAC 46,000 (management reserve kept out); PV 5,000 + 31,000 × 10/31; EV 50 % (the report
  // dated asOf counts, a later one does not); AC 12,000 (an entry dated asOf counts, a later one not).
  a = await make.project(programme, 'Alpha');
  await make.budgetLine(a, '2026-02-01', 'labour', '5000.00');
  await make.budgetLine(a, '2026-03-01', 'opex', '31000.00');
  await make.budgetLine(a, '2026-04-01', 'capex', '10000.00');
  await make.budgetLine(a, '2026-03-01', 'management-reserve', '9999.00');
  await make.statusReport(a, '2026-02-15', 20);
  await make.statusReport(a, AS_OF, 50);
  await make.statusReport(a, '2026-03-11', 90);
  await make.costEntry(a, '2026-02-20', '8000.00');
  await make.costEntry(a, AS_OF, '4000.00');
  await make.costEntry(a, '2026-03-11', '100000.00');

  // B: BAC 1,000 all planned in January; 50 % complete; AC 1,000: CPI 0.5.
  b = await make.project(programme, 'Beta');
  await make.budgetLine(b, '2026-01-01', 'labour', '1000.00');
  await make.statusReport(b, '2026-01-31', 50);
  await make.costEntry(b, '2026-01-31', '1000.00');

  // C: in the second programme, nothing booked yet.
  c = await make.project(second, 'Gamma');
});

const ALPHA = {
  bac: '46000.00',
  pv: '15000.00',
  ev: '23000.00',
  ac: '12000.00',
  cv: '11000.00',
  sv: '8000.00',
  cpi: 1.9167,
  spi: 1.5333,
  eac: '24000.00',
  eacAtypical: '35000.00',
  eacCombined: '19826.09',
  etc: '12000.00',
  vac: '22000.00',
  tcpi: 0.6765,
};

/**
 * Alpha's earned schedule as of 10 Mar 2026 (finance/earned-schedule.ts, Lipke's method).
 * Budget from February: PV1 = 5,000 (end of Feb), PV2 = 36,000 (Mar), PV3 = 46,000 (Apr); EV 23,000.
 * C = 1 (5,000 ≤ 23,000 < 36,000); I = 18,000 / 31,000 = 18/31; ES = 49/31 = 1.580645… → 1.5806.
 * AT = 1 (February) + 10/31 (March) = 41/31 = 1.3226. SPI(t) = 49/41 = 1.195121… → 1.1951.
 * SV(t) = 8/31 = 0.2581. IEAC(t) = 3 months ÷ (49/41) = 123/49 = 2 + 25/49 months from 1 Feb:
 * April, 25/49 × 30 days = 15.3 → 15 Apr 2026.
 */
const ALPHA_SCHEDULE = { es: 1.5806, at: 1.3226, spiT: 1.1951, svT: 0.2581, ieacT: '2026-04-15' };

describe('GET /pmo/evm/projects/:documentId', () => {
  it("answers DESIGN.md's figures for a project as of a date", async () => {
    const res = await finance.get(`/pmo/evm/projects/${a.documentId}?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      asOf: AS_OF,
      currency: 'EUR',
      ...ALPHA,
      ...ALPHA_SCHEDULE,
      project: { documentId: a.documentId, code: a.code, name: 'Alpha' },
    });
  });

  it('moves with asOf: before any budget, after every month', async () => {
    const early = await finance.get(`/pmo/evm/projects/${a.documentId}?asOf=2025-12-31`);
    expect(early.body).toMatchObject({ bac: '46000.00', pv: '0.00', ev: '0.00', ac: '0.00', cpi: null, spi: null, eac: null });
    // No PV and no EV: no earned schedule either.
    expect(early.body).toMatchObject({ es: null, at: null, spiT: null, svT: null, ieacT: null });
    const late = await finance.get(`/pmo/evm/projects/${a.documentId}?asOf=2026-04-30`);
    expect(late.body).toMatchObject({ pv: '46000.00', ev: '41400.00', ac: '112000.00', tcpi: null });
    // EV 41,400 (90 %): C = 2 (36,000 ≤ 41,400 < 46,000), I = 5,400 / 10,000 → ES 2.54; AT = 3:
    // SPI(t) = 0.8467, SV(t) = −0.46; IEAC(t) = 3 / (2.54 / 3) = 3.5433 months → 17 May 2026 (0.5433 × 31 = 16.8).
    expect(late.body).toMatchObject({ es: 2.54, at: 3, spiT: 0.8467, svT: -0.46, ieacT: '2026-05-17' });
  });

  it('defaults asOf to today', async () => {
    // Today on the server's clock (this process's), read on both sides of the request: a run
    // across midnight may see either day, never another.
    const before = today();
    const res = await finance.get(`/pmo/evm/projects/${c.documentId}`);
    const after = today();
    expect(res.status).toBe(200);
    expect([before, after]).toContain(res.body.asOf);
    expect(res.body).toMatchObject({ bac: '0.00', ac: '0.00', cpi: null, spi: null, tcpi: null });
  });

  it.each(['2026-02-30', '2026-13-01', '10/03/2026', '2026-3-10', 'today', ''])('refuses asOf=%s with a 400 naming asOf', async (asOf) => {
    const res = await finance.get(`/pmo/evm/projects/${a.documentId}?asOf=${encodeURIComponent(asOf)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Give the as-of date as a real day/);
    // The one 400 shape: the message beside its field, as the admin's forms read it.
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['asOf'], message: res.body.error.message })]);
  });

  it('refuses an unknown parameter with a 400 naming it', async () => {
    const res = await finance.get(`/pmo/evm/projects/${a.documentId}?asof=${AS_OF}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/asof/);
    expect(res.body.error.details.errors[0].path).toEqual(['asof']);
  });

  it('answers 404 for an unknown project, programme or portfolio', async () => {
    for (const level of ['projects', 'programmes', 'portfolios']) {
      const res = await finance.get(`/pmo/evm/${level}/no-such-document?asOf=${AS_OF}`);
      expect([level, res.status]).toEqual([level, 404]);
    }
  });
});

describe('roll-ups', () => {
  it('sums BAC, PV, EV and AC over a programme and derives CPI from the sums, not the average', async () => {
    const res = await finance.get(`/pmo/evm/programmes/${programme.documentId}?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      asOf: AS_OF,
      currency: 'EUR',
      bac: '47000.00',
      pv: '16000.00',
      ev: '23500.00',
      ac: '13000.00',
      cpi: 1.8077, // 23,500 / 13,000; the average of 1.9167 and 0.5 would be 1.2083
      spi: 1.4688,
      programme: { documentId: programme.documentId, code: programme.code },
      // Earned schedule on the summed PV curve at the summed EV (Beta's January first):
      // PV1 = 1,000, PV2 = 6,000, PV3 = 37,000, PV4 = 47,000; EV 23,500 → C = 2,
      // I = 17,500 / 31,000 = 35/62, ES = 159/62 = 2.5645; AT = 2 + 10/31 = 72/31 = 2.3226;
      // SPI(t) = 159/144 = 1.1042; SV(t) = 15/62 = 0.2419; IEAC(t) = 4 × 144/159 = 3 + 99/159
      // months from 1 Jan: April, 99/159 × 30 = 18.7 → 19 Apr 2026.
      es: 2.5645,
      at: 2.3226,
      spiT: 1.1042,
      svT: 0.2419,
      ieacT: '2026-04-19',
    });
    expect(res.body.projects).toEqual([
      expect.objectContaining({ documentId: a.documentId, code: a.code, name: 'Alpha', programmeCode: programme.code, ...ALPHA }),
      expect.objectContaining({ documentId: b.documentId, code: b.code, name: 'Beta', cpi: 0.5, spi: 0.5, ev: '500.00' }),
    ]);
  });

  it("rolls a portfolio up over its programmes' projects", async () => {
    const res = await finance.get(`/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bac: '47000.00', ev: '23500.00', ac: '13000.00', cpi: 1.8077 });
    expect(res.body.projects.map((p: { code: string }) => p.code).sort()).toEqual([a.code, b.code, c.code].sort());
  });
});

describe('who may read earned value', () => {
  it.each(['pmo-director', 'pmo-manager', 'pmo-analyst', 'finance'] as const)('lets %s read it', async (role) => {
    const res = await (await asRole(role)).get(`/pmo/evm/programmes/${programme.documentId}?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
  });

  it.each(['project-manager', 'change-board', 'pmo-administrator'] as const)('refuses %s with a 403', async (role) => {
    const res = await (await asRole(role)).get(`/pmo/evm/projects/${a.documentId}?asOf=${AS_OF}`);
    expect(res.status).toBe(403);
  });
});

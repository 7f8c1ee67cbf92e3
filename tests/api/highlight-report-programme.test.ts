/**
 * A programme's highlight report (GET /pmo/reports/highlight/programmes/:documentId.pdf), read
 * back with pdf-parse: its projects with state, RAG, CPI, SPI and next gate; the programme's
 * earned value (finance's sums) and S-curve; risks, issues and decisions of the programme and
 * its projects; changes authorised in the month to asOf; who sees the figures; 400 and 404.
 */
import { asRole, asSuperAdmin, type Agent } from '../helpers/strapi';
import { AS_OF, download, pdfText, programme as makeProgramme, readPdf, section } from './highlight-fixtures';

let superAdmin: Agent;
let made: Awaited<ReturnType<typeof makeProgramme>>;
let text: string;

const path = (documentId: string, asOf = AS_OF) => `/pmo/reports/highlight/programmes/${documentId}.pdf?asOf=${asOf}`;

function inOrder(haystack: string, words: string[]) {
  let from = 0;
  for (const word of words) {
    const at = haystack.indexOf(word, from);
    if (at === -1) throw new Error(`"${word}" not found after position ${from}`);
    from = at + word.length;
  }
}

/** "26672.84" → "26,672.84 EUR", as the report writes money. */
const eur = (decimal: string) => `${decimal.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} EUR`;

beforeAll(async () => {
  superAdmin = await asSuperAdmin();
  made = await makeProgramme(superAdmin);
  const res = await download(superAdmin, path(made.programme.documentId));
  if (res.status !== 200) throw new Error(`report: ${res.status} ${res.body}`);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toContain(`highlight-${made.programme.code}-${AS_OF}.pdf`);
  text = await pdfText(res.body);
});

describe('a programme highlight report', () => {
  it('heads with the programme, its portfolio and sponsor, and carries its name as the title', async () => {
    expect(text).toContain(`${made.programme.code} · Finance transformation`);
    expect(text).toContain('Programme highlight report as of 31 Mar 2026');
    expect(text).toMatch(/Portfolio\s+PF-[^\n]* · Highlight portfolio/);
    expect(text).toMatch(/Sponsor\s+Sam Sponsor/);
    expect(text).toMatch(/Manager\s+Not named/);
    const { title } = await readPdf((await download(superAdmin, path(made.programme.documentId))).body);
    expect(title).toBe(`Highlight report ${made.programme.code} 31 Mar 2026`);
  });

  it('lists its projects with state by name, RAG as of asOf, CPI, SPI and next gate', () => {
    expect(text).toContain('2 projects: 0 green, 1 amber, 1 red, 0 not reported');
    inOrder(text, ['Project', 'State', 'RAG', 'CPI', 'SPI', 'Next gate']);
    // Orion: planning, amber (31 Mar; the red report of 15 Apr is later), CPI 0.92, SPI 0.81.
    expect(text).toMatch(new RegExp(`${made.orion.code} · Orion ledger upgrade\\s+Planning\\s+Amber\\s+0\\.92\\s+0\\.81\\s+Gate 3 \\(investment decision\\)`));
    // Vega: proposed, red, CPI 500/500 = 1.00, SPI 500/1000 = 0.50.
    expect(text).toMatch(new RegExp(`${made.vega.code} · Vega payroll\\s+Proposed\\s+Red\\s+1\\.00\\s+0\\.50\\s+Gate 1 \\(business justification\\)`));
  });

  it("gives the programme's earned value as finance sums it, and its S-curve", async () => {
    const evm = (await superAdmin.get(`/pmo/evm/programmes/${made.programme.documentId}?asOf=${AS_OF}`)).body;
    // Independently: BAC 52,345.67 + 1,000.00; PV 32,345.67 + 1,000.00; AC 28,345.67 + 500.00; EV 26,172.835 + 500.
    expect(evm).toMatchObject({ bac: '53345.67', pv: '33345.67', ev: '26672.84', ac: '28845.67' });
    inOrder(text, ['BAC (budget at completion)', eur(evm.bac), 'CPI (cost performance index)', evm.cpi.toFixed(2)]);
    inOrder(text, ['PV (planned value)', eur(evm.pv), 'SPI (schedule performance index)', evm.spi.toFixed(2)]);
    inOrder(text, ['EV (earned value)', eur(evm.ev), 'EAC (estimate at completion)', eur(evm.eac)]);
    inOrder(text, ['AC (actual cost)', eur(evm.ac), 'VAC (variance at completion)', eur(evm.vac)]);
    expect(evm.cpi.toFixed(2)).toBe('0.92');
    expect(evm.spi.toFixed(2)).toBe('0.80');
    inOrder(text, ['Programme S-curve', 'As of 31 Mar 2026', 'PV (planned value)', 'EV (earned value)', 'AC (actual cost)']);
  });

  it('puts the programme-level risk first among the top five of the programme and its projects', () => {
    inOrder(text, [
      'Top risks of the programme and its projects',
      'The 5 highest of 7 open risks',
      'Programme',
      '25',
      'Programme funding cut',
      made.orion.code,
      '20',
      'Data cleansing supplier late',
      'Key accountant leaves',
      'Regulator changes VAT rules',
      'Cut-over weekend overruns',
      'and 2 more open risks',
    ]);
    expect(text).not.toContain('Licence costs rise');
  });

  it("lists its projects' open issues most urgent first, naming each one's project", () => {
    inOrder(text, ['4 open issues: 2 critical, 1 high, 1 low', made.orion.code, 'Payment run blocked', made.vega.code, 'Payroll interface down', 'Chart of accounts mapping incomplete', 'Typo in the training guide']);
  });

  it('lists the decisions and authorised changes of the month to asOf', () => {
    expect(text).toContain('after 28 Feb 2026 up to 31 Mar 2026 (the month to the as-of date: a programme has no status reports of its own)');
    inOrder(text, ['Decisions since the previous report', 'Extend the data cleansing contract', 'Vega goes live in May']);
    expect(text).not.toContain('Keep the legacy ledger read-only');
    expect(text).not.toContain('Hire a second tester');
    inOrder(text, ['Changes authorised', made.orion.code, 'Add the archive migration', '12,345.67 EUR', 'Total cost impact of the 1 change authorised: 12,345.67 EUR']);
    expect(section(text, 'Changes authorised', 'Total cost impact')).not.toContain('Earlier approved change');
  });
});

describe('who sees what', () => {
  it('gives a user without finance read the projects without CPI and SPI, and no earned value', async () => {
    const res = await download(await asRole('project-manager'), path(made.programme.documentId));
    expect(res.status).toBe(200);
    const seen = await pdfText(res.body);
    expect(seen).toContain(`${made.vega.code} · Vega payroll`);
    expect(seen).toContain('CPI and SPI are not shown: you may not read finance figures.');
    expect(seen).toContain('Earned value is not shown: you may not read finance figures.');
    expect(seen).not.toContain('53,345.67 EUR');
    expect(seen).not.toMatch(/Orion ledger upgrade\s+Planning\s+Amber\s+0\.92/);
  });

  it('gives a PMO manager the figures', async () => {
    const res = await download(await asRole('pmo-manager'), path(made.programme.documentId));
    expect(res.status).toBe(200);
    expect(await pdfText(res.body)).toContain('53,345.67 EUR');
  });
});

describe('bad requests', () => {
  it('answers 404 in words for a programme that does not exist', async () => {
    const res = await superAdmin.get(path('nosuchprogramme00000000'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('There is no such programme (it may have been deleted)');
  });

  it('answers the one 400 for a malformed as-of date', async () => {
    const res = await superAdmin.get(path(made.programme.documentId, '31-03-2026'));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([{ path: ['asOf'], message: 'Give the as-of date as a real day, written 2026-12-02 for 2 Dec 2026', name: 'ValidationError' }]);
  });
});

/**
 * The highlight report's renderer on its own (no Strapi): a report with long lists, hidden
 * sections and names the standard font cannot print, drawn as a PDF and read back with pdf-parse.
 */
import type { HighlightReport, ProgrammeProjectRow } from '../../src/plugins/pmo/server/src/dashboard/highlight/model';
import { renderHighlightReport } from '../../src/plugins/pmo/server/src/dashboard/highlight/pdf/render';
import { HIDDEN_REASONS } from '../../src/plugins/pmo/server/src/dashboard/highlight/words';
import { readPdf } from '../helpers/pdf';

const streamed = (doc: NodeJS.ReadableStream) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

const project = (i: number): ProgrammeProjectRow => ({
  code: `P-${String(i).padStart(3, '0')}`,
  name: `Project number ${i}`,
  state: 'Executing',
  rag: (['green', 'amber', 'red', null] as const)[i % 4],
  statusAsOf: '2026-11-30',
  cpi: 1 - i / 100,
  spi: null,
  nextGate: 'Gate 4 (readiness for service)',
});

const programme: HighlightReport = {
  kind: 'programme',
  asOf: '2026-12-02',
  subject: { code: 'PRG-001', name: 'Łódź depot renewal', manager: 'Zoë Øster', sponsor: null, parent: null, state: null },
  status: null,
  window: { from: '2026-11-02', to: '2026-12-02', basis: 'month' },
  evm: { shown: false, reason: HIDDEN_REASONS.evm },
  gates: null,
  projects: { rows: Array.from({ length: 45 }, (_, i) => project(i + 1)), figures: true, rag: true, gates: false },
  risks: { shown: false, reason: HIDDEN_REASONS.risks },
  issues: { shown: true, rows: [] },
  decisions: { shown: true, rows: [] },
  changes: {
    shown: true,
    rows: Array.from({ length: 10 }, (_, i) => ({ reference: `CR-${i + 1}`, title: `Change ${i + 1} ✓`, costImpact: '0.10', authorisedOn: '2026-11-20', where: 'P-001' })),
  },
};

let text: string;
let pages: number;

beforeAll(async () => {
  const read = await readPdf(await streamed(renderHighlightReport(programme, 'EUR')));
  text = read.text.replace(/\s+/g, ' ');
  pages = read.pages;
});

describe('the highlight report renderer', () => {
  it('prints names the standard font lacks in letters it has', () => {
    expect(text).toContain('PRG-001 · Lódz depot renewal');
    expect(text).toMatch(/Manager Zoë Øster/);
    expect(text).toMatch(/Sponsor Not named/);
  });

  it('cuts the projects at 40 with "and 5 more projects", repeating the header on the next page', () => {
    expect(text).toContain('45 projects: 11 green, 12 amber, 11 red, 11 not reported');
    expect(text).toContain('P-040 · Project number 40');
    expect(text).not.toContain('P-041 · Project number 41');
    expect(text).toContain('and 5 more projects');
    expect(text.match(/Project State RAG CPI SPI/g)?.length).toBeGreaterThan(1);
    expect(text).not.toContain('Next gate');
    expect(text).toContain(HIDDEN_REASONS.gates);
  });

  it('says which sections the reader may not see, and which are empty', () => {
    expect(text).toContain(HIDDEN_REASONS.evm);
    expect(text).toContain(HIDDEN_REASONS.risks);
    expect(text).toContain('No open issues.');
    expect(text).toContain('No decisions recorded in this period.');
  });

  it('sums the changes exactly and lists eight of ten', () => {
    expect(text).toContain('Change 8 ?');
    expect(text).not.toContain('Change 9 ');
    expect(text).toContain('and 2 more changes');
    expect(text).toContain('Total cost impact of the 10 changes authorised: 1.00 EUR');
  });

  it('numbers every page', () => {
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Page ${page} of ${pages}`);
  });
});

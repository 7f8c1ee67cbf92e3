/**
 * GET /pmo/exports/dashboard.xlsx, read back with exceljs: one sheet per section the caller may
 * read, holding the dashboard's own figures; money as numbers shown with two decimals (never
 * text), dates as dates, text that a spreadsheet would run as a formula written with a leading '.
 */
import ExcelJS from 'exceljs';
import { asRole, type Agent } from '../helpers/strapi';
import { AS_OF, storeFixture, type Stored } from './dashboard-fixtures';

let stored: Stored;
let manager: Agent;

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  stored = await storeFixture();
});

const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function download(agent: Agent, query: string) {
  const res = await agent.get(`/pmo/exports/dashboard.xlsx?${query}`).buffer(true).parse(binary);
  const workbook = new ExcelJS.Workbook();
  if (res.status === 200) await workbook.xlsx.load(res.body);
  return { res, workbook };
}

/** A sheet's rows as arrays of cell values (row 1: the header). */
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('GET /pmo/exports/dashboard.xlsx', () => {
  it('is an attachment holding one sheet per section, with the dashboard’s figures', async () => {
    const query = `portfolio=${stored.portfolio.documentId}&asOf=${AS_OF}`;
    const [{ res, workbook }, { body: answer }] = await Promise.all([download(manager, query), manager.get(`/pmo/dashboard?${query}`)]);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="dashboard-${AS_OF}.xlsx"`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary', 'Projects by state', 'RAG', 'CPI and SPI', 'Worst projects', 'Risk heat map',
      'Critical issues', 'Overdue documents', 'Late status reports', 'Upcoming gate reviews', 'Late dependencies',
    ]);

    const summary = workbook.getWorksheet('Summary')!;
    const value = (label: string) => rowsOf(summary).find((row) => row[0] === label)?.[1];
    const cellOf = (label: string) => summary.getCell(`B${rowsOf(summary).findIndex((row) => row[0] === label) + 1}`);
    expect(value('As of')).toEqual(new Date(`${AS_OF}T00:00:00.000Z`));
    expect(cellOf('As of').numFmt).toBe('d mmm yyyy');
    expect(value('Projects')).toBe(4);
    // Money: numbers (exactly the answer's decimals), shown with two decimals; never text.
    for (const [label, field] of [['Budget at completion (EUR)', 'bac'], ['Planned value (EUR)', 'pv'], ['Earned value (EUR)', 'ev'], ['Actual cost (EUR)', 'ac']] as const) {
      expect(typeof value(label)).toBe('number');
      expect((value(label) as number).toFixed(2)).toBe(answer.evm[field]);
      expect(cellOf(label).numFmt).toBe('#,##0.00');
      expect(cellOf(label).type).toBe(ExcelJS.ValueType.Number);
    }
    expect(value('Cost performance index (CPI)')).toBe(answer.evm.cpi);

    expect(rowsOf(workbook.getWorksheet('RAG')!).slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['Red', answer.rag.red, answer.rag.previous.red],
      ['Amber', answer.rag.amber, answer.rag.previous.amber],
      ['Green', answer.rag.green, answer.rag.previous.green],
      ['No status report', answer.rag.none, answer.rag.previous.none],
    ]);

    const worst = rowsOf(workbook.getWorksheet('Worst projects')!).slice(1);
    expect(worst.map((row) => [row[0], row[2], row[3], (row[4] as number).toFixed(2), (row[5] as number).toFixed(2)])).toEqual(
      answer.worst.map((row: any) => [row.code, row.cpi, row.spi, row.cv, row.sv])
    );
    expect(workbook.getWorksheet('Worst projects')!.getCell('E2').numFmt).toBe('#,##0.00');

    // The heat map: probability 5 at the top, impact 1 to 5 across.
    const heat = rowsOf(workbook.getWorksheet('Risk heat map')!).slice(1);
    expect(heat.map((row) => row[0])).toEqual([5, 4, 3, 2, 1]);
    expect(heat.map((row) => row.slice(1))).toEqual([5, 4, 3, 2, 1].map((p) => answer.heatmap.cells[p - 1]));

    const states = rowsOf(workbook.getWorksheet('Projects by state')!).slice(1);
    expect(states).toEqual(answer.projectsByState.map((state: any) => [state.name, state.count]));

    const deps = rowsOf(workbook.getWorksheet('Late dependencies')!).slice(1);
    expect(deps.map((row) => [row[2], row[3], row[4]])).toEqual(
      answer.lateDependencies.map((row: any) => [row.title, new Date(`${row.needBy}T00:00:00.000Z`), row.daysLate])
    );
  });

  it('writes a text cell a spreadsheet would run as a formula with a leading apostrophe', async () => {
    const { workbook } = await download(manager, `portfolio=${stored.portfolio.documentId}&asOf=${AS_OF}`);
    const issues = rowsOf(workbook.getWorksheet('Critical issues')!);
    expect(issues[0]).toEqual(['Project code', 'Programme code', 'Issue', 'Owner', 'Raised on', 'Target date', 'Past its target date']);
    const titles = issues.slice(1).map((row) => row[2]);
    expect(titles).toEqual(['Supplier insolvent', `'=HYPERLINK("x") key people leaving`]);
    const formulas: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.address))));
    expect(formulas).toEqual([]);
    expect(issues[2][1]).toBe(stored.programmes.b.code);
    expect(issues[1][4]).toEqual(new Date('2026-02-01T00:00:00.000Z'));
  });

  it('a project manager’s workbook has no finance figures', async () => {
    const { res, workbook } = await download(await asRole('project-manager'), `portfolio=${stored.portfolio.documentId}&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).not.toContain('Worst projects');
    expect(names).not.toContain('CPI and SPI');
    expect(rowsOf(workbook.getWorksheet('Summary')!).map((row) => row[0])).toEqual(['As of', 'Scope', 'Projects']);
  });

  it('takes the dashboard’s filters and refuses what it refuses', async () => {
    const res = await manager.get(`/pmo/exports/dashboard.xlsx?portfolio=${stored.portfolio.documentId}&programme=${stored.programmes.a.documentId}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['programme'], message: 'Choose a portfolio or a programme, not both' });
  });
});

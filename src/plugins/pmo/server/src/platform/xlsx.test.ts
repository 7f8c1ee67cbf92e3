import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { MONEY_FORMAT, xlsxStream, xlsxValue, type XlsxColumn } from './xlsx';

async function bufferOf(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* slowly<T>(rows: T[]) {
  for (const row of rows) {
    await new Promise((resolve) => setImmediate(resolve));
    yield row;
  }
}

const COLUMNS: XlsxColumn[] = [
  { name: 'title', kind: 'text' },
  { name: 'score', kind: 'integer' },
  { name: 'amount', kind: 'money' },
  { name: 'cpi', kind: 'decimal', decimals: 4 },
  { name: 'due', kind: 'date' },
];

describe('the XLSX writer', () => {
  it('writes text as text with formulas neutralised, numbers as numbers, money with two decimals and days as dates', async () => {
    const stream = xlsxStream([
      {
        name: 'Risk register',
        columns: COLUMNS,
        rows: slowly([
          ['=HYPERLINK("http://evil")', 16, '1234.50', '0.9123', '2026-12-02'],
          ['-2+3', null, '-5000.00', 1.25, null],
          ['Plain, "quoted"\ntext', 1, 0, '1', '2027-01-31'],
        ]),
      },
      { name: 'Second/sheet?', columns: [{ name: 'n', kind: 'integer' }], rows: [[1], [2]] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bufferOf(stream)) as never);
    const sheet = workbook.getWorksheet('Risk register')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'title', 'score', 'amount', 'cpi', 'due']);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(`'=HYPERLINK("http://evil")`);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(2).value).toBe(16);
    expect(first.getCell(3).value).toBe(1234.5);
    expect(first.getCell(3).numFmt).toBe(MONEY_FORMAT);
    expect(first.getCell(4).value).toBe(0.9123);
    expect(first.getCell(4).numFmt).toBe('0.0000');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2026, 11, 2)));
    expect(first.getCell(5).numFmt).toBe('d mmm yyyy');
    const second = sheet.getRow(3);
    expect([second.getCell(1).value, second.getCell(2).value, second.getCell(3).value, second.getCell(5).value]).toEqual(["'-2+3", null, -5000, null]);
    expect(sheet.getRow(4).getCell(1).value).toBe('Plain, "quoted"\ntext');
    expect(sheet.rowCount).toBe(4);
    expect(workbook.getWorksheet('Second sheet ')!.getRow(3).getCell(1).value).toBe(2);
  });

  it('refuses a value that is not of its column kind (a programming error, never written)', () => {
    expect(() => xlsxValue('money', '12.3x')).toThrow(/not a number/);
    expect(() => xlsxValue('integer', '2.5')).toThrow(/whole number/);
    expect(() => xlsxValue('date', '2 Dec 2026')).toThrow(/YYYY-MM-DD/);
    expect(xlsxValue('text', '+44 20')).toBe("'+44 20");
    expect(xlsxValue('money', '')).toBeNull();
  });

  it('ends the stream with the error of a failing row source', async () => {
    async function* failing() {
      yield ['one'];
      throw new Error('the query failed');
    }
    const stream = xlsxStream([{ name: 'S', columns: [{ name: 'a', kind: 'text' }], rows: failing() }]);
    await expect(bufferOf(stream)).rejects.toThrow('the query failed');
  });
});

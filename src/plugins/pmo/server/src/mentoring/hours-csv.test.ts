import { hoursCsv } from './hours-csv';

const row = (fullName: string, email = 'mentor@example.org') => ({
  quarter: '2026-Q1',
  mentor: { documentId: 'p', fullName, email },
  sessions: 2,
  minutes: 90,
  hours: '1.50',
});

describe('the mentoring hours CSV', () => {
  it('has one header row and a row per mentor and quarter, CRLF-terminated', () => {
    expect(hoursCsv([row('Ann Mentor')], { delimiter: ',', bom: false })).toBe(
      'quarter,mentor_name,mentor_email,sessions,minutes,hours\r\n2026-Q1,Ann Mentor,mentor@example.org,2,90,1.50\r\n'
    );
  });

  it('defuses formula-like names and quotes per RFC 4180', () => {
    const csv = hoursCsv([row('=HYPERLINK("http://evil")'), row('Smith, Jo'), row('-1+1')], { delimiter: ',', bom: false });
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      `2026-Q1,"'=HYPERLINK(""http://evil"")",mentor@example.org,2,90,1.50`,
      '2026-Q1,"Smith, Jo",mentor@example.org,2,90,1.50',
      `2026-Q1,'-1+1,mentor@example.org,2,90,1.50`,
    ]);
  });

  it('takes ; as delimiter and a BOM for spreadsheet programs', () => {
    const csv = hoursCsv([row('Smith; Jo')], { delimiter: ';', bom: true });
    expect(csv.startsWith('\uFEFFquarter;mentor_name;')).toBe(true);
    expect(csv).toContain('"Smith; Jo"');
  });
});

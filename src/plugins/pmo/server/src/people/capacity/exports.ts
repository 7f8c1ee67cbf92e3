/**
 * `capacity.csv` (DESIGN.md: person, department, month, booked, tentative, free): one row per
 * person and month, people in the capacity page's order (department, then name). Streamed: the
 * people are read 500 at a time with their sums (sql.ts) and written as they come, so memory
 * stays flat; the first page is read before the answer starts, so a failing query is an error
 * response, not a truncated file. Text cells go through the formula-injection rule
 * (platform/csv.ts); the percents are plain numbers.
 */
import { Readable } from 'stream';
import { CAPACITY_CSV_COLUMNS, type CapacityCsvQuery } from '../../../../shared/contracts/capacity';
import { BOM, createRowWriter, headerLine, type Delimiter } from '../../platform/csv';
import { todayIso } from '../../platform/dates';
import { monthRange, type CapacityService } from './service';

export async function capacityCsv(capacity: CapacityService, query: CapacityCsvQuery) {
  const months = monthRange(query);
  const delimiter: Delimiter = query.delimiter ?? ',';
  const columns = CAPACITY_CSV_COLUMNS.map((column) => ({ name: column.name, kind: column.kind }));
  const write = createRowWriter(columns, delimiter);
  const pages = capacity.capacityPages({ department: query.department, programme: query.programme, role: query.role }, months);
  const first = await pages.next();
  async function* csv() {
    yield (query.bom === '1' ? BOM : '') + headerLine(columns, delimiter);
    let page = first;
    while (!page.done) {
      const lines = page.value.flatMap((person) =>
        person.months.map((month) => write([person.person.fullName, person.person.department?.name ?? '', month.month, month.booked, month.tentative, month.free]))
      );
      if (lines.length) yield lines.join('');
      page = await pages.next();
    }
  }
  const filename = `capacity_${months[0]}_${months[months.length - 1]}_${todayIso()}.csv`;
  return { filename, stream: Readable.from(csv(), { objectMode: false }) };
}

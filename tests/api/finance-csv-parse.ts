/** A small RFC 4180 parser for the export tests: quoted cells, doubled quotes, CRLF, any delimiter. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      i += 1;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (char === '"' || char === '\r' || char === '\n') {
      throw new Error(`not RFC 4180: unquoted ${JSON.stringify(char)} at ${i}`);
    } else {
      cell += char;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) throw new Error('not RFC 4180: the last line has no CRLF');
  return rows;
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string, delimiter = ','): { header: string[]; records: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(text, delimiter);
  for (const row of rows) if (row.length !== header.length) throw new Error(`row of ${row.length} cells, header of ${header.length}`);
  return { header, records: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]]))) };
}

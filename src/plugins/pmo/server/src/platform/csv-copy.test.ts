import { crlfRows } from './csv-copy';
import fc from 'fast-check';

/** COPY's output split at every possible point, through one crlfRows, joined again. */
function rewrittenInPieces(copyOutput: string, cut: number): string {
  const bytes = Buffer.from(copyOutput, 'utf8');
  const toCrlf = crlfRows();
  return Buffer.concat([toCrlf(bytes.subarray(0, cut)), toCrlf(bytes.subarray(cut))]).toString('utf8');
}

describe("COPY's row ends become CRLF", () => {
  const copyOutput = 'a,"line one\r\nline two",b\n"lone\nLF","say ""hi""\n",€\n\n,,\n"""",x\n';
  const expected = 'a,"line one\r\nline two",b\r\n"lone\nLF","say ""hi""\n",€\r\n\r\n,,\r\n"""",x\r\n';

  it('outside quotes only: line breaks inside quoted cells stay as they are', () => {
    expect(crlfRows()(Buffer.from(copyOutput, 'utf8')).toString('utf8')).toBe(expected);
  });

  it('whatever the chunk boundaries (a quoted cell or a character split between chunks)', () => {
    const length = Buffer.byteLength(copyOutput);
    for (let cut = 0; cut <= length; cut += 1) expect(rewrittenInPieces(copyOutput, cut)).toBe(expected);
  });

  it('hands back a chunk without row ends untouched', () => {
    const chunk = Buffer.from('"still, inside');
    expect(crlfRows()(chunk)).toBe(chunk);
  });
});

describe('crlfRows against a byte-by-byte reading', () => {
  /** The plain definition: toggle on every quote, CR before every LF outside quotes. */
  function byteByByte(text: string): string {
    let quoted = false;
    let out = '';
    for (const character of text) {
      if (character === '"') quoted = !quoted;
      if (character === '\n' && !quoted) out += '\r';
      out += character;
    }
    return out;
  }

  it('agrees on any mix of quotes, line breaks, delimiters and text, cut into any chunks', () => {
    const pieces = fc.constantFrom('"', '\n', '\r', ',', ';', 'a', 'é', '€', '""', 'text');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, cuts) => {
        const bytes = Buffer.from(parts.join(''), 'utf8');
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const toCrlf = crlfRows();
        const chunks: Buffer[] = [];
        let from = 0;
        for (const point of [...points, bytes.length]) {
          chunks.push(toCrlf(bytes.subarray(from, point)));
          from = point;
        }
        expect(Buffer.concat(chunks).toString('utf8')).toBe(byteByByte(parts.join('')));
      }),
      { numRuns: 500 }
    );
  });
});

import { crlfRows } from './csv-copy';

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

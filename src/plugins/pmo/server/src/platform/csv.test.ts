import { createRowWriter, headerLine, neutraliseFormula, numberCell, quote, textCell, type Column } from './csv';

describe('formula injection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 20 555 0100', "'+31 20 555 0100"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ['\nnewline', "'\nnewline"],
  ])('prefixes %j with a quote mark', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each(['Acme Ltd', 'a=b', 'x-1', "'already", ' =space first', '', '42'])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('never prefixes number cells: negative money stays a number', () => {
    expect(numberCell('-5000.00')).toBe('-5000.00');
    expect(numberCell('40000.00')).toBe('40000.00');
    expect(numberCell(-3)).toBe('-3');
    expect(numberCell('0.8333')).toBe('0.8333');
    expect(numberCell(null)).toBe('');
  });

  it('refuses to write anything but a plain number into a number column', () => {
    expect(() => numberCell('=1+1')).toThrow(TypeError);
    expect(() => numberCell('1e5')).toThrow(TypeError);
    expect(() => numberCell('12,50')).toThrow(TypeError);
  });
});

describe('RFC 4180 quoting', () => {
  it('quotes cells holding the delimiter, a quote, CR or LF, doubling quotes', () => {
    expect(quote('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
    expect(quote('The "Big" One')).toBe('"The ""Big"" One"');
    expect(quote('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(quote('plain')).toBe('plain');
  });

  it('quotes for the delimiter in use', () => {
    expect(quote('a;b', ';')).toBe('"a;b"');
    expect(quote('a,b', ';')).toBe('a,b');
    expect(quote('a;b', ',')).toBe('a;b');
  });

  it('neutralises first, then quotes: a formula with a line feed is prefixed and quoted', () => {
    expect(textCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(textCell('\n=1+1')).toBe('"\'\n=1+1"');
    expect(textCell(null)).toBe('');
  });
});

describe('rows', () => {
  const columns: Column[] = [
    { name: 'supplier', kind: 'text' },
    { name: 'amount', kind: 'number' },
    { name: 'reference', kind: 'text' },
  ];

  it('writes a header and rows with CRLF line ends', () => {
    expect(headerLine(columns)).toBe('supplier,amount,reference\r\n');
    const row = createRowWriter(columns);
    expect(row(['Acme, Inc.', '-5000.00', '-INV-7'])).toBe('"Acme, Inc.",-5000.00,\'-INV-7\r\n');
    expect(row([null, null, 'Ünïcødé €'])).toBe(',,Ünïcødé €\r\n');
  });

  it('uses the semicolon delimiter when asked', () => {
    expect(headerLine(columns, ';')).toBe('supplier;amount;reference\r\n');
    expect(createRowWriter(columns, ';')(['a;b', '1.50', 'c,d'])).toBe('"a;b";1.50;c,d\r\n');
  });
});

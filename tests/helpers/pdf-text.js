'use strict';
/**
 * Reads a PDF from stdin and prints its text (pdf-parse) as JSON. Run as its own Node process:
 * pdf-parse's PDF.js loads its worker with a dynamic import, which Jest's module sandbox refuses.
 * tests/helpers/pdf.ts calls it.
 */
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  try {
    const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
    const result = await parser.getText();
    const info = await parser.getInfo().catch(() => null);
    await parser.destroy();
    process.stdout.write(JSON.stringify({ text: result.text, pages: result.total, title: info?.info?.Title ?? null }));
  } catch (error) {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  }
});

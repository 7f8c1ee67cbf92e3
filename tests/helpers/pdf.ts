/**
 * A PDF read back as a person would read it: its text (pdf-parse, in a separate Node process:
 * see pdf-text.js), its page count and its title.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export type PdfRead = { text: string; pages: number; title: string | null };

export function readPdf(bytes: Buffer): Promise<PdfRead> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdf-text.js')], { maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as PdfRead);
    });
    child.stdin!.end(bytes);
  });
}

/**
 * The PDF's text as one line: every run of spaces and line breaks made one space, so a phrase the
 * layout wrapped (a long name in a narrow column) reads as written.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  return (await readPdf(bytes)).text.replace(/\s+/g, ' ').trim();
}

/**
 * A small page layout over pdfkit for the highlight report: A4, one column, a cursor that moves
 * down the page and turns it when the next block would not fit; headings, paragraphs, label and
 * value pairs, RAG chips and tables whose header repeats on a new page. Every text goes through
 * `pdfText` (the standard font prints Windows-1252 only).
 */
import PDFDocument from 'pdfkit';
import type { Rag } from '../model';
import { pdfText, ragWords } from '../words';

export type Doc = PDFKit.PDFDocument;

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 42;
/** Room kept at the foot of each page for its footer. */
const FOOTER = 28;

export const COLOURS = {
  ink: '#212134',
  muted: '#666687',
  rule: '#DCDCE4',
  band: '#F6F6F9',
  accent: '#4945FF',
  green: '#328048',
  amber: '#D9822F',
  red: '#D02B20',
  none: '#8E8EA9',
} as const;

export const ragColour = (rag: Rag | null | undefined): string => (rag ? COLOURS[rag] : COLOURS.none);

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';

export type Column = { header: string; width: number; align?: 'left' | 'right' | 'center' };
/** A table cell: text, or a RAG drawn as a small chip. */
export type Cell = string | { rag: Rag | null };

export function newDocument(title: string, subject: string): Doc {
  return new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pdfText(title), Subject: pdfText(subject), Creator: 'PMO Hub', Producer: 'PMO Hub' },
  });
}

export class Layout {
  y: number;

  constructor(readonly doc: Doc) {
    this.y = MARGIN;
  }

  get left() {
    return MARGIN;
  }
  get width() {
    return A4.width - 2 * MARGIN;
  }
  get bottom() {
    return A4.height - MARGIN - FOOTER;
  }

  /** A new page when `height` does not fit below the cursor. Answers whether it turned. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = MARGIN;
    return true;
  }

  gap(points: number) {
    this.y += points;
  }

  /** A section heading with a rule under it, kept with at least `keep` points of what follows. */
  heading(text: string, keep = 60) {
    this.ensure(28 + keep);
    this.gap(8);
    this.doc.font(BOLD).fontSize(12.5).fillColor(COLOURS.ink).text(pdfText(text), this.left, this.y, { width: this.width });
    this.y = this.doc.y + 3;
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.7).strokeColor(COLOURS.rule).stroke();
    this.gap(7);
  }

  subheading(text: string) {
    this.ensure(34);
    this.doc.font(BOLD).fontSize(10).fillColor(COLOURS.ink).text(pdfText(text), this.left, this.y, { width: this.width });
    this.y = this.doc.y + 3;
  }

  /** A paragraph; a long one flows on to the next page. */
  paragraph(text: string, options: { size?: number; colour?: string; italic?: boolean; bold?: boolean } = {}) {
    const size = options.size ?? 9.5;
    this.ensure(size * 2.4);
    this.doc
      .font(options.bold ? BOLD : options.italic ? ITALIC : FONT)
      .fontSize(size)
      .fillColor(options.colour ?? COLOURS.ink)
      .text(pdfText(text), this.left, this.y, { width: this.width, lineGap: 1.5 });
    this.y = this.doc.y + 4;
  }

  /** What a section says when the caller may not see it, or has nothing. */
  note(text: string) {
    this.paragraph(text, { italic: true, colour: COLOURS.muted });
  }

  /** Labels and values in `columns` columns: "Manager  Ada Lovelace". */
  pairs(pairs: Array<[string, string]>, columns = 2) {
    const columnWidth = this.width / columns;
    const labelWidth = Math.min(92, columnWidth * 0.42);
    for (let i = 0; i < pairs.length; i += columns) {
      const row = pairs.slice(i, i + columns);
      const heights = row.map(([, value]) => this.doc.font(BOLD).fontSize(9.5).heightOfString(pdfText(value), { width: columnWidth - labelWidth - 8 }));
      const height = Math.max(12, ...heights) + 3;
      this.ensure(height);
      row.forEach(([label, value], j) => {
        const x = this.left + j * columnWidth;
        this.doc.font(FONT).fontSize(8.5).fillColor(COLOURS.muted).text(pdfText(label), x, this.y + 1, { width: labelWidth });
        this.doc.font(BOLD).fontSize(9.5).fillColor(COLOURS.ink).text(pdfText(value), x + labelWidth, this.y, { width: columnWidth - labelWidth - 8 });
      });
      this.y += height;
    }
  }

  /** A rounded chip filled with the RAG's colour, its words in white; answers its width. */
  chip(x: number, y: number, text: string, rag: Rag | null, size = 9): number {
    const label = pdfText(text);
    this.doc.font(BOLD).fontSize(size);
    const width = this.doc.widthOfString(label) + size * 1.6;
    const height = size + 7;
    this.doc.roundedRect(x, y, width, height, height / 2).fill(ragColour(rag));
    this.doc.fillColor('#FFFFFF').text(label, x, y + 3.6, { width, align: 'center', lineBreak: false });
    this.doc.fillColor(COLOURS.ink);
    return width;
  }

  /** "Overall: Green", "Schedule: Amber", … side by side. */
  chips(items: Array<{ label: string; rag: Rag | null }>) {
    this.ensure(24);
    let x = this.left;
    for (const item of items) x += this.chip(x, this.y, `${item.label}: ${ragWords(item.rag)}`, item.rag, 9.5) + 8;
    this.y += 24;
  }

  /** A table: the header on a band, each row as tall as its tallest cell, the header again after a page turn. */
  table(columns: Column[], rows: Cell[][], options: { more?: string; size?: number } = {}) {
    const size = options.size ?? 8.5;
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pad = 3;
    const header = () => {
      const height = Math.max(...columns.map((c, i) => this.doc.font(BOLD).fontSize(size).heightOfString(pdfText(c.header), { width: widths[i] - 2 * pad }))) + 2 * pad;
      this.doc.rect(this.left, this.y, this.width, height).fill(COLOURS.band);
      columns.forEach((column, i) => {
        this.doc.font(BOLD).fontSize(size).fillColor(COLOURS.muted).text(pdfText(column.header), xs[i] + pad, this.y + pad, { width: widths[i] - 2 * pad, align: column.align ?? 'left' });
      });
      this.y += height;
    };
    this.ensure(40);
    header();
    for (const row of rows) {
      const height =
        Math.max(
          size + 6,
          ...row.map((cell, i) => (typeof cell === 'string' ? this.doc.font(FONT).fontSize(size).heightOfString(pdfText(cell) || ' ', { width: widths[i] - 2 * pad }) : size + 6))
        ) + 2 * pad;
      if (this.ensure(height)) header();
      row.forEach((cell, i) => {
        if (typeof cell === 'string') {
          this.doc.font(FONT).fontSize(size).fillColor(COLOURS.ink).text(pdfText(cell), xs[i] + pad, this.y + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
        } else {
          this.chip(xs[i] + pad, this.y + pad - 1, ragWords(cell.rag), cell.rag, size - 1);
        }
      });
      this.y += height;
      this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
    }
    if (options.more) {
      this.ensure(16);
      this.doc.font(ITALIC).fontSize(size).fillColor(COLOURS.muted).text(pdfText(options.more), this.left + pad, this.y + 3, { width: this.width });
      this.y = this.doc.y;
    }
    this.gap(6);
  }

  /** Each page's footer: who made it, what it is, "Page 1 of 3". */
  footers(text: string) {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing below the margin must not add a page
      const y = A4.height - MARGIN - 10;
      this.doc.moveTo(this.left, y - 6).lineTo(this.left + this.width, y - 6).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
      this.doc.font(FONT).fontSize(7.5).fillColor(COLOURS.muted);
      this.doc.text(pdfText(text), this.left, y, { width: this.width * 0.75, lineBreak: false });
      this.doc.text(`Page ${i - range.start + 1} of ${range.count}`, this.left + this.width * 0.75, y, { width: this.width * 0.25, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottom;
    }
  }
}

/**
 * The demo's mail server (scripts/mail-sink.js): a mail sent to it over SMTP is kept as
 * `<date>-<subject>.eml` and a readable `.txt` with its headers, text body and attachments' names.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import nodemailer from 'nodemailer';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startMailSink, slug } = require('../../scripts/mail-sink');

describe('the demo mail sink', () => {
  it('writes a subject as a file name', () => {
    expect(slug('Review due on 2 Dec 2026: Risk register')).toBe('review-due-on-2-dec-2026-risk-register');
    expect(slug('Änderung genehmigt: CR-001 <script>')).toBe('anderung-genehmigt-cr-001-script');
    expect(slug('')).toBe('no-subject');
    expect(slug('x'.repeat(200))).toHaveLength(80);
  });

  it('keeps each mail as an .eml and a readable .txt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-mail-'));
    const told: string[] = [];
    const sink = await startMailSink({ dir, onMail: ({ subject }: { subject: string }) => told.push(subject) });
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
      for (let i = 0; i < 2; i += 1) {
        await transport.sendMail({
          from: 'PMO Hub <pmo-hub@localhost>',
          to: 'ada.admin@demo.pmo',
          subject: 'Gate 3 review of Atlas on 2 Dec 2026',
          text: 'The review is in 7 days.\n\nOpen the gate review: http://localhost:1337/admin/plugins/pmo/governance/reviews/x',
          html: '<p>The review is in 7 days.</p>',
          attachments: [{ filename: 'review.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' }],
        });
      }
      transport.close();
      const files = fs.readdirSync(dir).sort();
      expect(files).toHaveLength(4);
      expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-gate-3-review-of-atlas-on-2-dec-2026(-2)?\.eml$/);
      const txt = fs.readFileSync(path.join(dir, files.find((name) => name.endsWith('.txt'))!), 'utf8');
      expect(txt).toContain('To:      ada.admin@demo.pmo');
      expect(txt).toContain('Subject: Gate 3 review of Atlas on 2 Dec 2026');
      expect(txt).toMatch(/Date: {4}\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
      expect(txt).toContain('Open the gate review: http://localhost:1337/admin/plugins/pmo/governance/reviews/x');
      expect(txt).toContain('Attached: review.ics (text/calendar)');
      const eml = fs.readFileSync(path.join(dir, files.find((name) => name.endsWith('.eml'))!), 'utf8');
      expect(eml).toMatch(/^Subject: Gate 3 review of Atlas on 2 Dec 2026/m);
      expect(sink.count()).toBe(2);
      expect(told).toEqual(['Gate 3 review of Atlas on 2 Dec 2026', 'Gate 3 review of Atlas on 2 Dec 2026']);
    } finally {
      await sink.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

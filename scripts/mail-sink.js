/**
 * The demo's mail server: a local SMTP server (the `smtp-server` package) on a loopback port that
 * accepts every mail PMO Hub sends and keeps it in a folder (`.tmp/mail/` for `npm run demo`), so
 * a newcomer reads the mails without installing anything: each as `<date>-<subject>.eml` (opens in
 * any mail program) and `<date>-<subject>.txt` (headers, the text body and the attachments' names,
 * parsed with `mailparser`). Nothing leaves the machine.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value) => String(value).padStart(2, '0');

/** "2026-12-02T14-05-09", sortable and safe in a file name, in local time. */
function fileStamp(date) {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}-${two(date.getMinutes())}-${two(date.getSeconds())}`;
}

/** "2 Dec 2026, 14:05", PMO Hub's way of writing a moment. */
function moment(date) {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A subject as part of a file name: "Review due on 2 Dec 2026: Risk register" → "review-due-on-2-dec-2026-risk-register". */
function slug(subject) {
  const words = String(subject || 'no subject')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (words || 'no-subject').slice(0, 80).replace(/-+$/, '');
}

/** `<dir>/<stamp>-<slug>` not yet taken (a second mail in the same second gets "-2"). */
function freeBase(dir, date, subject) {
  const base = `${fileStamp(date)}-${slug(subject)}`;
  let candidate = base;
  for (let n = 2; fs.existsSync(path.join(dir, `${candidate}.eml`)); n += 1) candidate = `${base}-${n}`;
  return path.join(dir, candidate);
}

const addresses = (field) => (field ? (Array.isArray(field) ? field : [field]).map((entry) => entry.text).join(', ') : '');

/** The mail as a person reads it: who, when, what, the text body and what is attached. */
function readable(mail, received) {
  const lines = [
    `From:    ${addresses(mail.from)}`,
    `To:      ${addresses(mail.to)}`,
    `Date:    ${moment(mail.date || received)}`,
    `Subject: ${mail.subject || ''}`,
    '',
    (mail.text || '').trimEnd(),
  ];
  if (mail.attachments && mail.attachments.length) {
    lines.push('', `Attached: ${mail.attachments.map((file) => `${file.filename || 'unnamed'} (${file.contentType})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Starts the server on `host:port` (port 0: any free one) and answers `{ port, dir, count(), close() }`.
 * `onMail({ subject, to, file })` is told of each mail kept.
 */
function startMailSink({ dir, host = '127.0.0.1', port = 0, onMail } = {}) {
  if (!dir) throw new Error('startMailSink needs the folder to keep the mails in');
  fs.mkdirSync(dir, { recursive: true });
  let kept = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            const received = new Date();
            const base = freeBase(dir, received, mail.subject);
            fs.writeFileSync(`${base}.eml`, raw);
            fs.writeFileSync(`${base}.txt`, readable(mail, received));
            kept += 1;
            if (onMail) onMail({ subject: mail.subject || '', to: addresses(mail.to), file: `${base}.eml` });
            callback();
          })
          .catch(callback);
      });
    },
  });
  server.on('error', (error) => console.error('The demo mail server:', error.message));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        port: server.server.address().port,
        dir,
        count: () => kept,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { startMailSink, slug, fileStamp };

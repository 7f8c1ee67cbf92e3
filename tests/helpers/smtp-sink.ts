/**
 * A real SMTP server in the test process (smtp-server), on the loopback port the worker's Strapi
 * sends to (SMTP_PORT, chosen in boot.js). Every message is parsed with mailparser and kept.
 * It can be stopped and started again on the same port, and told to refuse messages.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { getStrapi } from './strapi';

export type Received = {
  messageId: string;
  outboxId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename?: string; contentType: string; content: string }>;
};

/** A refusal for a message whose recipients include `to`: `code` 550 (for good) or 451 (for now). */
export type Refusal = { to: string; code: number; message: string };

export type Sink = {
  port: number;
  received: Received[];
  refusals: Refusal[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The mails that carry one of these outbox ids. */
  forOutbox(ids: string[]): Received[];
};

const address = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry: { value?: Array<{ address?: string }> }) => (entry.value ?? []).map((item) => String(item.address ?? '').toLowerCase()));
};

export function smtpPort(): number {
  const port = Number(getStrapi().config.get('plugin::email.providerOptions.port'));
  if (!port) throw new Error('The test Strapi has no SMTP port');
  return port;
}

export function createSink(port = smtpPort()): Sink {
  let server: SMTPServer | null = null;
  const sink: Sink = {
    port,
    received: [],
    refusals: [],
    async start() {
      if (server) return;
      const created = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        closeTimeout: 50,
        onData(stream, session, callback) {
          const rcpt = session.envelope.rcptTo.map((entry) => entry.address.toLowerCase());
          const refusal = sink.refusals.find((candidate) => rcpt.includes(candidate.to.toLowerCase()));
          simpleParser(stream)
            .then((mail) => {
              if (refusal) {
                callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
                return;
              }
              sink.received.push({
                messageId: String(mail.messageId ?? ''),
                outboxId: String(mail.headers.get('x-pmo-outbox-id') ?? ''),
                from: address(mail.from)[0] ?? '',
                to: address(mail.to),
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
                attachments: mail.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content.toString('utf8') })),
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        },
      });
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(port, '127.0.0.1', () => resolve());
      });
      created.on('error', () => undefined);
      server = created;
    },
    async stop() {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
    forOutbox(ids) {
      return sink.received.filter((mail) => ids.includes(mail.outboxId));
    },
  };
  return sink;
}

import net from 'net';
import type { Core } from '@strapi/strapi';

const allowedMediaTypes = [
  'image/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'application/vnd.oasis.opendocument.*',
  'text/plain',
  'text/csv',
  'text/markdown',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

/**
 * nodemailer's socket for each pooled SMTP connection, with Nagle's algorithm off (TCP_NODELAY).
 * nodemailer leaves it on: the last small write of every message then waits for the server's
 * delayed ACK (40 ms on Linux), which held each connection to about 22 messages a second
 * (bench/notifications.js). Handed over unconnected, so connecting, TLS, the timeouts and every
 * error stay nodemailer's own (the same ECONNREFUSED, "Greeting never received", …).
 */
const smtpSocket = (options: { host?: string; port?: number }, callback: (error: Error | null, socket: { connection: net.Socket }) => void) =>
  callback(null, { connection: coalesceWrites(net.connect({ host: options.host, port: Number(options.port), noDelay: true })) });

/**
 * nodemailer streams a message through its encoders a line or a chunk at a time, and with Nagle
 * off each write is its own system call and TCP segment: a third of the sending process's CPU went
 * to socket writes (bench/notifications.js, `--cpu-prof`). The writes made in one turn of the event
 * loop are corked and leave together when it ends (Node's own cork/uncork), so a message goes out
 * in a few segments, still without waiting for an ACK.
 */
function coalesceWrites(socket: net.Socket): net.Socket {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  socket.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(() => {
        corked = false;
        socket.uncork();
      });
    }
    return write(...args);
  }) as net.Socket['write'];
  return socket;
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  pmo: {
    enabled: true,
    resolve: './src/plugins/pmo',
    config: {
      currency: env('PMO_CURRENCY', 'EUR'),
      // Changes whose cost impact exceeds this (in cents) are decided by a PMO director.
      changeAuthorityLimit: env('PMO_CHANGE_AUTHORITY_LIMIT', '10000000'),
      // Saving an allocation that books a person over capacity: `warn` (saved, with warnings) or `strict` (422).
      allocationLimit: env('PMO_ALLOCATION_LIMIT', 'warn'),
      // Notifications and scheduled work (docs/notifications.md).
      notifications: {
        appUrl: env('PMO_APP_URL', 'http://localhost:1337'),
        jobs: env.bool('PMO_JOBS', true),
        dispatchEvery: env.int('PMO_DISPATCH_EVERY', 15),
        remindersAt: env('PMO_REMINDERS_AT', '0 7 * * *'),
      },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
        // Pooled connections: the dispatch job sends several messages at once over a few connections.
        pool: true,
        maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
        maxMessages: env.int('SMTP_MAX_MESSAGES', 100),
        getSocket: smtpSocket,
        // A mail server that does not answer is a temporary failure, found out in seconds, not minutes.
        connectionTimeout: env.int('SMTP_CONNECTION_TIMEOUT', 10000),
        greetingTimeout: env.int('SMTP_GREETING_TIMEOUT', 10000),
        socketTimeout: env.int('SMTP_SOCKET_TIMEOUT', 30000),
        ...(env('SMTP_USERNAME')
          ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }
          : {}),
      },
      settings: {
        defaultFrom: env('SMTP_FROM', 'PMO Hub <pmo-hub@localhost>'),
        defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'PMO Hub <pmo-hub@localhost>')),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;

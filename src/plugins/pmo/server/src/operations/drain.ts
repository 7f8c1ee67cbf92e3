/**
 * Graceful shutdown. Strapi answers SIGTERM and SIGINT with `strapi.destroy()`, which would close
 * every open connection at once — requests in flight (a transition half-way through its
 * transaction, an export being streamed) would be cut off. The plugin's destroy runs first, and
 * starts with `drain`: the instance stops listening (a load balancer's new connections go to
 * another instance), answers its readiness route with 503, still answers what arrives on a
 * connection it already holds (a load balancer's kept-alive one) but closes that connection after
 * the answer, and waits — at most PMO_SHUTDOWN_TIMEOUT seconds, default 30 —
 * until every request in flight has been answered. Then the capabilities let go of what they hold
 * (the scheduled jobs' leases), and Strapi closes the database and exits.
 */
import type { Core } from '@strapi/strapi';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import { Server as NetServer } from 'net';

/** How long no request may arrive on an open connection before the instance counts as drained. */
const QUIET_MS = 150;

type Tracker = { inFlight: number; stopping: boolean; idle: Array<() => void> };

const tracker: Tracker = { inFlight: 0, stopping: false, idle: [] };
const TRACKED = Symbol.for('pmo.request-tracker');

function settle() {
  if (tracker.inFlight > 0) return;
  for (const resolve of tracker.idle.splice(0)) resolve();
}

/** Counts the requests this instance is answering (from the request to the last byte sent). */
export function trackRequests(strapi: Core.Strapi) {
  const server = strapi.server.httpServer as Server & { [TRACKED]?: boolean };
  if (server[TRACKED]) return;
  server[TRACKED] = true;
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    tracker.inFlight += 1;
    // While stopping, the connection is closed once this answer is sent.
    if (tracker.stopping) response.setHeader('Connection', 'close');
    response.once('close', () => {
      tracker.inFlight -= 1;
      settle();
    });
  });
}

export const isStopping = () => tracker.stopping;
export const requestsInFlight = () => tracker.inFlight;

/** Stops taking requests and waits for those in flight (see the file's comment). */
export async function drain(strapi: Core.Strapi): Promise<void> {
  if (tracker.stopping) return;
  tracker.stopping = true;
  const server = strapi.server.httpServer as Server;
  // No new connections. net.Server's close, not http.Server's: that one would also close every
  // connection idle at this instant, and a request already sent on one (a load balancer's
  // kept-alive connection) but not yet read would be cut off.
  if (server.listening) NetServer.prototype.close.call(server);
  const seconds = Number(process.env.PMO_SHUTDOWN_TIMEOUT || 30);
  const deadline = Date.now() + Math.max(0, seconds) * 1000;
  const started = Date.now();
  if (tracker.inFlight > 0) strapi.log.info(`PMO Hub is stopping: finishing ${tracker.inFlight} request(s) in flight`);
  // Until nothing is in flight and nothing more arrived on an open connection for a moment.
  while (Date.now() < deadline) {
    if (tracker.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => tracker.idle.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    if (tracker.inFlight === 0) break;
  }
  if (tracker.inFlight > 0) strapi.log.warn(`PMO Hub stopped waiting after ${seconds} s with ${tracker.inFlight} request(s) still in flight`);
  else strapi.log.info(`PMO Hub finished its requests in flight in ${Date.now() - started} ms`);
  server.closeIdleConnections?.();
}

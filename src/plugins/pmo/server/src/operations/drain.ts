/**
 * Graceful shutdown. Strapi answers SIGTERM and SIGINT with `strapi.destroy()`, which would close
 * every open connection at once — requests in flight (a transition half-way through its
 * transaction, an export being streamed) would be cut off. The plugin's destroy runs first, and
 * starts with `drain`: the instance stops listening (a load balancer's new connections go to
 * another instance), answers its readiness route with 503, closes each kept-alive connection once
 * its current request is answered, and waits — at most PMO_SHUTDOWN_TIMEOUT seconds, default 30 —
 * until every request in flight has been answered. Then the capabilities let go of what they hold
 * (the scheduled jobs' leases), and Strapi closes the database and exits.
 */
import type { Core } from '@strapi/strapi';
import type { IncomingMessage, Server, ServerResponse } from 'http';

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
  // No new connections; the idle kept-alive ones are closed now, the busy ones after their answer.
  if (server.listening) server.close();
  const seconds = Number(process.env.PMO_SHUTDOWN_TIMEOUT || 30);
  const waited = Date.now();
  if (tracker.inFlight > 0) {
    strapi.log.info(`PMO Hub is stopping: finishing ${tracker.inFlight} request(s) in flight`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => tracker.idle.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, seconds) * 1000);
      }),
    ]);
    clearTimeout(timer);
    if (tracker.inFlight > 0) strapi.log.warn(`PMO Hub stopped waiting after ${seconds} s with ${tracker.inFlight} request(s) still in flight`);
    else strapi.log.info(`PMO Hub finished its requests in flight in ${Date.now() - waited} ms`);
  }
  server.closeIdleConnections?.();
}

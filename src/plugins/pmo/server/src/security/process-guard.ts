import type { Core } from '@strapi/strapi';

const INSTALLED = Symbol.for('pmo.process-guard');

/**
 * No request can end the process: an error that escapes a request (a rejected promise nobody
 * awaited, an exception thrown from a callback) is logged with the request's id and the server
 * goes on; the request itself is answered by Strapi's error middleware. Outside a request an
 * escaped error still ends the process, as Node would, so a broken start or job is not hidden.
 */
export function installProcessGuard(strapi: Core.Strapi) {
  const holder = process as unknown as Record<symbol, boolean>;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;

  const escaped = (kind: string) => (error: unknown) => {
    const ctx = strapi.requestContext.get() as { method?: string; path?: string; state?: { requestId?: string } } | undefined;
    const detail = (error as Error)?.stack ?? String(error);
    if (ctx?.state?.requestId) {
      strapi.log.error(`An ${kind} escaped request ${ctx.state.requestId} (${ctx.method} ${ctx.path}); the server goes on: ${detail}`);
      return;
    }
    strapi.log.error(`An ${kind} escaped outside any request; stopping: ${detail}`);
    process.exit(1);
  };
  process.on('unhandledRejection', escaped('unhandled rejection'));
  process.on('uncaughtException', escaped('uncaught exception'));
}

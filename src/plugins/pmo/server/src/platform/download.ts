/**
 * A file as the response: a download with its name, type and no caching, and a streamed one cut
 * off if it fails part way. Koa answers an error in words only while no byte has gone out; once a
 * file has begun it logs the error and leaves the response open, so the client would wait for the
 * rest of a file that never comes (curl here: five minutes, until its own timeout). Cutting the
 * connection instead makes every client report the download as failed at once (curl: "transfer
 * closed with outstanding read data remaining"; a browser: a failed download), never a file that
 * only looks complete. A failure before the first byte is still Koa's error response; the
 * exports read their first rows before they answer, so a query that cannot run is a 400 or 500
 * in the one error shape, not a file.
 */
import type { Readable } from 'stream';
import type { RouteContext } from './contract';

type Ctx = Pick<RouteContext, 'attachment' | 'set' | 'body' | 'headerSent' | 'res'>;

export function sendDownload(ctx: Ctx, file: { filename: string; stream: Readable | NodeJS.ReadableStream | Buffer }, type: string): void {
  ctx.attachment(file.filename);
  ctx.set('Content-Type', type);
  ctx.set('Cache-Control', 'no-store');
  const { stream } = file;
  if (!Buffer.isBuffer(stream)) {
    // Before Koa's own listener (set with the body): Koa then only logs the error.
    stream.once('error', () => {
      if (ctx.headerSent) ctx.res?.destroy();
    });
  }
  ctx.body = stream;
}

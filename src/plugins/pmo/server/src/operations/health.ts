/**
 * `GET /pmo/health`: may this instance take requests? A load balancer calls it without
 * credentials, so it answers only operational facts (shared/contracts/operations.ts). Every
 * question to the database has a short deadline: an instance whose database does not answer says
 * so within seconds, with 503, rather than hanging the load balancer's check.
 */
import type { Core } from '@strapi/strapi';
import { JOB_LEASE_UID, OUTBOX_MESSAGE_UID, type JobAnswer } from '../../../shared/contracts/notifications';
import type { HealthAnswer } from '../../../shared/contracts/operations';
import { isStopping } from './drain';

const DEADLINE_MS = 2000;

class TooSlow extends Error {}

async function within<T>(work: () => Promise<T>, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TooSlow(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value ? new Date(String(value)).toISOString() : null);

type LeaseRow = { key: JobAnswer['key']; leaseUntil: unknown; lastRunAt: unknown; lastResult: Record<string, unknown> | null };

export async function health(strapi: Core.Strapi, now = new Date()): Promise<HealthAnswer> {
  const stopping = isStopping();
  const started = Date.now();
  const reachable = await within(() => strapi.db.connection.raw('SELECT 1')).then(
    () => true,
    () => false
  );
  const latencyMs = reachable ? Date.now() - started : null;
  const answer: HealthAnswer = {
    status: 'unavailable',
    stopping,
    database: { reachable, latencyMs },
    migrations: { done: null },
    jobs: [],
    outbox: { backlog: null, oldestPendingSeconds: null },
  };
  if (!reachable) return answer;
  try {
    const [pending, jobs, backlog, oldest] = await within(() =>
      Promise.all([
        strapi.db.migrations.shouldRun(),
        strapi.plugin('pmo').service('notifications').jobs() as Promise<JobAnswer[]>,
        strapi.db.query(OUTBOX_MESSAGE_UID as never).count({ where: { status: { $in: ['pending', 'sending'] } } }),
        strapi.db.query(OUTBOX_MESSAGE_UID as never).findOne({
          select: ['createdAt'],
          where: { status: { $in: ['pending', 'sending'] } },
          orderBy: { createdAt: 'asc' },
        }) as Promise<{ createdAt: unknown } | null>,
      ])
    );
    const leases = new Map(((await within(() => strapi.db.query(JOB_LEASE_UID as never).findMany({}))) as LeaseRow[]).map((row) => [row.key, row]));
    answer.migrations.done = strapi.isLoaded && !pending;
    answer.jobs = jobs.map((job) => {
      const row = leases.get(job.key);
      const result = row?.lastResult ?? null;
      return {
        key: job.key,
        scheduledHere: job.scheduled,
        lastRunAt: iso(row?.lastRunAt ?? job.lastRunAt),
        lastRunOk: result ? !('error' in result) : null,
        running: job.running,
      };
    });
    answer.outbox.backlog = Number(backlog);
    const oldestAt = oldest?.createdAt ? new Date(String(oldest.createdAt instanceof Date ? oldest.createdAt.toISOString() : oldest.createdAt)) : null;
    answer.outbox.oldestPendingSeconds = oldestAt ? Math.max(0, Math.round((now.getTime() - oldestAt.getTime()) / 1000)) : null;
  } catch (error) {
    // The database answered SELECT 1 but not these: it is not ready for requests either.
    strapi.log.warn(`PMO Hub health: ${error instanceof Error ? error.message : String(error)}`);
    answer.database.reachable = !(error instanceof TooSlow) && reachable;
    return answer;
  }
  answer.status = !stopping && answer.migrations.done ? 'ok' : 'unavailable';
  return answer;
}

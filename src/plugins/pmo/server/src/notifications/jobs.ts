/**
 * Scheduled jobs on Strapi's cron. Every run, scheduled or asked for (POST /pmo/jobs/:key/run), is
 * claimed through the job's row of `plugin::pmo.job-lease` with one conditional update — the lease
 * is free (or expired) and, for a daily job, the day was not already run — so with any number of
 * instances on one database each job runs once per period. The lease is released when the run
 * ends, and on shutdown (plugin destroy) for any run this instance still holds. A cron tick that
 * finds another instance's run under way may help it (the dispatcher does: see `tick`).
 */
import type { Core } from '@strapi/strapi';
import { JOB_KEYS, JOB_LEASE_UID, type JobAnswer, type JobKey, type JobRunAnswer } from '../../../shared/contracts/notifications';
import { today } from '../platform/dates';
import { dispatchOutbox } from './dispatch';
import { newDocumentId } from './ids';
import { runReminders } from './reminders';
import { INSTANCE_ID, notificationsConfig } from './settings';

type JobDefinition = {
  /** The cron pattern on this instance's configuration. */
  schedule(strapi: Core.Strapi): string;
  /** How long a run may hold the job before another instance may take it over. */
  leaseMs: number;
  /** The period a run stands for: a daily job runs once per day; null: every run is its own. */
  period(now: Date): string | null;
  run(strapi: Core.Strapi, now: Date): Promise<Record<string, number>>;
  /**
   * What an instance's cron does when it finds another instance's run of the period under way:
   * nothing for most jobs; the dispatcher helps drain the backlog (each message is still claimed
   * by one instance through its own lease, so none is sent twice).
   */
  help?(strapi: Core.Strapi, now: Date): Promise<Record<string, number>>;
  zero: Record<string, number>;
};

/** `*\/15 * * * * *` for 15 s; whole minutes as a minute pattern. */
export function dispatchPattern(seconds: number): string {
  if (seconds < 60) return `*/${seconds} * * * * *`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 60 ? `0 */${minutes} * * * *` : `0 0 */${Math.max(1, Math.round(minutes / 60))} * * *`;
}

export const JOBS: Record<JobKey, JobDefinition> = {
  'dispatch-outbox': {
    schedule: (strapi) => dispatchPattern(notificationsConfig(strapi).dispatchEvery),
    leaseMs: 10 * 60 * 1000,
    period: () => null,
    run: (strapi, now) => dispatchOutbox(strapi, now),
    help: (strapi, now) => dispatchOutbox(strapi, now),
    zero: { claimed: 0, sent: 0, retried: 0, failed: 0 },
  },
  reminders: {
    schedule: (strapi) => notificationsConfig(strapi).remindersAt,
    leaseMs: 30 * 60 * 1000,
    period: (now) => today(now),
    run: (strapi, now) => runReminders(strapi, now, nextRun(strapi, 'reminders')),
    zero: { sources: 0, reminders: 0, queued: 0, held: 0, leftOut: 0, duplicates: 0, digests: 0, digested: 0 },
  },
};

type LeaseRow = {
  key: string;
  leaseOwner: string | null;
  leaseUntil: string | Date | null;
  lastRunAt: string | Date | null;
  lastPeriod: string | null;
  lastResult: Record<string, unknown> | null;
};

const leases = (strapi: Core.Strapi) => strapi.db.query(JOB_LEASE_UID as never);
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value ? new Date(String(value)).toISOString() : null);

/** One row per job, created once (the unique key keeps one when instances start together). */
export async function ensureLeaseRows(strapi: Core.Strapi) {
  const at = new Date();
  for (const key of JOB_KEYS) {
    await strapi.db
      .queryBuilder(JOB_LEASE_UID as never)
      .insert({ documentId: newDocumentId(), key, createdAt: at, updatedAt: at, publishedAt: at })
      .onConflict(['key'])
      .ignore()
      .execute();
  }
}

type Claim = { claimed: true } | { claimed: false; reason: 'running' | 'already-run' };

/** The claim: one conditional update on the job's row. */
async function claim(strapi: Core.Strapi, key: JobKey, period: string | null): Promise<Claim> {
  const clock = new Date();
  const free = { $or: [{ leaseUntil: null }, { leaseUntil: { $lt: clock } }] };
  const due = period === null ? {} : { $or: [{ lastPeriod: null }, { lastPeriod: { $ne: period } }] };
  const taken = await leases(strapi).updateMany({
    where: { $and: [{ key }, free, due] },
    data: { leaseOwner: INSTANCE_ID, leaseUntil: new Date(clock.getTime() + JOBS[key].leaseMs), updatedAt: clock },
  });
  if (taken.count === 1) return { claimed: true };
  const row = (await leases(strapi).findOne({ where: { key } })) as LeaseRow | null;
  const running = !!row?.leaseUntil && new Date(row.leaseUntil as string).getTime() >= clock.getTime();
  return { claimed: false, reason: running ? 'running' : 'already-run' };
}

async function release(strapi: Core.Strapi, key: JobKey, data: Record<string, unknown>) {
  await leases(strapi).updateMany({ where: { key, leaseOwner: INSTANCE_ID }, data: { leaseOwner: null, leaseUntil: null, updatedAt: new Date(), ...data } });
}

/** Runs a job as if at `now`, once per period across every instance. */
export async function runJob(strapi: Core.Strapi, key: JobKey, now: Date): Promise<JobRunAnswer> {
  const job = JOBS[key];
  const period = job.period(now);
  const claimed = await claim(strapi, key, period);
  if (!claimed.claimed) return { key, now: now.toISOString(), ran: false, reason: claimed.reason, ...job.zero };
  try {
    const counts = await job.run(strapi, now);
    await release(strapi, key, {
      lastRunAt: new Date(),
      lastResult: { ...counts, now: now.toISOString(), instance: INSTANCE_ID },
      ...(period === null ? {} : { lastPeriod: period }),
    });
    return { key, now: now.toISOString(), ran: true, ...counts };
  } catch (error) {
    await release(strapi, key, {
      lastRunAt: new Date(),
      lastResult: { error: error instanceof Error ? error.message : String(error), now: now.toISOString(), instance: INSTANCE_ID },
    });
    throw error;
  }
}

/* ---------------------------------------------------------------------------------------------
 * Cron
 * -------------------------------------------------------------------------------------------*/

const cronName = (key: JobKey) => `pmo-${key}`;

type CronHandle = { name: string | null; job: { nextInvocation?: () => Date | null } };

function cronJob(strapi: Core.Strapi, key: JobKey): CronHandle | undefined {
  const jobs = ((strapi.cron as unknown as { jobs?: CronHandle[] }).jobs ?? []) as CronHandle[];
  return jobs.find((entry) => entry.name === cronName(key));
}

/** The next scheduled run of a job on this instance; null when jobs are off here. */
export function nextRun(strapi: Core.Strapi, key: JobKey): Date | null {
  const next = cronJob(strapi, key)?.job.nextInvocation?.();
  return next ? new Date(next) : null;
}

/** The jobs this instance's cron is working on (its own run or its help), so a tick never overlaps the last. */
const busy = new Set<JobKey>();

/**
 * One cron tick: the period's run when this instance claims it; when another instance's run is
 * under way, the job's help (the dispatcher drains alongside it, so instances share a backlog).
 */
export async function tick(strapi: Core.Strapi, key: JobKey, now: Date): Promise<{ ran: boolean; helped: boolean; counts: Record<string, number> }> {
  const job = JOBS[key];
  if (busy.has(key)) return { ran: false, helped: false, counts: { ...job.zero } };
  busy.add(key);
  try {
    const answer = await runJob(strapi, key, now);
    if (!answer.ran && answer.reason === 'running' && job.help) {
      return { ran: false, helped: true, counts: await job.help(strapi, now) };
    }
    const counts = Object.fromEntries(Object.keys(job.zero).map((name) => [name, Number((answer as Record<string, unknown>)[name]) || 0]));
    return { ran: answer.ran, helped: false, counts };
  } finally {
    busy.delete(key);
  }
}

/** Adds the jobs to Strapi's cron unless PMO_JOBS=false. */
export function scheduleJobs(strapi: Core.Strapi) {
  if (!notificationsConfig(strapi).jobs) return;
  for (const key of JOB_KEYS) {
    strapi.cron.add({
      [cronName(key)]: {
        options: { rule: JOBS[key].schedule(strapi) },
        task: async (_deps: unknown, fireDate?: Date) => {
          try {
            await tick(strapi, key, fireDate instanceof Date ? fireDate : new Date());
          } catch (error) {
            strapi.log.error(`PMO Hub job ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      },
    } as never);
  }
}

/**
 * On shutdown: the cron stops, a tick under way is given up to PMO_SHUTDOWN_TIMEOUT seconds
 * (default 30) to end, and the leases this instance holds are let go.
 */
export async function releaseLeases(strapi: Core.Strapi) {
  for (const key of JOB_KEYS) strapi.cron.remove(cronName(key));
  const until = Date.now() + Number(process.env.PMO_SHUTDOWN_TIMEOUT || 30) * 1000;
  while (busy.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  try {
    await leases(strapi).updateMany({ where: { leaseOwner: INSTANCE_ID }, data: { leaseOwner: null, leaseUntil: null } });
  } catch {
    // The database may already be closed.
  }
}

export async function listJobs(strapi: Core.Strapi): Promise<JobAnswer[]> {
  const rows = (await leases(strapi).findMany({})) as LeaseRow[];
  const clock = Date.now();
  const scheduled = notificationsConfig(strapi).jobs;
  return JOB_KEYS.map((key) => {
    const row = rows.find((candidate) => candidate.key === key);
    return {
      key,
      schedule: JOBS[key].schedule(strapi),
      scheduled,
      lastRunAt: iso(row?.lastRunAt),
      lastResult: row?.lastResult ?? null,
      nextRunAt: iso(nextRun(strapi, key)),
      running: !!row?.leaseUntil && new Date(row.leaseUntil as string).getTime() >= clock,
    };
  });
}

/**
 * Running PMO Hub on several instances (docs/deployment.md): the readiness route a load balancer
 * calls, `GET /pmo/health`. It is public (a load balancer has no credentials), so it answers only
 * operational facts — whether this instance can serve, and how far behind the scheduled work and
 * the outbox are — and nothing about any person, item, address, host or error text.
 */
import { contract, noParams, noQuery, z } from './common';
import { JOB_KEYS } from './notifications';

export const HEALTH_STATUSES = ['ok', 'unavailable'] as const;

export const healthAnswer = z.strictObject({
  /** `ok` (200): this instance can serve. `unavailable` (503): its database cannot be reached, or it is starting or stopping. */
  status: z.enum(HEALTH_STATUSES),
  /** The instance is shutting down: it finishes what it has, takes nothing new. */
  stopping: z.boolean(),
  database: z.strictObject({ reachable: z.boolean(), latencyMs: z.number().nullable() }),
  /** Strapi's schema is synced and no database migration is waiting. Null when the database cannot be asked. */
  migrations: z.strictObject({ done: z.boolean().nullable() }),
  /** Each scheduled job: when it last ran, whether that run ended without error, whether a run holds it now. */
  jobs: z.array(
    z.strictObject({
      key: z.enum(JOB_KEYS),
      /** Whether this instance runs it on its schedule (PMO_JOBS). */
      scheduledHere: z.boolean(),
      lastRunAt: z.string().nullable(),
      lastRunOk: z.boolean().nullable(),
      running: z.boolean(),
    })
  ),
  /** Messages waiting to be sent (pending or being sent), and how long the oldest has waited. */
  outbox: z.strictObject({ backlog: z.number().nullable(), oldestPendingSeconds: z.number().nullable() }),
});
export type HealthAnswer = z.infer<typeof healthAnswer>;

export const operationsRoutes = {
  /** GET /pmo/health: public. */
  health: contract({ params: noParams, query: noQuery }),
};

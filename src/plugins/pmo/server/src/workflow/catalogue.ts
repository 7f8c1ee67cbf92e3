/**
 * The guard and effect catalogue. The engine knows only these interfaces; each capability
 * registers its own types (governance adds `gateReview`, change control adds `budget`, …).
 * Guards and effects are configured by data: nothing here evaluates code or expressions.
 */
import type { Core } from '@strapi/strapi';
import type { EffectConfig, GuardConfig, WorkflowDefinition, WorkflowTransition } from '../../../shared/contracts/workflow';
import type { ActorFacts, Vote } from './evaluate';
import { show } from '../../../shared/contracts/workflow';
import { listWords } from '../../../shared/words';

export type GuardContext = {
  strapi: Core.Strapi;
  definition: WorkflowDefinition;
  transition: WorkflowTransition;
  uid: string;
  documentId: string;
  /** The target document, with its first-level relations and components populated. */
  target: Record<string, unknown>;
  actor: ActorFacts;
  /** Where the item stands: its state and the one it came from (null when not recorded). */
  instance?: { state: string; previousState: string | null };
};

export type EffectContext = GuardContext & {
  from: string;
  to: string;
  comment: string | null;
  instanceId: number;
  /** When the transition applies (ISO). */
  now: string;
  /** The approvals that applied it, the acting user's last ([] for a transition without approvals). */
  votes: Vote[];
};

/**
 * The settings of a guard's or effect's configuration other than `type` and `allowed`, as a
 * problem: 'it has no setting "colour"'.
 */
export function unknownSettings(config: Record<string, unknown>, allowed: string[]): string[] {
  const extra = Object.keys(config).filter((key) => !['type', ...allowed].includes(key));
  return extra.length ? [`it has no setting ${listWords(extra.slice(0, 5).map((key) => show(key)), 'or')}${extra.length > 5 ? ' (and more)' : ''}`] : [];
}

export type GuardType = {
  type: string;
  description: string;
  /**
   * Problems of one configuration; [] when it is fine. Pure. Each is a clause about this guard in
   * a PMO administrator's words, read after "in guard 2," ("choose the field to check").
   */
  validate(config: Record<string, unknown>): string[];
  evaluate(config: GuardConfig, context: GuardContext): Promise<{ ok: boolean; message?: string }>;
  /**
   * Optional: `evaluate`'s verdicts for many items at once, in the order given, with set-based
   * queries (the governance board asks for a page of projects). Without it, `evaluate` runs for each.
   */
  evaluateMany?(config: GuardConfig, contexts: GuardContext[]): Promise<Array<{ ok: boolean; message?: string }>>;
  /**
   * Optional: the items this guard lets through (asked as no one in particular), as a where-clause
   * of the item's type for the database ("my work" narrows votes with it). `exact` when those are
   * exactly the items `evaluate` accepts; else a superset, whose rows `evaluate` still judges.
   * Null when SQL cannot say (this configuration, this type).
   */
  narrow?(config: GuardConfig, context: { strapi: Core.Strapi; uid: string }): GuardNarrowing | null;
};

/** Where a guard lets items through: a Strapi where-clause on the item's type, and whether it is exact (see `GuardType.narrow`). */
export type GuardNarrowing = { where: Record<string, unknown>; exact: boolean };

export type EffectType = {
  type: string;
  description: string;
  /** As a guard's: clauses in words, read after "in effect 1,". */
  validate(config: Record<string, unknown>): string[];
  /** Runs inside the transition's database transaction. */
  apply(config: EffectConfig, context: EffectContext): Promise<void>;
};

export function createCatalogue() {
  const guards = new Map<string, GuardType>();
  const effects = new Map<string, EffectType>();
  return {
    registerGuard(guard: GuardType) {
      if (guards.has(guard.type)) throw new Error(`guard type "${guard.type}" is already registered`);
      guards.set(guard.type, guard);
    },
    registerEffect(effect: EffectType) {
      if (effects.has(effect.type)) throw new Error(`effect type "${effect.type}" is already registered`);
      effects.set(effect.type, effect);
    },
    guard: (type: string) => guards.get(type),
    effect: (type: string) => effects.get(type),
    guardTypes: () => [...guards.values()],
    effectTypes: () => [...effects.values()],
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;

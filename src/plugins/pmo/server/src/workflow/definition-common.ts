/**
 * The validator's vocabulary: what it knows of the running application (the context), what it
 * answers, the problem list, and the words its messages share (`quoteList`, the closest allowed
 * name to a typo). Pure, like the rest of the validator.
 */
import type { Problem } from '../../../shared/contracts/common';
import { show, type WorkflowDefinition } from '../../../shared/contracts/workflow';
import { PERSON_UID } from '../../../shared/contracts/uids';

export { show };

/** Problems of one guard/effect config, [] when fine. Receives the whole item, `type` included. */
export type ConfigValidator = (config: Record<string, unknown>) => string[];

export type ContentTypeShape = { attributes: Record<string, { type: string; relation?: string; target?: string }> };

export type ValidationContext = {
  /** Known guard types → their config validator. */
  guards: Record<string, ConfigValidator>;
  /** Known effect types → their config validator. */
  effects: Record<string, ConfigValidator>;
  /** Known PMO role keys (admin role codes), e.g. 'pmo-director', 'change-board'. */
  roles: string[];
  /** Known target content types by uid. */
  contentTypes: Record<string, ContentTypeShape>;
  /** The person content type that `{ field }` actors must point to. Default 'api::person.person'. */
  personUid?: string;
};

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; problems: Problem[] };

export const DEFAULT_PERSON_UID = PERSON_UID;

export type Obj = Record<string, unknown>;

export const hasOwn = (object: object, property: string): boolean => Object.prototype.hasOwnProperty.call(object, property);

export const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

export const quoteList = (values: string[]): string => {
  if (!values.length) return '(none)';
  const shown = values
    .slice(0, 20)
    .map((v) => show(v))
    .join(', ');
  return values.length > 20 ? `${shown} and ${values.length - 20} more` : shown;
};

export const ownKeys = (record: Record<string, unknown> | undefined | null): string[] => (isObject(record) ? Object.keys(record).sort() : []);

export class Problems {
  readonly list: Problem[] = [];
  add(path: Problem['path'], message: string): void {
    this.list.push({ path, message });
  }
}

/** The allowed name closest to a typo, if it is close enough to be a likely intent. */
export function closest(typo: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(typo.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

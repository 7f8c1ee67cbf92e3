/** Who may fire a transition: role and person-field actor rules, and approvals (quorum, exclusions). */
import type { ActorRule, Approvals } from '../../../shared/workflow-types';
import {
  type ValidationContext,
  DEFAULT_PERSON_UID,
  MAX_QUORUM,
  APPROVAL_PROPERTIES,
  type Obj,
  hasOwn,
  isObject,
  given,
  show,
  describeType,
  quoteList,
  Problems,
  checkUnknownProperties,
  readFlag,
} from './definition-common';

export type TargetType = ValidationContext['contentTypes'][string] | undefined;

/**
 * Why `path` is not a relation to a person on the target, or null when it is. A path is a
 * relation name (`raisedBy`) or relations followed through related types (`project.manager`:
 * the manager of the item's project).
 */
export function personPathProblem(
  path: string,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType
): string | null {
  if (!target || appliesTo === undefined) return null;
  const personUid = context.personUid ?? DEFAULT_PERSON_UID;
  const contentTypes = isObject(context.contentTypes) ? context.contentTypes : {};
  const segments = path.split('.');
  let uid = appliesTo;
  let type: TargetType = target;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i];
    const last = i === segments.length - 1;
    const attributes: Record<string, { type: string; relation?: string; target?: string }> =
      type && isObject(type.attributes) ? type.attributes : {};
    const attribute: { type: string; target?: string } | undefined = hasOwn(attributes, name) ? attributes[name] : undefined;
    const personFields = Object.keys(attributes)
      .filter((key) => {
        const a = attributes[key];
        return isObject(a) && a.type === 'relation' && a.target === personUid;
      })
      .sort();
    const hint = last ? `; relations to ${personUid} on ${uid}: ${quoteList(personFields)}` : '';
    const where = segments.length > 1 ? ` (in ${show(path)})` : '';
    if (!name) return `actor field ${show(path)} must be relation names joined by dots, e.g. "project.manager"`;
    if (!isObject(attribute)) return `${uid} has no field ${show(name)}${where}${hint}`;
    if (attribute.type !== 'relation') {
      return `field ${show(name)} of ${uid}${where} is a ${show(attribute.type)} attribute, not a relation${last ? ` to ${personUid}` : ''}${hint}`;
    }
    if (last) {
      if (attribute.target !== personUid) {
        return `field ${show(name)} of ${uid}${where} relates to ${show(attribute.target)}, not to ${personUid}${hint}`;
      }
      return null;
    }
    const next: string = typeof attribute.target === 'string' ? attribute.target : '';
    if (!hasOwn(contentTypes, next) || !isObject(contentTypes[next])) {
      return `field ${show(name)} of ${uid}${where} relates to ${show(next)}, whose fields are unknown`;
    }
    uid = next;
    type = contentTypes[next];
  }
  return null;
}

export function validateActors(
  raw: Obj,
  path: string,
  label: string,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType,
  problems: Problems
): ActorRule[] {
  const actors: ActorRule[] = [];
  if (!given(raw, 'actors')) return actors;
  const list = raw.actors;
  if (!Array.isArray(list)) {
    problems.add(
      `${path}.actors`,
      `${label}: actors must be a list like [{ "role": "change-board" }], not ${describeType(list)}`
    );
    return actors;
  }
  const roles = Array.isArray(context.roles) ? context.roles : [];
  list.forEach((actor: unknown, index: number) => {
    const actorPath = `${path}.actors[${index}]`;
    if (!isObject(actor)) {
      problems.add(
        actorPath,
        `${label}: actor ${show(actor)} must be { "role": "<role key>" } or { "field": "<relation to a person>" }`
      );
      return;
    }
    const hasRole = given(actor, 'role');
    const hasField = given(actor, 'field');
    const extra = Object.keys(actor).filter((k) => k !== 'role' && k !== 'field');
    for (const property of extra) {
      problems.add(
        `${actorPath}.${property}`,
        `${label}: actor has an unknown property ${show(property)}; an actor is { "role": ... } or { "field": ... }`
      );
    }
    if (hasRole && hasField) {
      problems.add(
        actorPath,
        `${label}: actor ${show(actor)} names both a role and a field; use one actor for each`
      );
      return;
    }
    if (!hasRole && !hasField) {
      problems.add(
        actorPath,
        `${label}: actor ${show(actor)} needs a "role" (a PMO role key) or a "field" (a relation to a person)`
      );
      return;
    }
    if (hasRole) {
      const value = actor.role;
      if (typeof value !== 'string' || !value.trim()) {
        problems.add(
          `${actorPath}.role`,
          `${label}: actor role must be a role key, not ${describeType(value)}`
        );
        return;
      }
      const role = value.trim();
      if (!roles.includes(role)) {
        problems.add(
          `${actorPath}.role`,
          `${label}: unknown role ${show(role)}; known roles: ${quoteList([...roles].sort())}`
        );
        return;
      }
      actors.push({ role });
      return;
    }
    const value = actor.field;
    if (typeof value !== 'string' || !value.trim()) {
      problems.add(
        `${actorPath}.field`,
        `${label}: actor field must be the name of a relation to a person, not ${describeType(value)}`
      );
      return;
    }
    const field = value.trim();
    const problem = personPathProblem(field, context, appliesTo, target);
    if (problem) {
      problems.add(`${actorPath}.field`, `${label}: ${problem}`);
      return;
    }
    actors.push({ field });
  });
  return actors;
}

export function validateApprovals(
  raw: Obj,
  path: string,
  label: string,
  actorsGiven: boolean,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType,
  problems: Problems
): Approvals | undefined {
  if (!given(raw, 'approvals')) return undefined;
  const value = raw.approvals;
  const approvalsPath = `${path}.approvals`;
  if (!isObject(value)) {
    problems.add(
      approvalsPath,
      `${label}: approvals must be an object like { "quorum": 2 }, not ${describeType(value)}`
    );
    return undefined;
  }
  checkUnknownProperties(
    value,
    APPROVAL_PROPERTIES,
    approvalsPath,
    `${label}: approvals`,
    problems
  );
  const quorum = value.quorum;
  let ok = true;
  if (!given(value, 'quorum')) {
    problems.add(
      `${approvalsPath}.quorum`,
      `${label}: approvals need a quorum: how many distinct actors must approve, a whole number from 1 to ${MAX_QUORUM}`
    );
    ok = false;
  } else if (
    typeof quorum !== 'number' ||
    !Number.isInteger(quorum) ||
    quorum < 1 ||
    quorum > MAX_QUORUM
  ) {
    problems.add(
      `${approvalsPath}.quorum`,
      `${label}: approval quorum ${show(quorum)} must be a whole number from 1 to ${MAX_QUORUM}`
    );
    ok = false;
  }
  const excludeRequester = readFlag(
    value,
    'excludeRequester',
    `${approvalsPath}.excludeRequester`,
    `${label}: approvals.excludeRequester`,
    problems
  );
  const excludeFields: string[] = [];
  if (given(value, 'excludeFields')) {
    const list = value.excludeFields;
    if (!Array.isArray(list)) {
      problems.add(
        `${approvalsPath}.excludeFields`,
        `${label}: approvals.excludeFields must be a list of person fields like ["raisedBy"], not ${describeType(list)}`
      );
      ok = false;
    } else {
      list.forEach((entry: unknown, i: number) => {
        const entryPath = `${approvalsPath}.excludeFields[${i}]`;
        if (typeof entry !== 'string' || !entry.trim()) {
          problems.add(entryPath, `${label}: approvals.excludeFields entries must name a relation to a person, not ${describeType(entry)}`);
          ok = false;
          return;
        }
        const problem = personPathProblem(entry.trim(), context, appliesTo, target);
        if (problem) {
          problems.add(entryPath, `${label}: approvals.excludeFields: ${problem}`);
          ok = false;
          return;
        }
        if (!excludeFields.includes(entry.trim())) excludeFields.push(entry.trim());
      });
    }
  }
  if (!actorsGiven) {
    problems.add(
      approvalsPath,
      `${label}: approvals need actors who may vote; add at least one actor (a role or a person field)`
    );
  }
  if (!ok) return undefined;
  return excludeFields.length
    ? { quorum: quorum as number, excludeRequester, excludeFields }
    : { quorum: quorum as number, excludeRequester };
}

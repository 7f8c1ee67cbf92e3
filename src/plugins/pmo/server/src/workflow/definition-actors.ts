/**
 * Who may fire a transition, beyond its shape: actor roles the application knows, actor fields
 * and approval exclusions that lead to a person, and approvals only where someone may vote.
 */
import { DEFAULT_PERSON_UID, hasOwn, isObject, quoteList, show, type ContentTypeShape, type Problems, type ValidationContext } from './definition-common';
import type { TransitionDraft } from './definition-read';

export type TargetType = ContentTypeShape | undefined;

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

/** Where the checks of one transition stand: the workflow's target type and what the application knows. */
export type TransitionScope = { context: ValidationContext; roles: string[]; appliesTo: string | undefined; target: TargetType };

export function checkActors(transition: TransitionDraft, path: Array<string | number>, scope: TransitionScope, problems: Problems) {
  const { label } = transition;
  for (const actor of transition.actors) {
    const actorPath = [...path, 'actors', actor.index];
    if ('role' in actor) {
      if (!scope.roles.includes(actor.role)) {
        problems.add([...actorPath, 'role'], `${label}: unknown role ${show(actor.role)}; known roles: ${quoteList([...scope.roles].sort())}`);
      }
      continue;
    }
    const problem = personPathProblem(actor.field, scope.context, scope.appliesTo, scope.target);
    if (problem) problems.add([...actorPath, 'field'], `${label}: ${problem}`);
  }
}

export function checkApprovals(transition: TransitionDraft, path: Array<string | number>, scope: TransitionScope, problems: Problems) {
  const { label, approvals } = transition;
  if (!approvals) return;
  for (const { index, field } of approvals.excludeFields) {
    const problem = personPathProblem(field, scope.context, scope.appliesTo, scope.target);
    if (problem) problems.add([...path, 'approvals', 'excludeFields', index], `${label}: approvals.excludeFields: ${problem}`);
  }
  if (!transition.actorsGiven) {
    problems.add(
      [...path, 'approvals'],
      `${label}: approvals need actors who may vote; add at least one actor (a role or a person field)`
    );
  }
}

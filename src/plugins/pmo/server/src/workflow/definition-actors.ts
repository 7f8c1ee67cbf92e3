/**
 * Who may fire a transition, beyond its shape: actor roles the application knows, actor fields
 * and approval exclusions that lead to a person, and approvals only where someone may vote. Roles
 * are named as people say them ("a member of the change board"), fields in words ("the person who
 * raised it"), content types by their display names ("a change request").
 */
import { closest, fieldWords, listWords, personFieldWords, roleHolder } from '../../../shared/words';
import {
  DEFAULT_PERSON_UID,
  hasOwn,
  isObject,
  namesList,
  oneOf,
  show,
  type ContentTypeShape,
  type Problems,
  type ValidationContext,
} from './definition-common';
import type { TransitionDraft } from './definition-read';

export type TargetType = ContentTypeShape | undefined;

/** What a field that is not a relation holds, by its Strapi attribute type. */
const ATTRIBUTE_WORDS: Record<string, string> = {
  string: 'text',
  text: 'text',
  richtext: 'text',
  blocks: 'text',
  uid: 'text',
  email: 'an email address',
  password: 'a password',
  enumeration: 'a choice from a list',
  integer: 'a number',
  biginteger: 'a number',
  decimal: 'a number',
  float: 'a number',
  boolean: 'a yes or no',
  date: 'a date',
  datetime: 'a date and time',
  time: 'a time of day',
  json: 'data',
  media: 'a file',
  component: 'a group of fields',
  dynamiczone: 'a group of fields',
  customField: 'a custom field',
};

const attributeWords = (type: unknown) =>
  typeof type === 'string' && hasOwn(ATTRIBUTE_WORDS, type) ? ATTRIBUTE_WORDS[type] : 'a field of another kind';

/**
 * Why `path` is not a relation to a person on the target, or null when it is: a clause that
 * follows "but" ("a change request has no field "sponsor"; …"). A path is a relation name
 * (`raisedBy`) or relations followed through related types (`project.manager`: the manager of the
 * item's project).
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
  const person = oneOf(personUid, contentTypes);
  const segments = path.split('.');
  let uid = appliesTo;
  let type: TargetType = target;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i];
    const last = i === segments.length - 1;
    const attributes: Record<string, { type: string; relation?: string; target?: string }> =
      type && isObject(type.attributes) ? type.attributes : {};
    const attribute: { type: string; target?: string } | undefined = hasOwn(attributes, name) ? attributes[name] : undefined;
    const item = oneOf(uid, contentTypes);
    const personFields = Object.keys(attributes)
      .filter((key) => {
        const a = attributes[key];
        return isObject(a) && a.type === 'relation' && a.target === personUid;
      })
      .sort()
      .map(personFieldWords);
    const hint = !last
      ? ''
      : personFields.length
        ? `; the fields of ${item} that name ${person} are ${namesList(personFields)}`
        : `; ${item} has no field that names ${person}`;
    if (!name) return `a person field is written as relations joined by single dots, such as project.manager (the project's manager)`;
    if (!isObject(attribute)) return `${item} has no field ${show(name)}${hint}`;
    const field = `the ${fieldWords(name)} of ${item}`;
    if (attribute.type !== 'relation') {
      return `${field} is ${attributeWords(attribute.type)}, not ${last ? person : 'a relation to other items'}${hint}`;
    }
    const next: string = typeof attribute.target === 'string' ? attribute.target : '';
    if (last) {
      if (next !== personUid) return `${field} is ${oneOf(next, contentTypes)}, not ${person}${hint}`;
      return null;
    }
    if (!hasOwn(contentTypes, next) || !isObject(contentTypes[next])) {
      return `${field} is ${oneOf(next, contentTypes)}, whose fields PMO Hub does not know`;
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
  const names = isObject(scope.context.roleNames) ? (scope.context.roleNames as Record<string, string>) : {};
  const holder = (code: string) => roleHolder(code, hasOwn(names, code) && typeof names[code] === 'string' ? { [code]: names[code] } : {});
  for (const actor of transition.actors) {
    const actorPath = [...path, 'actors', actor.index];
    if ('role' in actor) {
      if (!scope.roles.includes(actor.role)) {
        const likely = closest(actor.role, scope.roles);
        const did = likely ? ` (did you mean ${holder(likely)}?)` : '';
        const choose = scope.roles.length ? `; choose ${listWords(scope.roles.slice(0, 20).map(holder), 'or')}` : '';
        problems.add(
          [...actorPath, 'role'],
          `${label} lets someone with the role ${show(actor.role)} fire it, but there is no such role${did}${choose}`
        );
      }
      continue;
    }
    const problem = personPathProblem(actor.field, scope.context, scope.appliesTo, scope.target);
    if (problem) problems.add([...actorPath, 'field'], `${label} names ${show(actor.field)} among who may fire it, but ${problem}`);
  }
}

export function checkApprovals(transition: TransitionDraft, path: Array<string | number>, scope: TransitionScope, problems: Problems) {
  const { label, approvals } = transition;
  if (!approvals) return;
  for (const { index, field } of approvals.excludeFields) {
    const problem = personPathProblem(field, scope.context, scope.appliesTo, scope.target);
    if (problem) {
      problems.add([...path, 'approvals', 'excludeFields', index], `${label} names ${show(field)} among the people who may not approve, but ${problem}`);
    }
  }
  if (!transition.actorsGiven) {
    problems.add(
      [...path, 'approvals'],
      `${label} needs approvals but lists nobody who may vote; add at least one role or person field to who may fire it`
    );
  }
}

/**
 * The words a person reads for a field, a path into a request and a PMO role: "actionItems[0].text"
 * is "the text of action item 1", `raisedBy` is "the person who raised it", `pmo-manager` is "a PMO
 * manager". Messages use them so that no field key, documentId or role code reaches a person.
 * Pure: shared by the server and the admin.
 */
import { PMO_ROLE_KEYS, type PmoRoleKey } from './pmo-roles';

/** Keys (or dotted paths, list indexes left out) whose words a key does not spell out by itself. */
const FIELD_WORDS: Record<string, string> = {
  'impact.cost': 'cost impact',
  'impact.scheduleDays': 'schedule impact',
  'impact.scope': 'scope impact',
  'impact.quality': 'quality impact',
  'impact.risk': 'risk impact',
  'impact.benefits': 'benefits',
  'checklist.key': 'criterion',
  'checklist.met': 'answer',
  'ratings.rating': 'score',
  uid: 'content type',
  as: 'view',
  documentId: 'item',
  q: 'search text',
  asOf: 'as-of date',
  reviewedOn: 'review date',
  heldDate: 'date held',
  durationMinutes: 'duration',
  expectedVersion: 'version you loaded',
  olderThanDays: 'age in days',
  percentComplete: 'percentage complete',
  ragOverall: 'overall RAG',
  ragSchedule: 'schedule RAG',
  ragCost: 'cost RAG',
  ragScope: 'scope RAG',
  workflowState: 'state',
  raisedBy: 'person who raised it',
  raisedOn: 'date raised',
  decidedOn: 'decision date',
  recordedOn: 'date recorded',
  expiresOn: 'expiry date',
  obtainedOn: 'date obtained',
  milestonesBaselinedOn: 'milestone baseline date',
  approvedAt: 'approval date',
  lastReviewedAt: 'last review date',
  needBy: 'date needed by',
  sourceDocumentId: 'source document',
  authorityLevel: 'authority level',
  bom: 'byte order mark',
  delimiter: 'column separator',
  from: 'start of the period',
  to: 'end of the period',
  capacityPercent: 'capacity (percent of full time)',
  nonProjectPercent: 'non-project time (percent)',
};

/** What one entry of a list is called: `actionItems[0]` is "action item 1". */
const ENTRY_WORDS: Record<string, string> = {
  checklist: 'checklist answer',
  focusCompetencies: 'focus competency',
  requiredDocumentTypes: 'required document type',
  appliesToStates: 'state',
};

/** "changeAuthorityLimit" → "change authority limit"; "pmo-manager" → "pmo manager". */
export function humanise(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** American spellings of stable keys (DESIGN.md's `canceled`, `authorize`) as a British reader spells them. */
const BRITISH: Array<[RegExp, string]> = [
  [/\bcanceled\b/g, 'cancelled'],
  [/\bauthoriz/g, 'authoris'],
  [/\borganiz/g, 'organis'],
  [/\bcolor\b/g, 'colour'],
];

/** A key shown as words, in British spelling: `canceled` → "Cancelled", `in-review` → "In review". */
export function keyWords(key: string): string {
  return capitalise(BRITISH.reduce((words, [american, british]) => words.replace(american, british), humanise(key)));
}

/** The words for a field: `dueDate` → "due date", `impact.cost` → "cost impact". */
export const fieldWords = (key: string): string => FIELD_WORDS[key] ?? humanise(key.split('.').pop() ?? key);

/** One entry of a list field: `actionItems` → "action item", `conditions` → "condition". */
export function entryWords(listKey: string): string {
  if (ENTRY_WORDS[listKey]) return ENTRY_WORDS[listKey];
  const words = fieldWords(listKey);
  if (words.endsWith('ies')) return `${words.slice(0, -3)}y`;
  if (words.endsWith('s') && !words.endsWith('ss')) return words.slice(0, -1);
  return `${words} entry`;
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A name inside a sentence: "Change request" → "change request"; "PMO report" stays as it is. */
export const inSentence = (name: string): string => (/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

/** "a project", "an owner", "a text". */
export const withArticle = (noun: string): string => `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * A path into a request as a person reads it: `owner` is the list entry it lies in ("action item
 * 1", "condition 2 of the review"), `field` the words for the field itself ("text"); either may be
 * missing (`['actionItems', 0]` has no field, `['title']` no owner).
 */
export type PathWords = { owner: string | null; field: string | null };

export function pathWords(path: ReadonlyArray<PropertyKey>): PathWords {
  const keys: string[] = [];
  let owner: string | null = null;
  let field: string | null = null;
  path.forEach((segment, index) => {
    const text = String(segment);
    if (typeof segment === 'number' || /^\d+$/.test(text)) {
      const listKey = keys[keys.length - 1];
      const entry = `${listKey ? entryWords(listKey) : 'entry'} ${Number(text) + 1}`;
      owner = owner && field === null ? `${entry} of ${owner}` : entry;
      field = null;
      return;
    }
    keys.push(text);
    const dotted = keys.join('.');
    const nextIsIndex = index + 1 < path.length && /^\d+$/.test(String(path[index + 1]));
    field = nextIsIndex ? null : FIELD_WORDS[dotted] ?? fieldWords(text);
    if (nextIsIndex) keys.splice(0, keys.length - 1);
  });
  return { owner, field };
}

/** "the title", "the text of action item 1", "action item 1", or `whole` for the empty path. */
export function theField(path: ReadonlyArray<PropertyKey>, whole = 'the request'): string {
  const { owner, field } = pathWords(path);
  if (owner && field) return `the ${field} of ${owner}`;
  if (field) return `the ${field}`;
  return owner ?? whole;
}

/**
 * What to do about a missing value: "Choose a project", "Give a title", and inside a list "Action
 * item 1 needs a text", "Condition 2 needs an owner".
 */
export function needsWords(path: ReadonlyArray<PropertyKey>, verb: 'Give' | 'Choose' = 'Give', noun?: string): string {
  const { owner, field } = pathWords(path);
  const what = field ?? noun;
  if (owner && what) return `${capitalise(owner)} needs ${withArticle(what)}`;
  if (owner) return `${verb} ${owner}`;
  return `${verb} ${withArticle(what ?? 'value')}`;
}

/* ---------------------------------------------------------------------------------------------
 * Roles and the people an item names
 * -------------------------------------------------------------------------------------------*/

/** Each PMO role as a person says it, after "a": "PMO manager", "member of the change board". */
export const PMO_ROLE_WORDS: Record<PmoRoleKey, string> = {
  'pmo-director': 'PMO director',
  'pmo-manager': 'PMO manager',
  'pmo-analyst': 'PMO analyst',
  'pmo-administrator': 'PMO administrator',
  'project-manager': 'project manager',
  'change-board': 'member of the change board',
  finance: 'member of the finance team',
};

const STRAPI_ROLE_WORDS: Record<string, string> = {
  'strapi-super-admin': 'super admin',
  'strapi-editor': 'editor',
  'strapi-author': 'author',
};

const isPmoRole = (code: string): code is PmoRoleKey => (PMO_ROLE_KEYS as readonly string[]).includes(code);

/**
 * Someone who holds a role: "a PMO manager", "a member of the change board". `names` are the
 * admin roles' own names by code (an administrator may have created the role), used for roles
 * PMO Hub does not know: "someone with the role Steering group".
 */
export function roleHolder(code: string, names: Record<string, string> = {}): string {
  const words = isPmoRole(code) ? PMO_ROLE_WORDS[code] : STRAPI_ROLE_WORDS[code];
  if (words) return withArticle(words);
  return `someone with the role ${names[code] ?? capitalise(humanise(code))}`;
}

/** The person a field of an item names, as its actor: `raisedBy` → "the person who raised it". */
const PERSON_FIELD_WORDS: Record<string, string> = {
  raisedBy: 'the person who raised it',
  implementer: 'the person implementing it',
  owner: 'its owner',
  manager: 'the manager',
  sponsor: 'the sponsor',
  mentor: 'the mentor',
  mentee: 'the mentee',
  lead: 'the lead',
};

/** `project.manager` → "the project's manager"; `raisedBy` → "the person who raised it". */
export function personFieldWords(path: string): string {
  const parts = path.split('.');
  const last = parts.pop() ?? path;
  if (parts.length === 0) return PERSON_FIELD_WORDS[last] ?? `the ${fieldWords(last)}`;
  return `the ${parts.map(fieldWords).join("'s ")}'s ${fieldWords(last)}`;
}

/** "A, B or C"; "A and B". */
export function listWords(items: string[], last: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** The allowed name closest to a typo, if it is close enough to be a likely intent: `roel` → `role`. */
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

/** Levenshtein distance; Infinity beyond 100 characters (a typo is short). */
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

/**
 * What the hostile-input tests send (tests/api/hostile-fuzz.test.ts on one instance,
 * tests/cluster/hostile.test.ts through nginx): garbage values and keys, and for each kind of
 * field a value it can never hold, as fast-check arbitraries.
 */
import fc from 'fast-check';
import type { Model, ModelAttribute } from './models';
import { getStrapi, uniqueCode } from './strapi';

/** Keys named like built-in object properties or like fields Strapi sets itself. */
export const HOSTILE_KEYS = ['constructor', 'toString', '__proto__', 'prototype', 'valueOf', 'hasOwnProperty', 'id', 'documentId', 'publishedAt', 'createdBy', 'locale'];
/** The keys the server refuses at any depth of a query or a body. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** SQL and spreadsheet-formula text: to be stored as text or refused, never run. */
export const INJECTIONS = ["'; DROP TABLE projects; --", "1' OR '1'='1", '=HYPERLINK("http://evil.test","x")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|', '-2+3'];

/** 100 KB of text: more than any short text column holds. */
export const HUGE = 'x'.repeat(100 * 1024);

/** An object nested `depth` levels deep, alternating objects and lists. */
export const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : depth % 2 ? { a: nested(depth - 1) } : [nested(depth - 1)]);

export const HOSTILE_VALUES: unknown[] = [
  1.5, true, false, -1, 0, 2 ** 31, 2 ** 53 + 1, Number.MAX_VALUE, '9'.repeat(40), '', ' ', 'null', '\u0000', 'a\u0000b',
  '2026-02-31', 'not-a-date', '<script>alert(1)</script>', ...INJECTIONS,
  { connect: [1.5] }, { connect: [{ id: 'x' }] }, { set: [true] }, { disconnect: [{}] }, [[[]]], { id: 1.5 }, { documentId: 5 },
  { $gt: 1 }, [1, 2, 3], { a: { b: { c: { d: {} } } } }, 'x'.repeat(5000),
];

/** Any value at all, weighted towards the ones that broke servers before. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.constantFrom(null, HUGE, nested(40), nested(200)) }
);

/** Ids no document has: malformed, out of range, injections, or well-formed but unknown. */
export const unknownIds: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '2147483648', '99999999999999999999', 'constructor', '__proto__', '%00', 'null', 'undefined', ...INJECTIONS, 'x'.repeat(300)),
  fc.stringMatching(/^[a-z0-9]{24}$/).map((id) => `zz${id}`)
);

/** A key that is no field of any PMO Hub type and no parameter of any route. */
export const unknownKey: fc.Arbitrary<string> = fc.stringMatching(/^[a-z]{3,10}$/).map((name) => `unknown_${name}`);

/** Text that is no JSON, and JSON that is no object. */
export const notJson = fc.constantFrom('{"data":', 'data=1&x=2', '<xml/>', '{data: 1}', "{'a':1}", '\u0000\u0001', 'NaN');
export const notAnObject = fc.constantFrom('[{"decision":"go"}]', '"go"', '42', 'true', '[]', '[[[]]]');

/** A well-formed documentId no document has. */
export const UNKNOWN_DOCUMENT = 'zzunknowndocument000000000';

const not = (values: unknown[]) => fc.constantFrom(...values);
const money = not(['1.5', '0.01', '99999999999999999999', '-99999999999999999999', 'abc', '1e400', 1.25, '12,50', true, {}]);

/**
 * A value the attribute can never hold (wrong type, impossible date, money out of range or
 * fractional, unknown or malformed reference), or null where no value is allowed on a required
 * field; undefined when every value fits (JSON fields).
 */
export function impossibleValue(attribute: ModelAttribute & { relation?: string; repeatable?: boolean }): fc.Arbitrary<unknown> | undefined {
  if (attribute.customField === 'plugin::pmo.money') return money;
  const required = attribute.required ? [null] : [];
  switch (attribute.type) {
    case 'integer':
    case 'biginteger':
      return not([1.5, 'abc', 2 ** 31, '1e400', true, {}, [1], ...required]);
    case 'decimal':
    case 'float':
      return not(['abc', true, {}, [1], 'NaN', ...required]);
    case 'date':
      return not(['2026-02-31', '2026-13-01', '2026-00-10', 'not-a-date', '31/12/2026', true, {}, ...required]);
    case 'datetime':
      return not(['2026-02-31T10:00:00.000Z', 'not-a-date', '2026-01-01T25:61:00Z', true, {}, ...required]);
    case 'boolean':
      return not(['maybe', 2, {}, [true], ...required]);
    case 'enumeration':
      return not(['not-a-choice', 5, true, {}, ...INJECTIONS, ...required]);
    case 'email':
      return not(['not-an-email', 'a@', HUGE, 5, {}, ...required]);
    case 'string':
    case 'uid':
      return not([HUGE, {}, [1, 2], { a: nested(40) }, ...required]);
    case 'text':
    case 'richtext':
      return not([{}, [1, 2], nested(40), ...required]);
    case 'relation':
    case 'media':
      return not([1.5, -3, true, 2147483648, { connect: [{ id: 'x' }] }, { set: [false] }, [{}], UNKNOWN_DOCUMENT, { connect: [UNKNOWN_DOCUMENT] }]);
    case 'component':
      return not(['not-a-component', 5, true, ...(attribute.repeatable ? [{ a: 1 }] : [[{ a: 1 }, { b: 2 }]]), ...required]);
    case 'dynamiczone':
      return not(['x', 5, [{ __component: 'unknown.component' }]]);
    default:
      return undefined;
  }
}

/** A valid value for a required attribute, so each type has one document to update. */
function validValue(name: string, attribute: ModelAttribute): unknown {
  if (attribute.customField === 'plugin::pmo.money') return '100';
  switch (attribute.type) {
    case 'enumeration':
      return attribute.enum![0];
    case 'email':
      return `${uniqueCode('fz').toLowerCase()}@test.pmo`;
    case 'integer':
    case 'biginteger':
      return Math.max(attribute.min ?? 1, 1);
    case 'date':
      return '2026-01-01';
    case 'boolean':
      return true;
    default:
      return name === 'code' ? uniqueCode('FZ') : uniqueCode('fuzz');
  }
}

/** The relations a type cannot be created without (change requests, RAID registers, milestones belong to projects). */
const HOLDERS: Record<string, string[]> = {
  'plugin::pmo.change-request': ['project'],
  'api::risk.risk': ['project'],
  'api::issue.issue': ['project'],
  'api::decision.decision': ['project'],
  'api::lesson.lesson': ['project'],
  'api::dependency.dependency': ['fromProject', 'toProject'],
  'api::milestone.milestone': ['project'],
};

/** One document of the type, made through the Document Service; `created` records what was made. */
export async function existingDocument(model: Model, created: Array<[string, string]> = []): Promise<{ documentId: string }> {
  const strapi = getStrapi();
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) if (attribute.required) data[name] = validValue(name, attribute);
  for (const field of HOLDERS[model.uid] ?? []) {
    const project = await strapi.documents('api::project.project').create({ data: { name: 'Fuzz', code: uniqueCode('FZP') } as never });
    created.push(['api::project.project', project.documentId]);
    data[field] = project.documentId;
  }
  const document = (await strapi.documents(model.uid as never).create({ data } as never)) as { documentId: string };
  created.push([model.uid, document.documentId]);
  return document;
}

/**
 * The `field` guard as a where-clause of the item's type (GuardType.narrow): the items it lets
 * through, for "my work" to count and page votes in SQL. Only what SQL compares as
 * `evaluateFieldGuard` does is exact: a field reached through single components and to-one
 * relations, whether it is filled in, and equality with (or membership of) text that is not a
 * number (a superset where the database ignores case), whole numbers compared to a whole number,
 * true or false. Any other comparison is left
 * to the evaluator (null). Through an item with several rows (draft and published, locales) the
 * clause matches when any row does: a superset, so not exact.
 */
import type { GuardNarrowing } from '../catalogue';
import type { FieldGuardConfig } from './field';

type Attribute = { type: string; relation?: string; target?: string; component?: string; repeatable?: boolean };
export type ModelOf = (uid: string) =>
  | { attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } } }
  | undefined;

const TEXT = new Set(['string', 'text', 'richtext', 'enumeration', 'email', 'uid']);
const WHOLE = new Set(['integer', 'biginteger']);
const SCALAR = new Set([...TEXT, ...WHOLE, 'boolean', 'decimal', 'float', 'date', 'datetime', 'time', 'timestamp']);
const TO_ONE = new Set(['oneToOne', 'manyToOne']);
const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

/** Text that `compare` (field.ts) compares as text: a string that is not a number. */
const plainText = (value: unknown): value is string => typeof value === 'string' && !NUMBER.test(value);
const wholeNumber = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && INTEGER.test(value));

/** The condition on the field itself (an attribute-level where), or null when SQL would compare otherwise. */
function condition(type: string, op: FieldGuardConfig['op'], value: unknown): Record<string, unknown> | null {
  const filled = TEXT.has(type) ? { $notNull: true, $ne: '' } : { $notNull: true };
  if (op === 'exists') return filled;
  if (TEXT.has(type)) {
    if (op === 'eq' && plainText(value) && value !== '') return { $eq: value };
    // Not `neq`: where text compares without case (MySQL) it would drop items the guard lets through.
    if (op === 'in' && Array.isArray(value) && value.every(plainText)) return { $in: value.filter((option) => option !== '') };
    return null;
  }
  if (WHOLE.has(type)) {
    if (op === 'in') return Array.isArray(value) && value.every(wholeNumber) ? { $in: value.map(String) } : null;
    if (!wholeNumber(value)) return null;
    const operator = { eq: '$eq', neq: '$ne', lt: '$lt', lte: '$lte', gt: '$gt', gte: '$gte' }[op];
    return { $notNull: true, [operator]: String(value) };
  }
  if (type === 'boolean' && typeof value === 'boolean') {
    if (op === 'eq') return { $eq: value };
    if (op === 'neq') return { $notNull: true, $ne: value };
  }
  return null;
}

/** `impact.cost` exists → `{ impact: { cost: { $notNull: true } } }`; null when SQL cannot say exactly or as a superset. */
export function fieldGuardWhere(config: FieldGuardConfig, uid: string, modelOf: ModelOf): GuardNarrowing | null {
  if (typeof config.path !== 'string') return null;
  const steps = config.path.split('.');
  let model = modelOf(uid);
  let exact = true;
  for (const [i, step] of steps.entries()) {
    const attribute = model?.attributes?.[step];
    if (!model || !attribute) return null;
    if (model.options?.draftAndPublish || model.pluginOptions?.i18n?.localized) exact = false;
    if (i === steps.length - 1) {
      if (!SCALAR.has(attribute.type)) return null;
      const where = condition(attribute.type, config.op, config.value);
      if (!where) return null;
      return { where: steps.reduceRight<Record<string, unknown>>((inner, name) => ({ [name]: inner }), where), exact };
    }
    if (attribute.type === 'relation' && attribute.target && TO_ONE.has(attribute.relation ?? '')) model = modelOf(attribute.target);
    else if (attribute.type === 'component' && attribute.component && !attribute.repeatable) model = modelOf(attribute.component);
    else return null;
  }
  return null;
}

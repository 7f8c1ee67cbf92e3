/**
 * The `field` guard: compares a field of the item with a configured value. Pure.
 * `{ "type": "field", "path": "impact.cost", "op": "exists" }`
 * `{ "type": "field", "path": "percentComplete", "op": "gte", "value": 100, "message": "…" }`
 */
import { FIELD_OPS, show, type FieldOp } from '../../../../shared/contracts/workflow';
import { capitalise, fieldWords, listWords } from '../../../../shared/words';
import { unknownSettings } from '../catalogue';

export { FIELD_OPS, type FieldOp };

export type FieldGuardConfig = { path: string; op: FieldOp; value?: unknown; message?: string };

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** What each comparison checks, after "that the field". */
const OP_CHECKS: Record<FieldOp, string> = {
  exists: 'is filled in',
  eq: 'equals a value',
  neq: 'differs from a value',
  lt: 'is less than a value',
  lte: 'is at most a value',
  gt: 'is more than a value',
  gte: 'is at least a value',
  in: 'is one of several values',
};

export function validateFieldGuard(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof config.path !== 'string' || !PATH.test(config.path)) {
    problems.push('choose the field to check (its name, or a dotted path such as impact.cost for the cost impact)');
  }
  const op = config.op as FieldOp;
  if (!FIELD_OPS.includes(op)) {
    problems.push(`the comparison ${show(config.op)} is not one PMO Hub knows; it can check that the field ${listWords(Object.values(OP_CHECKS), 'or')}`);
  } else if (op === 'in' && !Array.isArray(config.value)) {
    problems.push(`the values to compare with must be a list, to check that the field ${OP_CHECKS.in}`);
  } else if (op !== 'exists' && op !== 'in') {
    const t = typeof config.value;
    if (!(t === 'string' || t === 'number' || t === 'boolean')) {
      problems.push(`the value to compare with must be text, a number, or true or false, to check that the field ${OP_CHECKS[op]}`);
    }
  }
  if (config.message !== undefined && typeof config.message !== 'string') problems.push('its message must be text');
  problems.push(...unknownSettings(config, ['path', 'op', 'value', 'message']));
  return problems;
}

export function readPath(item: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((entry) => (entry as Record<string, unknown>)?.[part]);
    return (value as Record<string, unknown>)[part];
  }, item);
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Orders two scalars: integers (money in cents included) exactly, then numbers, then text. */
function compare(a: unknown, b: unknown): number {
  const sa = String(a);
  const sb = String(b);
  if (INTEGER.test(sa) && INTEGER.test(sb)) {
    const [x, y] = [BigInt(sa), BigInt(sb)];
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (NUMBER.test(sa) && NUMBER.test(sb)) return Number(sa) - Number(sb);
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

const present = (value: unknown) =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

export function evaluateFieldGuard(config: FieldGuardConfig, item: unknown): { ok: boolean; message?: string } {
  const actual = readPath(item, config.path);
  const shown = (value: unknown) => (value === undefined || value === null ? 'empty' : typeof value === 'string' ? `"${value}"` : String(value));
  const fail = (why: string) => ({ ok: false, message: config.message ?? why });
  // "The cost impact", "The percentage complete": the field in words, never its key.
  const field = capitalise(`the ${fieldWords(config.path)}`);
  switch (config.op) {
    case 'exists':
      return present(actual) ? { ok: true } : fail(`${field} must be filled in`);
    case 'in': {
      const options = (config.value as unknown[]) ?? [];
      return options.some((option) => present(actual) && compare(actual, option) === 0)
        ? { ok: true }
        : fail(`${field} must be ${listWords(options.map(shown))}; it is ${shown(actual)}`);
    }
    default: {
      if (!present(actual)) return fail(`${field} must be filled in`);
      const order = compare(actual, config.value);
      const ok = {
        eq: order === 0,
        neq: order !== 0,
        lt: order < 0,
        lte: order <= 0,
        gt: order > 0,
        gte: order >= 0,
      }[config.op];
      const words = { eq: 'equal', neq: 'differ from', lt: 'be less than', lte: 'be at most', gt: 'be more than', gte: 'be at least' }[config.op];
      return ok ? { ok: true } : fail(`${field} must ${words} ${shown(config.value)}; it is ${shown(actual)}`);
    }
  }
}

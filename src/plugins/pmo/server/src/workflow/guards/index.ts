import type { GuardType } from '../catalogue';
import { evaluateFieldGuard, validateFieldGuard, type FieldGuardConfig } from './field';
import { childrenGuard, noOpenGuard } from './relations';

export const fieldGuard: GuardType = {
  type: 'field',
  description: 'A field of the item exists, equals, differs from, is below/above, or is one of given values',
  validate: validateFieldGuard,
  async evaluate(config, { target }) {
    return evaluateFieldGuard(config as unknown as FieldGuardConfig, target);
  },
};

/** The engine's own guards; capabilities register theirs beside these. */
export const coreGuards: GuardType[] = [fieldGuard, noOpenGuard, childrenGuard];

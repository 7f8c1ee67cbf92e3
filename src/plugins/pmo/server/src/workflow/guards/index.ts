import type { GuardType } from '../catalogue';
import { evaluateFieldGuard, validateFieldGuard, type FieldGuardConfig } from './field';
import { fieldGuardWhere, type ModelOf } from './field-where';
import { childrenGuard, noOpenGuard } from './relations';

export const fieldGuard: GuardType = {
  type: 'field',
  description: 'A field of the item exists, equals, differs from, is below/above, or is one of given values',
  validate: validateFieldGuard,
  async evaluate(config, { target }) {
    return evaluateFieldGuard(config as unknown as FieldGuardConfig, target);
  },
  narrow(config, { strapi, uid }) {
    return fieldGuardWhere(config as unknown as FieldGuardConfig, uid, ((model: string) => strapi.getModel(model as never)) as unknown as ModelOf);
  },
};

/** The engine's own guards; capabilities register theirs beside these. */
export const coreGuards: GuardType[] = [fieldGuard, noOpenGuard, childrenGuard];

/**
 * The raise form's values and how they become the route's input: what the fields hold (text as
 * typed, the cost in minor units or the text being corrected) and the contract's check of them
 * (shared/contracts/change-control.ts `raiseInput`), the same check the server makes.
 */
import type { FormValues } from '@strapi/strapi/admin';

import { raiseInput } from '../../../../shared/contracts/change-control';
import { contractValidate, orNull } from '../../components/form';
import type { Picked } from '../../components/SearchPicker';

/** What the fields hold: the project picked, text as typed, the cost in minor units (or the text being corrected). */
export type Draft = {
  project: Picked | null;
  title: string;
  type: string;
  category: string;
  description: string;
  reason: string;
  priority: string;
  severity: string;
  impact: { cost: string | null; scheduleDays: string; scope: string; quality: string; risk: string; benefits: string };
};

export const EMPTY: Draft = {
  project: null,
  title: '',
  type: 'normal',
  category: 'request-for-change',
  description: '',
  reason: '',
  priority: 'medium',
  severity: 'moderate',
  impact: { cost: null, scheduleDays: '', scope: '', quality: '', risk: '', benefits: '' },
};

const trimmed = (text: string | null | undefined) => orNull(text?.trim());

/**
 * The fields as the route takes them: empty texts as null, days as a number. A malformed value
 * goes as typed, so the contract names the field.
 */
export function toBody(draft: Draft): unknown {
  const days = (draft.impact.scheduleDays ?? '').trim();
  return {
    project: draft.project?.documentId ?? '',
    title: (draft.title ?? '').trim(),
    type: draft.type ?? undefined,
    category: draft.category ?? undefined,
    description: trimmed(draft.description),
    reason: trimmed(draft.reason),
    priority: draft.priority ?? undefined,
    severity: draft.severity ?? undefined,
    impact: {
      cost: orNull(draft.impact.cost),
      scheduleDays: days === '' ? null : /^-?\d+$/.test(days) ? Number(days) : days,
      scope: trimmed(draft.impact.scope),
      quality: trimmed(draft.impact.quality),
      risk: trimmed(draft.impact.risk),
      benefits: trimmed(draft.impact.benefits),
    },
  };
}

const checkDraft = contractValidate(raiseInput, toBody);
/** Strapi's `Form` types its values as `object`; they are the Draft its fields hold. */
export const validate = (values: FormValues) => checkDraft(values as Draft);

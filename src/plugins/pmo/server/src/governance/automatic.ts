/**
 * Checklist criteria the server answers from the facts instead of a person (pure). A standard's
 * criterion is plain text (DESIGN.md: text, mustMeet), so a check is recognised by its wording:
 * "No document overdue for review" is met only when none of the project's documents (superseded
 * ones left out) was due for review before the as-of day. While a review awaits its decision the
 * result is worked out afresh whenever it is read; holding the review records it as of the held day.
 */
import { formatDay } from '../../../shared/calendar';
import type { ChecklistItem } from '../../../shared/contracts/governance';

export type AutomaticCheck = 'documents-current';

/** The wording of each check, compared without case, trailing full stop or doubled spaces. */
const WORDINGS: Record<AutomaticCheck, string[]> = {
  'documents-current': ['no document overdue for review', 'no documents overdue for review', 'no document is overdue for review'],
};

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');

export function automaticCheckOf(criterion: string): AutomaticCheck | null {
  const wording = normalise(criterion);
  const found = (Object.keys(WORDINGS) as AutomaticCheck[]).find((check) => WORDINGS[check].includes(wording));
  return found ?? null;
}

export const hasAutomaticChecks = (items: ChecklistItem[]) => items.some((item) => automaticCheckOf(item.criterion) !== null);

/** A document of the project that was due for review before the as-of day. */
export type OverdueDocument = { title: string; nextReviewDue: string };

/** The project's facts the checks read. */
export type CheckFacts = { asOf: string; overdueDocuments: OverdueDocument[] };

/** "2 documents overdue for review on 3 Dec 2026: Project brief (due 1 Nov 2026); Risk register (due 3 Nov 2026)." */
function overdueNote(documents: OverdueDocument[], asOf: string): string {
  if (!documents.length) return `No document was overdue for review on ${formatDay(asOf)}.`;
  const listed = documents.map((document) => `${document.title} (due ${formatDay(document.nextReviewDue)})`).join('; ');
  return `${documents.length === 1 ? '1 document' : `${documents.length} documents`} overdue for review on ${formatDay(asOf)}: ${listed}.`;
}

/** The checklist with every automatic criterion answered from the facts (others as they were). */
export function withAutomaticResults(items: ChecklistItem[], facts: CheckFacts): ChecklistItem[] {
  return items.map((item) => {
    const check = automaticCheckOf(item.criterion);
    if (check === 'documents-current') {
      return { ...item, automatic: true, met: facts.overdueDocuments.length ? 'no' : 'yes', notes: overdueNote(facts.overdueDocuments, facts.asOf) };
    }
    return item;
  });
}

/**
 * The session form's values (what the mentor types: dates and minutes as text, '' for nothing)
 * and the body they make for POST or PUT /pmo/mentoring/sessions: the very object the contract
 * judges in the browser and on the server. The values' paths are the body's, so a problem at
 * `ratings.0.rating` or `actionItems.1.dueDate` lands beside that rating or that row.
 */
import type { ActionItemOwner, MentoringSession, NextSession } from '../../../api/mentoring';

export type ItemValues = {
  /** React key; stable while rows are added and removed. Never sent. */
  key: string;
  /** An existing item: kept (when editing) or carried forward (when logging the next session). */
  id?: string;
  text: string;
  owner: ActionItemOwner;
  dueDate: string;
  done: boolean;
  carriedFrom: string | null;
};

export type SessionValues = {
  date: string;
  durationMinutes: string;
  topics: string;
  /** The competencies rated this time, in the order they were rated; a competency left unrated is absent. */
  ratings: Array<{ competency: string; rating: number }>;
  sharedNotes: string;
  confidentialNotes: string;
  actionItems: ItemValues[];
};

let sequence = 0;
const newItemKey = () => `item-${(sequence += 1)}`;

export const emptyItem = (): ItemValues => ({ key: newItemKey(), text: '', owner: 'mentee', dueDate: '', done: false, carriedFrom: null });

const itemValues = (item: NextSession['draft']['actionItems'][number]): ItemValues => ({
  key: newItemKey(),
  id: item.id,
  text: item.text,
  owner: item.owner,
  dueDate: item.dueDate ?? '',
  done: item.done,
  carriedFrom: item.carriedFrom,
});

/** The next session, as the server prefilled it (open items carried forward). */
export function valuesFromNext({ draft }: NextSession): SessionValues {
  return {
    date: draft.date,
    durationMinutes: String(draft.durationMinutes),
    topics: draft.topics ?? '',
    ratings: draft.ratings,
    sharedNotes: draft.sharedNotes ?? '',
    confidentialNotes: draft.confidentialNotes ?? '',
    actionItems: draft.actionItems.map(itemValues),
  };
}

/** A logged session; items already carried to a later session are not its to change. */
export function valuesFromSession(session: MentoringSession): SessionValues {
  return {
    date: session.date,
    durationMinutes: String(session.durationMinutes),
    topics: session.topics ?? '',
    ratings: session.ratings.map(({ competency, rating }) => ({ competency: competency.documentId, rating })),
    sharedNotes: session.sharedNotes ?? '',
    confidentialNotes: session.confidentialNotes ?? '',
    actionItems: session.actionItems.filter((item) => !item.carriedTo).map(itemValues),
  };
}

const blankAsNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * What is sent. A duration that is not a whole number goes as typed, for the contract to name;
 * a row left empty is sent too, and refused beside its text ("Action item 2 needs a text"), never dropped unseen.
 */
export function sessionBody(
  values: SessionValues,
  options: { confidential: boolean; relationship?: string; revision?: number }
): Record<string, unknown> {
  const minutes = values.durationMinutes.trim();
  return {
    ...(options.relationship === undefined ? {} : { relationship: options.relationship }),
    date: values.date,
    durationMinutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
    topics: blankAsNull(values.topics),
    ratings: values.ratings,
    sharedNotes: blankAsNull(values.sharedNotes),
    // Only someone who may read confidential notes (the mentor, here) sends them.
    ...(options.confidential ? { confidentialNotes: blankAsNull(values.confidentialNotes) } : {}),
    actionItems: values.actionItems.map(({ id, text, owner, dueDate, done }) => ({
      ...(id ? { id } : {}),
      text,
      owner,
      dueDate: dueDate === '' ? null : dueDate,
      done,
    })),
    ...(options.revision === undefined ? {} : { revision: options.revision }),
  };
}

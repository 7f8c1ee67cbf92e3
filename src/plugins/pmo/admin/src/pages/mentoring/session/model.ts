/**
 * The session form's draft: what the mentor types, kept as text until it is sent, and how the
 * server's field paths (`ratings.0.rating`, `actionItems.2.dueDate`) find their way back to the
 * row they are about.
 */
import type {
  ActionItemInput,
  ActionItemOwner,
  MentoringSession,
  NextSession,
  SessionInput,
} from '../../../api/mentoring';

export type ItemDraft = {
  /** React key; stable while rows are added and removed. */
  key: string;
  /** An existing item: kept (when editing) or carried forward (when logging the next session). */
  id?: string;
  text: string;
  owner: ActionItemOwner;
  dueDate: string;
  done: boolean;
  carriedFrom: string | null;
};

export type SessionDraft = {
  date: string;
  durationMinutes: string;
  topics: string;
  /** Competency documentId → rating 1..5, or null when not rated this time. */
  ratings: Record<string, number | null>;
  sharedNotes: string;
  confidentialNotes: string;
  actionItems: ItemDraft[];
};

let sequence = 0;
export const newItemKey = () => `item-${(sequence += 1)}`;

export const emptyItem = (): ItemDraft => ({
  key: newItemKey(),
  text: '',
  owner: 'mentee',
  dueDate: '',
  done: false,
  carriedFrom: null,
});

/** The draft of the next session, as the server prefilled it (open items carried forward). */
export function draftFromNext(next: NextSession): SessionDraft {
  const { draft } = next;
  return {
    date: draft.date,
    durationMinutes: String(draft.durationMinutes),
    topics: draft.topics ?? '',
    ratings: Object.fromEntries(next.focusCompetencies.map(({ competency }) => [competency.documentId, null])),
    sharedNotes: draft.sharedNotes ?? '',
    confidentialNotes: draft.confidentialNotes ?? '',
    actionItems: draft.actionItems.map((item) => ({
      key: newItemKey(),
      id: item.id,
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate ?? '',
      done: item.done,
      carriedFrom: item.carriedFrom ?? null,
    })),
  };
}

/** A logged session as a draft; items already carried to a later session are not its to change. */
export function draftFromSession(session: MentoringSession, focus: string[]): SessionDraft {
  const ratings: Record<string, number | null> = Object.fromEntries(focus.map((id) => [id, null]));
  for (const { competency, rating } of session.ratings) ratings[competency.documentId] = rating;
  return {
    date: session.date,
    durationMinutes: String(session.durationMinutes),
    topics: session.topics ?? '',
    ratings,
    sharedNotes: session.sharedNotes ?? '',
    confidentialNotes: session.confidentialNotes ?? '',
    actionItems: session.actionItems
      .filter((item) => !item.carriedTo)
      .map((item) => ({
        key: newItemKey(),
        id: item.id,
        text: item.text,
        owner: item.owner,
        dueDate: item.dueDate ?? '',
        done: item.done,
        carriedFrom: item.carriedFrom,
      })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * What is sent, and which row each sent rating and item came from, so that a 400 naming
 * `ratings.1.rating` lands under the competency that was second in the list sent.
 * A duration that is not a number goes as typed: the server names the field.
 */
export function toSessionInput(
  draft: SessionDraft,
  options: { confidential: boolean }
): { input: SessionInput; sentRatings: string[]; sentItems: string[] } {
  const rated = Object.entries(draft.ratings).filter((entry): entry is [string, number] => entry[1] !== null);
  // Rows nobody typed into are left out rather than refused.
  const items = draft.actionItems.filter((item) => item.id || item.text.trim() !== '' || item.dueDate !== '');
  const minutes = draft.durationMinutes.trim();
  const input: SessionInput = {
    date: draft.date,
    durationMinutes: (/^\d+$/.test(minutes) ? Number(minutes) : minutes) as number,
    topics: orNull(draft.topics),
    ratings: rated.map(([competency, rating]) => ({ competency, rating })),
    sharedNotes: orNull(draft.sharedNotes),
    actionItems: items.map(
      (item): ActionItemInput => ({
        ...(item.id ? { id: item.id } : {}),
        text: item.text,
        owner: item.owner,
        dueDate: item.dueDate === '' ? null : item.dueDate,
        done: item.done,
      })
    ),
  };
  // Only someone who may read confidential notes (the mentor, here) sends them.
  if (options.confidential) input.confidentialNotes = orNull(draft.confidentialNotes);
  return { input, sentRatings: rated.map(([competency]) => competency), sentItems: items.map((item) => item.key) };
}

/** Field messages by where the form shows them: `date`, `rating:<competency>`, `item:<key>:dueDate`. */
export type FormErrors = Record<string, string[]>;

export function placeErrors(byPath: Record<string, string[]>, sent: { sentRatings: string[]; sentItems: string[] }): FormErrors {
  const placed: FormErrors = {};
  const add = (where: string, messages: string[]) => {
    (placed[where] ??= []).push(...messages);
  };
  for (const [path, messages] of Object.entries(byPath)) {
    const [field, index, leaf] = path.split('.');
    if (field === 'ratings' && index !== undefined && sent.sentRatings[Number(index)]) {
      add(`rating:${sent.sentRatings[Number(index)]}`, messages);
    } else if (field === 'actionItems' && index !== undefined && sent.sentItems[Number(index)]) {
      // `id` problems (an item no longer open) are about the row as a whole.
      add(`item:${sent.sentItems[Number(index)]}:${leaf && leaf !== 'id' ? leaf : 'row'}`, messages);
    } else {
      add(field, messages);
    }
  }
  return placed;
}

/**
 * Action items live on the session that agreed them. Logging the next session can carry open
 * items forward: the item keeps its id, moves to the new session (`carriedFrom`) and the old copy
 * is marked `carriedTo`, so an item is open in exactly one place and counted once. Pure.
 */
import type { Problem } from '../../../shared/contracts/common';
import type { ActionItem, ActionItemInput, NextSession } from '../../../shared/contracts/mentoring';

export type { ActionItem, ActionItemInput };

/** An open item of a relationship, with the session that holds it. */
export type HeldItem = { sessionId: string; item: ActionItem };

export const isOpen = (item: ActionItem) => !item.done && !item.carriedTo;

/** Open, with a due date before `asOf` (a YYYY-MM-DD date): due today is not overdue yet. */
export const isOverdue = (item: ActionItem, asOf: string) => isOpen(item) && item.dueDate !== null && item.dueDate < asOf;

/** Stored JSON, read defensively: anything unrecognisable is dropped rather than shown. */
export function storedItems(value: unknown): ActionItem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((raw): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && typeof raw.id === 'string')
    .map((raw) => ({
      id: raw.id as string,
      text: typeof raw.text === 'string' ? raw.text : '',
      owner: raw.owner === 'mentor' ? 'mentor' : 'mentee',
      dueDate: typeof raw.dueDate === 'string' ? raw.dueDate : null,
      done: raw.done === true,
      doneAt: typeof raw.doneAt === 'string' ? raw.doneAt : null,
      carriedFrom: typeof raw.carriedFrom === 'string' ? raw.carriedFrom : null,
      carriedTo: typeof raw.carriedTo === 'string' ? raw.carriedTo : null,
    }));
}

function fromInput(input: ActionItemInput, base: Partial<ActionItem> & { id: string }, now: string): ActionItem {
  const wasDone = base.done === true;
  return {
    id: base.id,
    text: input.text,
    owner: input.owner,
    dueDate: input.dueDate,
    done: input.done,
    doneAt: input.done ? (wasDone ? base.doneAt ?? now : now) : null,
    carriedFrom: base.carriedFrom ?? null,
    carriedTo: null,
  };
}

function duplicateIds(inputs: ActionItemInput[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  inputs.forEach((input, index) => {
    if (input.id === undefined) return;
    if (seen.has(input.id)) problems.push({ path: ['actionItems', index, 'id'], message: `Action item ${index + 1} repeats an action item listed before it` });
    seen.add(input.id);
  });
  return problems;
}

/**
 * The items of a new session. An input with an `id` carries that open item of the relationship
 * forward; `carried` says which sessions must mark which items `carriedTo` the new session.
 */
export function itemsForNewSession(
  inputs: ActionItemInput[],
  openItems: HeldItem[],
  newId: () => string,
  now: string
): { items: ActionItem[]; carried: Array<{ sessionId: string; itemId: string }>; problems: Problem[] } {
  const problems = duplicateIds(inputs);
  const carried: Array<{ sessionId: string; itemId: string }> = [];
  const items = inputs.map((input, index) => {
    if (input.id === undefined) return fromInput(input, { id: newId() }, now);
    const held = openItems.find((open) => open.item.id === input.id);
    if (!held) {
      problems.push({
        path: ['actionItems', index, 'id'],
        message: `Action item ${index + 1} is not an open action item of this relationship (send a new item without an id)`,
      });
      return fromInput(input, { id: input.id }, now);
    }
    carried.push({ sessionId: held.sessionId, itemId: held.item.id });
    return fromInput(input, { ...held.item, carriedFrom: held.sessionId }, now);
  });
  return { items, carried, problems };
}

/**
 * The items of an edited session: the inputs replace the session's own items (an `id` keeps and
 * changes one); items already carried to a later session stay as they are, as history.
 */
export function itemsForUpdate(
  existing: ActionItem[],
  inputs: ActionItemInput[],
  newId: () => string,
  now: string
): { items: ActionItem[]; problems: Problem[] } {
  const problems = duplicateIds(inputs);
  const kept = existing.filter((item) => item.carriedTo);
  const items = inputs.map((input, index) => {
    if (input.id === undefined) return fromInput(input, { id: newId() }, now);
    const current = existing.find((item) => item.id === input.id);
    if (!current) {
      problems.push({ path: ['actionItems', index, 'id'], message: `Action item ${index + 1} is not an action item of this session` });
    } else if (current.carriedTo) {
      problems.push({
        path: ['actionItems', index, 'id'],
        message: `Action item ${index + 1} was carried to a later session; change it there`,
      });
    }
    return fromInput(input, current ?? { id: input.id }, now);
  });
  return { items: [...items, ...kept], problems };
}

/** Ticks (or unticks) one item of a session; it must be there and not carried to a later session. */
export function tickItem(items: ActionItem[], itemId: string, done: boolean, now: string): ActionItem[] | 'not-found' | 'carried' {
  const item = items.find((candidate) => candidate.id === itemId);
  if (!item) return 'not-found';
  if (item.carriedTo) return 'carried';
  return items.map((candidate) =>
    candidate.id === itemId
      ? { ...candidate, done, doneAt: done ? (candidate.done ? candidate.doneAt ?? now : now) : null }
      : candidate
  );
}

/** Marks the given items as carried to a later session. */
export function markCarried(items: ActionItem[], itemIds: string[], toSession: string): ActionItem[] {
  return items.map((item) => (itemIds.includes(item.id) ? { ...item, carriedTo: toSession } : item));
}

/** A deleted session gives back the items it had carried forward: open again where they were. */
export function releaseCarried(items: ActionItem[], deletedSession: string): ActionItem[] {
  return items.map((item) => (item.carriedTo === deletedSession ? { ...item, carriedTo: null } : item));
}

/** The next session's action items: every open item of the relationship, ready to carry. */
export function prefillItems(openItems: HeldItem[]): NextSession['draft']['actionItems'] {
  return openItems.map(({ sessionId, item }) => ({
    id: item.id,
    text: item.text,
    owner: item.owner,
    dueDate: item.dueDate,
    done: false,
    carriedFrom: sessionId,
  }));
}

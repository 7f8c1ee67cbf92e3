/**
 * "My work" as the page lists it: overdue first, then by due date (undated last), optionally only
 * one kind; and how many of each kind there are, for the filter. Pure: no React, no Strapi.
 */
import { WORK_KINDS, WORK_KIND_NAMES, type WorkItemAnswer, type WorkKind } from '../../../../shared/contracts/my-work';

/** Overdue first, then the earliest due date, undated last, then by title. */
export function sortWork(items: WorkItemAnswer[]): WorkItemAnswer[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') ||
      a.title.localeCompare(b.title)
  );
}

/** Each kind that has work, in the contract's order, with its name and counts. */
export function kindsOf(items: WorkItemAnswer[]): Array<{ kind: WorkKind; name: string; count: number; overdue: number }> {
  return WORK_KINDS.map((kind) => {
    const ofKind = items.filter((item) => item.kind === kind);
    return { kind, name: WORK_KIND_NAMES[kind], count: ofKind.length, overdue: ofKind.filter((item) => item.overdue).length };
  }).filter((entry) => entry.count > 0);
}

/** The kind a filter value names, or undefined (every kind). */
export const kindFilter = (value: string | null): WorkKind | undefined =>
  value && (WORK_KINDS as readonly string[]).includes(value) ? (value as WorkKind) : undefined;

/** The item's address inside the admin router (which is mounted at /admin). */
export const adminRoute = (url: string) => (url.startsWith('/admin/') ? url.slice('/admin'.length) : url);

/** The page a `page` value names: a whole number from 1, else the first. */
export const pageFilter = (value: string | null): number => {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
};

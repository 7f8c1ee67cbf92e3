/**
 * "My work" (`GET /pmo/my-work`): what waits for the signed-in admin user, gathered from the work
 * sources capabilities register in platform/notices.ts (votes, gate reviews, conditions,
 * documents, status reports, action items), overdue first, then by due date (undated last), a
 * page at a time (`page`, `pageSize`, 50 by default). A source with much work (votes) answers
 * only what the page needs and counts the rest (`WorkPart`).
 * The user's person is the one with their email (as everywhere in PMO Hub).
 */
import type { Core } from '@strapi/strapi';
import { today as localDay } from '../../../shared/calendar';
import { MY_WORK_PAGE_SIZE, WORK_KINDS, type MyWorkAnswer, type MyWorkQuery, type WorkItemAnswer, type WorkKind } from '../../../shared/contracts/my-work';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { byUrgency, workSourcesList } from '../platform/notices';
import type { AdminUser } from '../workflow';
import { pageOf } from '../../../shared/contracts/common';

/** Overdue first, then the earliest due date (undated last), then by title (shared with the sources that page themselves). */
export { byUrgency };

const isKind = (kind: string): kind is WorkKind => (WORK_KINDS as readonly string[]).includes(kind);

export async function myWork(strapi: Core.Strapi, user: AdminUser, paging: MyWorkQuery = {}, now = new Date()): Promise<MyWorkAnswer> {
  const email = user.email?.trim() ?? '';
  const person = email
    ? ((await strapi.db.query(PERSON_UID as never).findOne({ where: { email: { $eqi: email } }, select: ['id', 'documentId'] })) as {
        id: number;
        documentId: string;
      } | null)
    : null;
  const today = localDay(now);
  const { page, pageSize, offset, limit } = pageOf(paging, MY_WORK_PAGE_SIZE);
  const results: WorkItemAnswer[] = [];
  const seen = new Set<string>();
  // What sources counted without listing (a source may answer only the part the page needs).
  const beyond = { total: 0, overdue: 0 };
  for (const source of workSourcesList()) {
    let items;
    try {
      const who = { user: { id: user.id, email }, person: person ? { id: person.id, documentId: person.documentId } : null, today, first: offset + limit };
      const answer = await source.collect(strapi, who);
      if (Array.isArray(answer)) items = answer;
      else {
        items = answer.items;
        beyond.total += answer.beyond.total;
        beyond.overdue += answer.beyond.overdue;
      }
    } catch (error) {
      // One source failing leaves the others' work on the page.
      strapi.log.error(`PMO Hub my work: the source ${source.key} failed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const item of items) {
      if (!isKind(item.kind)) continue;
      const key = `${item.kind}|${item.uid}|${item.documentId}|${item.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      results.push({ ...item, kind: item.kind });
    }
  }
  // The sources each answer with a fixed number of queries for one person's work (all of it, or
  // at least its first offset + limit items); the page is cut from them here, since its order
  // (overdue first, then due date) spans every source.
  results.sort(byUrgency);
  return {
    results: results.slice(offset, offset + limit),
    pagination: { page, pageSize, total: results.length + beyond.total },
    overdue: results.filter((item) => item.overdue).length + beyond.overdue,
  };
}

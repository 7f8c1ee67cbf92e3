/**
 * Who may read what a highlight report shows. The report is refused (403) to a caller who may not
 * read projects (or programmes) in the Content Manager, and to one whose role's conditions keep
 * this one from them; an id that names nothing is a 404. Inside the report each section shows
 * only what the caller may read elsewhere: earned value with finance's read, gates with
 * governance's, authorised changes with change control's, each register with the Content
 * Manager's read of that register (under the role's conditions, as the Content Manager applies
 * them).
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_CONTROL_READ } from '../../../../shared/contracts/change-control';
import { FINANCE_READ } from '../../../../shared/contracts/finance';
import { GOVERNANCE_READ } from '../../../../shared/contracts/governance';
import { CONTENT_MANAGER, DECISION_UID, ISSUE_UID, PROGRAMME_UID, PROJECT_UID, RISK_UID, STATUS_REPORT_UID } from '../../../../shared/contracts/uids';
import { errors, forbidden } from '../../platform/errors';
import type { AdminUser } from '../../workflow';

export type Ability = { can(action: string, subject?: string | null, field?: string): boolean };
export type Caller = { user: AdminUser; ability: Ability };

export type Row = Record<string, any>;

/** What each section of the report may show this caller (words.ts HIDDEN_REASONS says why not). */
export type Sections = { status: boolean; evm: boolean; gates: boolean; changes: boolean; risks: boolean; issues: boolean; decisions: boolean };


const NOUNS = {
  [PROJECT_UID]: { one: 'project', many: 'projects' },
  [PROGRAMME_UID]: { one: 'programme', many: 'programmes' },
} as const;

export function createAccess(strapi: Core.Strapi, caller: Caller) {
  const { ability } = caller;
  const reads = (uid: string) => ability.can(CONTENT_MANAGER.read, uid);

  /** The caller's read conditions on a type as a `where` (`{}` when they read every item). */
  function readableWhere(uid: string): Row {
    const permissions = strapi.service('admin::permission') as any;
    const manager = permissions.createPermissionsManager({ ability, action: CONTENT_MANAGER.read, model: uid });
    return (manager.getQuery() as Row | null) ?? {};
  }

  /** `where` narrowed to what the caller may read of the type. */
  const readable = (uid: string, where: Row): Row => {
    const conditions = readableWhere(uid);
    return Object.keys(conditions).length ? { $and: [where, conditions] } : where;
  };

  /**
   * The project or programme the report is about, with `populate`: 403 when the caller may not
   * read such items (or this one), 404 when there is none.
   */
  async function subject(uid: typeof PROJECT_UID | typeof PROGRAMME_UID, documentId: string, populate: Row): Promise<Row> {
    const noun = NOUNS[uid];
    if (!reads(uid)) throw forbidden(`You may not read ${noun.many}, so you cannot download their highlight reports`);
    const query = strapi.db.query(uid as never);
    const found = (await query.findOne({ where: { documentId }, select: ['id', 'documentId', 'code', 'name'] } as never)) as Row | null;
    if (!found) throw new errors.NotFoundError(`There is no such ${noun.one} (it may have been deleted)`);
    const row = (await query.findOne({ where: readable(uid, { id: found.id }), populate } as never)) as Row | null;
    if (!row) throw forbidden(`You may not read the ${noun.one} ${found.code}, so you cannot download its highlight report`);
    return row;
  }

  const sections: Sections = {
    status: reads(STATUS_REPORT_UID),
    evm: ability.can(FINANCE_READ),
    gates: ability.can(GOVERNANCE_READ),
    changes: ability.can(CHANGE_CONTROL_READ),
    risks: reads(RISK_UID),
    issues: reads(ISSUE_UID),
    decisions: reads(DECISION_UID),
  };

  return { subject, readable, sections };
}

export type Access = ReturnType<typeof createAccess>;

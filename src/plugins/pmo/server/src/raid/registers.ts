/**
 * The RAID registers on every Document Service write (Content Manager, Content API, plugin code):
 *
 * - risks, issues and decisions belong to a project or to a programme, exactly one; a lesson to
 *   a project; a dependency links two different projects (400 naming the field otherwise);
 * - a risk's response fits its type: avoid, reduce and transfer answer threats, exploit and
 *   enhance opportunities, share and accept both;
 * - a risk's `score` is derived on every write: probability × impact (protected: a client's
 *   value is refused before this runs, security/protected-fields.ts). The start-up backfill
 *   (`backfillScores`) fixes rows written past the Document Service.
 *
 * Stored values are read one query after another (platform/read-in-turn.ts): a write may come
 * inside a caller's transaction.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DECISION_UID, DEPENDENCY_UID, ISSUE_UID, LESSON_UID, RISK_RESPONSES, RISK_UID, responseMismatch, riskScore, type RiskResponse, type RiskType } from '../../../shared/contracts/raid';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { columnsOf } from '../platform/db';
import { invalidField } from '../platform/errors';
import { findOneInTurn } from '../platform/read-in-turn';
import { relationTarget, type RelationRef } from '../platform/relation-input';

type Row = Record<string, any>;

/** How each register is held: by a project or a programme, by a project, or between two projects. */
const HOLDERS: Record<string, { noun: string; kind: 'project-or-programme' | 'project' | 'two-projects' }> = {
  [RISK_UID]: { noun: 'risk', kind: 'project-or-programme' },
  [ISSUE_UID]: { noun: 'issue', kind: 'project-or-programme' },
  [DECISION_UID]: { noun: 'decision', kind: 'project-or-programme' },
  [LESSON_UID]: { noun: 'lesson', kind: 'project' },
  [DEPENDENCY_UID]: { noun: 'dependency', kind: 'two-projects' },
};

const RELATIONS: Record<string, string[]> = {
  'project-or-programme': ['project', 'programme'],
  project: ['project'],
  'two-projects': ['fromProject', 'toProject'],
};

const WRITES = new Set(['create', 'update', 'clone']);

/** The relation after the write: what the input sets, else what is stored (null: none). */
function after(data: Row, stored: Row | null, field: string): RelationRef | null {
  const given = relationTarget(data[field]);
  if (given !== undefined) return given;
  const current = stored?.[field];
  return current ? { id: current.id, documentId: current.documentId } : null;
}

export function registerRaidMiddleware(strapi: Core.Strapi) {
  /** A project's database id from a reference (null when there is no such project). */
  async function projectId(ref: RelationRef): Promise<number | null> {
    if (ref.id !== undefined) return ref.id;
    const row = (await strapi.db.query(PROJECT_UID as never).findOne({ where: { documentId: ref.documentId }, select: ['id'] })) as Row | null;
    return row?.id ?? null;
  }

  function checkHolders(uid: string, data: Row, stored: Row | null) {
    const { noun, kind } = HOLDERS[uid];
    if (kind === 'project-or-programme') {
      const project = after(data, stored, 'project');
      const programme = after(data, stored, 'programme');
      if (project && programme) {
        throw invalidField(['programme'], `A ${noun} belongs to a project or to a programme, not both: clear the programme or the project`);
      }
      if (!project && !programme) throw invalidField(['project'], `Choose the project or the programme the ${noun} belongs to`);
      return null;
    }
    if (kind === 'project') {
      if (!after(data, stored, 'project')) throw invalidField(['project'], `Choose the project the ${noun} was learned on`);
      return null;
    }
    const from = after(data, stored, 'fromProject');
    const to = after(data, stored, 'toProject');
    if (!from) throw invalidField(['fromProject'], 'Choose the project that depends on another (the one in need)');
    if (!to) throw invalidField(['toProject'], 'Choose the project it depends on (the one that delivers)');
    return { from, to };
  }

  async function checkDistinct(refs: { from: RelationRef; to: RelationRef }) {
    const same =
      refs.from.documentId !== undefined && refs.to.documentId !== undefined
        ? refs.from.documentId === refs.to.documentId
        : (await projectId(refs.from)) === (await projectId(refs.to));
    if (same) throw invalidField(['toProject'], 'A project cannot depend on itself: choose the other project it needs something from');
  }

  const isResponse = (value: unknown): value is RiskResponse => typeof value === 'string' && (RISK_RESPONSES as readonly string[]).includes(value);

  function deriveRisk(data: Row, stored: Row | null) {
    const value = (field: string) => (field in data ? data[field] : stored?.[field]);
    const type = (value('type') ?? 'threat') as RiskType;
    const response = value('response');
    // Only a known response is judged against the type; anything else is Strapi's enumeration's 400.
    if (isResponse(response) && (type === 'threat' || type === 'opportunity')) {
      const mismatch = responseMismatch(type, response);
      if (mismatch) throw invalidField(['response'], mismatch);
    }
    data.score = riskScore(value('probability'), value('impact'));
  }

  strapi.documents.use(async (context, next) => {
    const uid = context.uid as string;
    if (!HOLDERS[uid] || !WRITES.has(context.action)) return next();
    const params = context.params as { data?: Row; documentId?: string };
    const data = (params.data ??= {});
    const relations = Object.fromEntries(RELATIONS[HOLDERS[uid].kind].map((field) => [field, true as const]));
    const stored =
      context.action !== 'create' && params.documentId
        ? await findOneInTurn<Row>(strapi, uid, { documentId: params.documentId }, relations)
        : null;
    const pair = checkHolders(uid, data, stored);
    if (pair) await checkDistinct(pair);
    if (uid === RISK_UID) deriveRisk(data, stored);
    return next();
  });
}

/** Start-up: every risk's score equal to probability × impact (rows written past the Document Service). */
export async function backfillScores(strapi: Core.Strapi) {
  const { table, column } = columnsOf(strapi, RISK_UID);
  const knex = strapi.db.connection as unknown as Knex;
  const [p, i, score] = [column('probability'), column('impact'), column('score')];
  await knex(table)
    .whereNotNull(p)
    .whereNotNull(i)
    .where((where) => where.whereNull(score).orWhereRaw('?? <> ?? * ??', [score, p, i]))
    .update({ [score]: knex.raw('?? * ??', [p, i]) });
}

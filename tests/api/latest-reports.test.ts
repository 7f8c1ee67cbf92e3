/**
 * Property: whatever sequence of status-report writes happens — created, dated, RAG changed,
 * moved to another project, unlinked, deleted, through the Document Service or raw SQL, and
 * projects deleted — the latest report the database keeps per project
 * (platform/latest-reports.ts) is the one a pass over every report finds (latest `asOf`, on the
 * same day the last entered), and the governance board filtered by RAG lists exactly the
 * projects whose latest report has that RAG.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import { latestStatusReports } from '../../src/plugins/pmo/server/src/platform/db';
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';

const REPORT = 'api::status-report.status-report';
const LATEST = 'pmo_latest_reports';
const DATES = 'pmo_report_dates';
const RAGS = ['red', 'amber', 'green'] as const;

type Doc = Awaited<ReturnType<typeof make.project>>;
type Report = { documentId: string; id: number };

let manager: Agent;
let programme: Doc;
const projects: Doc[] = [];
const deleted = new Set<string>();
const reports: Report[] = [];

const knex = () => getStrapi().db.connection as unknown as Knex;
const meta = () => {
  const model = getStrapi().db.metadata.get(REPORT as never) as any;
  const join = model.attributes.project.joinTable;
  return { table: model.tableName as string, link: join.name as string, owner: join.joinColumn.name as string, target: join.inverseJoinColumn.name as string };
};
const projectId = async (doc: Doc) =>
  ((await getStrapi().db.query('api::project.project' as never).findOne({ where: { documentId: doc.documentId }, select: ['id'] })) as { id: number } | null)?.id;

/** Few days, so two reports of a project often share one (the last entered wins). */
const day = fc.constantFrom('2026-10-01', '2026-10-15', '2026-11-01', '2026-11-20');
const rag = fc.constantFrom(...RAGS, null);
const pick = fc.nat();

type Write =
  | { kind: 'create'; project: number; day: string; rag: (typeof RAGS)[number] | null }
  | { kind: 'date'; report: number; day: string }
  | { kind: 'rag'; report: number; rag: (typeof RAGS)[number] | null }
  | { kind: 'move'; report: number; project: number }
  | { kind: 'unlink'; report: number }
  | { kind: 'delete'; report: number }
  | { kind: 'raw-date'; report: number; day: string }
  | { kind: 'raw-move'; report: number; project: number }
  | { kind: 'raw-delete'; report: number }
  | { kind: 'delete-project'; project: number };

const write: fc.Arbitrary<Write> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('create' as const), project: pick, day, rag }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('date' as const), report: pick, day }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rag' as const), report: pick, rag }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), report: pick, project: pick }) },
  fc.record({ kind: fc.constant('unlink' as const), report: pick }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), report: pick }) },
  fc.record({ kind: fc.constant('raw-date' as const), report: pick, day }),
  fc.record({ kind: fc.constant('raw-move' as const), report: pick, project: pick }),
  fc.record({ kind: fc.constant('raw-delete' as const), report: pick }),
  fc.record({ kind: fc.constant('delete-project' as const), project: pick })
);

const live = () => projects.filter((p) => !deleted.has(p.documentId));

async function apply(w: Write): Promise<void> {
  const documents = getStrapi().documents(REPORT as any);
  const target = 'project' in w ? live()[w.project % live().length] : undefined;
  const report = 'report' in w && reports.length > 0 ? reports[w.report % reports.length] : undefined;
  const { table, link, owner, target: projectColumn } = meta();
  switch (w.kind) {
    case 'create': {
      const doc = (await documents.create({ data: { project: target!.documentId, asOf: w.day, percentComplete: 10, ...(w.rag ? { ragOverall: w.rag } : {}) } as any })) as unknown as Report;
      reports.push(doc);
      return;
    }
    case 'delete-project':
      if (live().length > 2) {
        await getStrapi().documents('api::project.project').delete({ documentId: target!.documentId });
        deleted.add(target!.documentId);
      }
      return;
  }
  if (!report) return;
  switch (w.kind) {
    case 'date':
      await documents.update({ documentId: report.documentId, data: { asOf: w.day } as any });
      return;
    case 'rag':
      // A RAG taken away: straight in the table (the editor's form has no "none").
      if (w.rag) await documents.update({ documentId: report.documentId, data: { ragOverall: w.rag } as any });
      else await knex()(table).where({ id: report.id }).update({ rag_overall: null });
      return;
    case 'move':
      await documents.update({ documentId: report.documentId, data: { project: target!.documentId } as any });
      return;
    case 'unlink':
      await documents.update({ documentId: report.documentId, data: { project: null } as any });
      return;
    case 'delete':
      await documents.delete({ documentId: report.documentId });
      reports.splice(reports.indexOf(report), 1);
      return;
    case 'raw-date':
      await knex()(table).where({ id: report.id }).update({ as_of: w.day });
      return;
    case 'raw-move': {
      const moved = await knex()(link).where({ [owner]: report.id }).update({ [projectColumn]: await projectId(target!) });
      if (moved === 0) await knex()(link).insert({ [owner]: report.id, [projectColumn]: await projectId(target!) });
      return;
    }
    case 'raw-delete':
      // As an import or a clean-up script would: the row only (PostgreSQL's foreign key takes its link).
      await knex()(table).where({ id: report.id }).delete();
      reports.splice(reports.indexOf(report), 1);
  }
}

/** Per project: the latest report (on or before a day) by a pass over every report, and the one `latestStatusReports` answers. */
async function passAndKept(ids: number[], onOrBefore?: string) {
  const k = knex();
  const { table, link, owner, target } = meta();
  const rows = await k
    .from(`${table} as s`)
    .join(`${link} as l`, `l.${owner}`, 's.id')
    .whereIn(`l.${target}`, ids)
    .select({ project: `l.${target}`, id: 's.id', asOf: 's.as_of' });
  const best = new Map<number, { id: number; asOf: string }>();
  const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
  for (const row of rows as Array<{ project: number; id: number; asOf: unknown }>) {
    const current = best.get(Number(row.project));
    const candidate = { id: Number(row.id), asOf: text(row.asOf) };
    if (onOrBefore !== undefined && candidate.asOf > onOrBefore) continue;
    if (!current || candidate.asOf > current.asOf || (candidate.asOf === current.asOf && candidate.id > current.id)) best.set(Number(row.project), candidate);
  }
  // What every reader asks (platform/db.ts): from the kept table, or ranked where a day is asked.
  const kept = await latestStatusReports(getStrapi(), k, {
    columns: { report_id: 'id' },
    ...(onOrBefore ? { onOrBefore } : {}),
    narrow: (query, projectColumn) => void query.whereIn(projectColumn, ids),
  });
  // Asked for a column only the reports hold, they are read too: the same reports either way.
  const read = await latestStatusReports(getStrapi(), k, {
    columns: { report_id: 'id', percent: 'percentComplete' },
    ...(onOrBefore ? { onOrBefore } : {}),
    narrow: (query, projectColumn) => void query.whereIn(projectColumn, ids),
  });
  const named = (rows: any[]) => rows.map((row: any) => `${Number(row.project_id)} → ${Number(row.report_id)}`).sort();
  expect(named(read)).toEqual(named(kept));
  return { pass: [...best].map(([project, { id }]) => `${project} → ${id}`).sort(), kept: named(kept) };
}

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  programme = await make.programme(await make.portfolio(), 'Latest reports programme');
  for (const name of ['Lyra', 'Vela', 'Carina']) projects.push(await make.project(programme, name));
});

describe('each project’s latest status report', () => {
  it('is the one a pass over every report finds, after any sequence of writes, and the board filters by it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 15 }), async (writes) => {
        if (live().length < 3) projects.push(await make.project(programme, 'Replacement'));
        for (const w of writes) await apply(w);
        const ids = (await Promise.all(projects.map(projectId))).filter((id): id is number => id !== undefined);
        const { pass, kept } = await passAndKept(ids);
        expect(kept).toEqual(pass);
        // The table itself: each project's latest report and that report's overall RAG.
        const stored = await knex()(LATEST).whereIn('project_id', ids).select('project_id', 'report_id', 'rag_overall');
        expect(stored.map((row: any) => `${Number(row.project_id)} → ${Number(row.report_id)}`).sort()).toEqual(pass);
        const rags = new Map((await knex()(meta().table).select('id', 'rag_overall')).map((row: any) => [Number(row.id), row.rag_overall ?? null]));
        for (const row of stored) expect([row.report_id, row.rag_overall ?? null]).toEqual([row.report_id, rags.get(Number(row.report_id))]);
        // Every report's project and date, which a past day's latest is probed from.
        const { table: reportTable, link, owner, target } = meta();
        const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? null : String(value).slice(0, 10));
        const line = (row: any) => `${Number(row.project_id)} ${Number(row.report_id)} ${day(row.as_of)} ${row.rag_overall ?? null}`;
        const linked = await knex()
          .from(`${reportTable} as s`)
          .join(`${link} as l`, `l.${owner}`, 's.id')
          .whereIn(`l.${target}`, ids)
          .select({ project_id: `l.${target}`, report_id: 's.id', as_of: 's.as_of', rag_overall: 's.rag_overall' });
        const dated = await knex()(DATES).whereIn('project_id', ids).select('project_id', 'report_id', 'as_of', 'rag_overall');
        expect(dated.map(line).sort()).toEqual(linked.map(line).sort());
        // On a day in the past, a project whose latest report is later is probed from its report dates.
        for (const onOrBefore of ['2026-09-30', '2026-10-15', '2026-11-19']) {
          const asked = await passAndKept(ids, onOrBefore);
          expect([onOrBefore, asked.kept]).toEqual([onOrBefore, asked.pass]);
        }

        // What a PMO manager sees: each card's RAG is its latest report's, and the board's RAG
        // filter names the projects whose latest report has that RAG (by the pass above).
        const { table } = meta();
        const ragOf = new Map<number, string | null>();
        for (const row of await knex()(table).select('id', 'rag_overall')) ragOf.set(Number(row.id), row.rag_overall ?? null);
        const latestRag = new Map<string, string | null>();
        for (const project of live()) {
          const id = await projectId(project);
          const latest = pass.find((line) => line.startsWith(`${id} → `));
          latestRag.set(project.code, latest ? (ragOf.get(Number(latest.split(' → ')[1])) ?? null) : null);
        }
        const board = await manager.get(`/pmo/governance/board?programme=${programme.documentId}&pageSize=100`);
        expect(board.status).toBe(200);
        expect(Object.fromEntries(board.body.projects.map((card: any) => [card.code, card.rag?.overall ?? null]))).toEqual(Object.fromEntries(latestRag));
        for (const filter of [...RAGS, 'none'] as const) {
          const res = await manager.get(`/pmo/governance/board?programme=${programme.documentId}&rag=${filter}&pageSize=100`);
          expect(res.status).toBe(200);
          const expected = [...latestRag].filter(([, value]) => (filter === 'none' ? value === null : value === filter)).map(([code]) => code);
          expect(res.body.projects.map((p: { code: string }) => p.code).sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 10 }
    );
  });

  it('is found again at start when its triggers are missing', async () => {
    const project = await make.project(programme, 'Pyxis');
    await make.statusReport(project, '2026-11-02', 40);
    const newest = (await make.statusReport(project, '2026-11-09', 50)) as unknown as Report;
    const id = (await projectId(project))!;
    await knex()(LATEST).where({ project_id: id }).delete();
    const postgres = getStrapi().db.dialect.client === 'postgres';
    const triggers: any = postgres
      ? await knex().raw(`SELECT tgname AS name, tgrelid::regclass::text AS tbl FROM pg_trigger WHERE tgname LIKE 'pmo_latest_reports_%'`)
      : await knex().raw(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'pmo_latest_reports_%'`);
    const rows: Array<{ name: string; tbl?: string }> = Array.isArray(triggers) ? triggers : triggers.rows;
    const one = rows.find((row) => row.name.endsWith('_link_ins'))!;
    await knex().raw(postgres ? `DROP TRIGGER ${one.name} ON ${one.tbl}` : `DROP TRIGGER ${one.name}`);

    const { ensureLatestReports } = await import('../../src/plugins/pmo/server/src/platform/latest-reports');
    await ensureLatestReports(getStrapi());
    expect(await knex()(LATEST).where({ project_id: id }).first()).toMatchObject({ report_id: newest.id });
    // The trigger is back: a later report becomes the latest at once.
    const later = (await make.statusReport(project, '2026-11-16', 60)) as unknown as Report;
    expect(await knex()(LATEST).where({ project_id: id }).first()).toMatchObject({ report_id: later.id, rag_overall: 'green' });
  });
});

/**
 * The compliance matrix (projects × published standards: the latest assessment of each pair and
 * the project's documents overdue for review), a page of projects at a time (`?page=&pageSize=`),
 * and its CSV export `compliance.csv`. The export reads projects a page at a time too, so it
 * streams: one page's rows are written before the next page is read, and memory stays flat.
 */
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { BOM, createRowWriter, headerLine, type Column, type Delimiter } from '../platform/csv';
import { COMPLIANCE_CSV_COLUMNS, type Matrix, type MatrixQuery, type StandardSummary } from '../../../shared/contracts/compliance';
import { DOCUMENT_UID, PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { invalidFields } from '../platform/errors';
import { pageOf } from '../../../shared/contracts/common';
import { getComplianceService, today, type Caller, type Row } from './service';

const PAGE_SIZE = 500;

const NUMBERS = new Set(['score', 'overdue_documents']);
export const COMPLIANCE_COLUMNS: Column[] = COMPLIANCE_CSV_COLUMNS.map((name) => ({ name, kind: NUMBERS.has(name) ? 'number' : 'text' }));

type Page = { rows: Matrix['rows']; versions: Map<string, string | null> };

export function createComplianceMatrix(strapi: Core.Strapi) {
  const query = (uid: string) => strapi.db.query(uid as never);
  const service = () => getComplianceService(strapi);

  /** A portfolio or programme by its code or documentId. */
  async function findCoded(uid: string, key: string) {
    return (await query(uid).findOne({ where: { $or: [{ code: key }, { documentId: key }] }, select: ['id', 'code'] })) as Row | null;
  }

  /** The projects' where clause for the filters and the caller's scope; unknown filters are one 400 naming each. */
  async function projectWhere(caller: Caller, filters: MatrixQuery): Promise<Row> {
    const scope = await service().scopeOf(caller);
    const problems: Array<{ path: string[]; message: string }> = [];
    const where: Row = { ...service().projectsIn(scope) };
    if (filters.programme !== undefined) {
      const programme = await findCoded(PROGRAMME_UID, filters.programme);
      if (!programme) problems.push({ path: ['programme'], message: `Choose a programme: there is none with the code "${filters.programme}"` });
      else where.programme = { id: programme.id };
    }
    if (filters.portfolio !== undefined) {
      const portfolio = await findCoded(PORTFOLIO_UID, filters.portfolio);
      if (!portfolio) problems.push({ path: ['portfolio'], message: `Choose a portfolio: there is none with the code "${filters.portfolio}"` });
      else where.$and = [{ programme: { portfolio: { id: portfolio.id } } }];
    }
    if (problems.length) throw invalidFields(problems);
    return where;
  }

  /** How many documents of each project (by row id) were due for review before `asOf` (superseded ones left out). */
  async function overdueCounts(projectIds: number[], asOf: string): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    if (!projectIds.length) return counts;
    const rows = (await query(DOCUMENT_UID).findMany({
      where: {
        project: { id: { $in: projectIds } },
        nextReviewDue: { $lt: asOf },
        $or: [{ status: { $ne: 'superseded' } }, { status: { $null: true } }],
      },
      select: ['id'],
      populate: { project: { select: ['id'] } },
    } as never)) as Row[];
    for (const row of rows) counts.set(row.project.id, (counts.get(row.project.id) ?? 0) + 1);
    return counts;
  }

  /** One page of the matrix's rows, projects by code. */
  async function page(where: Row, standards: StandardSummary[], asOf: string, offset: number, limit = PAGE_SIZE): Promise<Page> {
    const projects = (await query(PROJECT_UID).findMany({
      where,
      select: ['id', 'documentId', 'code', 'name'],
      orderBy: [{ code: 'asc' }, { id: 'asc' }],
      offset,
      limit,
    } as never)) as Row[];
    const ids = projects.map((project) => project.id);
    const latest = await service().latestAssessments(ids);
    const overdue = await overdueCounts(ids, asOf);
    const versions = new Map<string, string | null>();
    const rows = projects.map((project) => ({
      project: { documentId: project.documentId, code: project.code, name: project.name },
      overdueDocuments: overdue.get(project.id) ?? 0,
      cells: standards.map((standard) => {
        const assessment = latest.get(`${project.id}:${standard.documentId}`);
        if (assessment) versions.set(`${project.documentId}:${standard.code}`, assessment.standardVersion ?? null);
        return {
          standard: standard.code,
          score: assessment ? Number(assessment.score) : null,
          passed: assessment ? !!assessment.passed : null,
          assessedOn: assessment?.assessedOn ?? null,
          standardVersion: assessment?.standardVersion ?? null,
          assessment: assessment?.documentId ?? null,
        };
      }),
    }));
    return { rows, versions };
  }

  async function matrix(caller: Caller, filters: MatrixQuery): Promise<Matrix> {
    const where = await projectWhere(caller, filters);
    const standards = await service().publishedStandards();
    const asOf = today();
    const { page: pageNumber, pageSize, offset, limit } = pageOf(filters);
    const [{ rows }, total] = await Promise.all([page(where, standards, asOf, offset, limit), query(PROJECT_UID).count({ where } as never)]);
    return {
      asOf,
      standards: standards.map(({ documentId, code, title, version, mandatory }) => ({ documentId, code, title, version, mandatory })),
      rows,
      pagination: { page: pageNumber, pageSize, total },
    };
  }

  /**
   * compliance.csv: one row per project and published standard, projects by code then standards by
   * code; assessed_on, score, passed and standard_version (the version assessed) are empty for a
   * pair never assessed. Filters are checked (400) before the stream starts.
   */
  async function exportCsv(caller: Caller, filters: MatrixQuery & { delimiter?: Delimiter; bom?: boolean }) {
    const where = await projectWhere(caller, filters);
    const standards = await service().publishedStandards();
    const asOf = today();
    const delimiter = filters.delimiter ?? ',';
    const write = createRowWriter(COMPLIANCE_COLUMNS, delimiter);
    async function* csv() {
      yield (filters.bom ? BOM : '') + headerLine(COMPLIANCE_COLUMNS, delimiter);
      for (let offset = 0; ; offset += PAGE_SIZE) {
        const next = await page(where, standards, asOf, offset);
        let chunk = '';
        for (const row of next.rows) {
          row.cells.forEach((cell) => {
            chunk += write([
              row.project.code,
              cell.standard,
              cell.standardVersion,
              cell.assessedOn,
              cell.score,
              cell.passed === null ? null : String(cell.passed),
              row.overdueDocuments,
            ]);
          });
        }
        if (chunk) yield chunk;
        if (next.rows.length < PAGE_SIZE) break;
      }
    }
    return { filename: `compliance_${asOf}.csv`, stream: Readable.from(csv(), { objectMode: false }) };
  }

  return { matrix, exportCsv };
}

export type ComplianceMatrix = ReturnType<typeof createComplianceMatrix>;

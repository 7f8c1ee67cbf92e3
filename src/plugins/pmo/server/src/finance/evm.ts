/**
 * Earned value of a project, programme or portfolio as of a date: the database sums each
 * project's budget, costs and progress in one query (repository.projectFacts); the pure module
 * derives the figures. Roll-ups add the projects' BAC, PV, EV and AC, then derive: a programme
 * or portfolio has the database add them over all its projects (rollup-sql.ts) and derives only
 * a page of its projects' own figures; `forProjects` adds every project's, `indicesForProjects`
 * (the dashboard) every project's indices and variances. The
 * S-curve series sums by month in the database (repository.sCurveFacts) and derives in s-curve.ts.
 * Earned schedule (earned-schedule.ts) reads the monthly budget (repository.plannedByMonth) at the
 * summed EV, for projects and programmes. Answers are the contract's (shared/contracts/finance.ts).
 */
import {
  ROLL_UP_PAGE_SIZE,
  type AsOf,
  type PortfolioEvm,
  type ProgrammeEvm,
  type ProgrammeSeries,
  type ProjectEvm,
  type ProjectEvmRow,
  type ProjectIndices,
  type ProjectSeries,
} from '../../../shared/contracts/finance';
import type { Knex } from 'knex';
import { codedRef as about, type FinanceRepository, type ProjectFactsRow, type ProjectFilter } from './repository';
import { deriveFigures, formatFigures, formatMoney, indexValue, performanceFigures, projectBaseline, rollUpBaseline, sumBaselines, type Baseline } from './earned-value';
import type { RollUpPaging, RollUpTotals } from './rollup-sql';
import { earnedSchedule } from './earned-schedule';
import { factsFromRow } from './reports';
import { sCurve } from './s-curve';

const FIRST_PAGE: RollUpPaging = { page: 1, pageSize: ROLL_UP_PAGE_SIZE, sort: 'code' };

export function createEarnedValueService(repository: FinanceRepository) {
  const { currency, subject } = repository;

  const projectRow = (row: ProjectFactsRow, baseline: Baseline): ProjectEvmRow => ({
    documentId: row.document_id,
    code: row.code,
    name: row.name,
    programmeCode: row.programme_code ?? null,
    ...formatFigures(deriveFigures(baseline)),
  });
  const totalOf = (sums: Baseline, asOf: AsOf) => ({ asOf: asOf.text, currency: currency(), ...formatFigures(deriveFigures(sums)) });
  /** The figures of sums as the database answers them (a roll-up's, or one programme's of a portfolio). */
  const figuresOf = (totals: RollUpTotals, asOf: AsOf) => formatFigures(deriveFigures(rollUpBaseline(totals.groups, totals.actualCost, asOf.date)));

  /** The figures of the filter's projects summed, and each project's own, as of asOf: every project. */
  async function rollUp(filter: ProjectFilter, asOf: AsOf) {
    const rows = (await repository.projectFacts(filter, asOf.date)) as ProjectFactsRow[];
    const baselines = rows.map((row) => projectBaseline(factsFromRow(row), asOf.date));
    const sums = sumBaselines(baselines);
    return { total: totalOf(sums, asOf), projects: rows.map((row, i) => projectRow(row, baselines[i])), sums };
  }

  /**
   * The same totals, summed by the database over all the filter's projects (rollup-sql.ts), and
   * one page of its projects with their own figures: what a programme or portfolio answers.
   */
  async function pagedRollUp(filter: ProjectFilter, asOf: AsOf, paging: RollUpPaging, totalsOf = () => repository.rollUpTotals(filter, asOf.date)) {
    const page = async () => {
      const ids = await repository.projectPage(filter, paging);
      if (ids.length === 0) return [];
      const rows = (await repository.projectFacts({ projectIds: ids }, asOf.date)) as ProjectFactsRow[];
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    };
    const [totals, count, rows] = await Promise.all([totalsOf(), repository.countProjects(filter), page()]);
    const sums = rollUpBaseline(totals.groups, totals.actualCost, asOf.date);
    const projects = rows.map((row) => projectRow(row, projectBaseline(factsFromRow(row), asOf.date)));
    return { total: totalOf(sums, asOf), projects, pagination: { page: paging.page, pageSize: paging.pageSize, total: count }, sums };
  }

  /** Earned schedule of the filter's projects: their summed PV curve read at their summed EV. */
  async function schedule(filter: ProjectFilter, sums: Baseline, asOf: AsOf) {
    return earnedSchedule(await repository.plannedByMonth(filter), sums.pv, sums.ev, asOf.date);
  }

  /** PV, EV and AC by month (s-curve.ts) and the figures as of asOf, whose EAC the chart projects. */
  async function series(filter: ProjectFilter, asOf: AsOf) {
    const { points, figures } = sCurve(await repository.sCurveFacts(filter, asOf.date), asOf.date);
    return { asOf: asOf.text, currency: currency(), ...figures, points };
  }

  return {
    /**
     * The figures of the projects a subquery of project ids names, summed, and each project's
     * own: one set-based query whatever their number.
     */
    async forProjects(projectIn: () => Knex.QueryBuilder, asOf: AsOf) {
      return rollUp({ projectIn }, asOf);
    },
    /**
     * The same totals, and each project's indices and variances only (what the dashboard ranks and
     * buckets them by: deriving and formatting all fourteen figures of 10,000 projects is a third
     * of a second): one set-based query whatever their number (the dashboard's scope; null: every
     * project, with no subquery to narrow by).
     */
    async indicesForProjects(projectIn: (() => Knex.QueryBuilder) | null, asOf: AsOf): Promise<{ total: ReturnType<typeof totalOf>; projects: ProjectIndices[] }> {
      // In no order: the dashboard ranks and buckets them itself.
      const rows = (await repository.projectFacts(projectIn ? { projectIn } : {}, asOf.date).clearOrder()) as ProjectFactsRow[];
      const baselines = rows.map((row) => projectBaseline(factsFromRow(row), asOf.date));
      const projects = rows.map((row, i): ProjectIndices => {
        const { cv, sv, cpi, spi } = performanceFigures(baselines[i]);
        return { documentId: row.document_id, code: row.code, name: row.name, cpi: indexValue(cpi), spi: indexValue(spi), cv: formatMoney(cv), sv: formatMoney(sv) };
      });
      return { total: totalOf(sumBaselines(baselines), asOf), projects };
    },
    async project(documentId: string, asOf: AsOf): Promise<ProjectEvm> {
      const project = await subject('project', documentId);
      const { total, sums } = await rollUp({ projectId: project.id }, asOf);
      return { ...total, project: about(project), ...(await schedule({ projectId: project.id }, sums, asOf)) };
    },
    /** A programme's totals over all its projects, and one page of them (ROLL_UP_PAGE_SIZE by code unless asked). */
    async programme(documentId: string, asOf: AsOf, paging: RollUpPaging = FIRST_PAGE): Promise<ProgrammeEvm> {
      const programme = await subject('programme', documentId);
      const filter = { programmeId: programme.id };
      const { total, projects, pagination, sums } = await pagedRollUp(filter, asOf, paging);
      return { ...total, programme: about(programme), projects, pagination, ...(await schedule(filter, sums, asOf)) };
    },
    /**
     * A portfolio's totals over all its projects and one page of them; with `programmes`, each of
     * its programmes' own figures too, from the sums grouped by programme, whose groups together
     * are the portfolio's (every project of a portfolio is in one of its programmes; the sums are
     * linear), so the same two queries serve both. Without, the totals' own two queries, which
     * cost less (bench/evm: the grouping by programme added about 100 ms at 10,000 projects).
     */
    async portfolio(documentId: string, asOf: AsOf, paging: RollUpPaging = FIRST_PAGE, { programmes = false } = {}): Promise<PortfolioEvm> {
      const portfolio = await subject('portfolio', documentId);
      const byProgramme = programmes ? repository.rollUpTotalsByProgramme(portfolio.id, asOf.date) : null;
      const portfolioTotals = async (): Promise<RollUpTotals> => {
        const all = (await byProgramme!).map(({ totals }) => totals);
        return { groups: all.flatMap(({ groups }) => groups), actualCost: all.reduce((sum, { actualCost }) => sum + actualCost, BigInt(0)) };
      };
      const { total, projects, pagination } = await pagedRollUp({ portfolioId: portfolio.id }, asOf, paging, byProgramme ? portfolioTotals : undefined);
      // Each programme's figures from its own sums, as its own answer derives them.
      const rows = byProgramme && (await byProgramme).map(({ programme, totals }) => ({ ...about(programme), ...figuresOf(totals, asOf) }));
      return { ...total, portfolio: about(portfolio), ...(rows ? { programmes: rows } : {}), projects, pagination };
    },
    async projectSeries(documentId: string, asOf: AsOf): Promise<ProjectSeries> {
      const project = await subject('project', documentId);
      const { points, ...figures } = await series({ projectId: project.id }, asOf);
      return { ...figures, project: about(project), points };
    },
    async programmeSeries(documentId: string, asOf: AsOf): Promise<ProgrammeSeries> {
      const programme = await subject('programme', documentId);
      const { points, ...figures } = await series({ programmeId: programme.id }, asOf);
      return { ...figures, programme: about(programme), points };
    },
  };
}

export type EarnedValueService = ReturnType<typeof createEarnedValueService>;

/**
 * Earned value of a project, programme or portfolio as of a date: the database sums each
 * project's budget, costs and progress in one query (repository.projectFacts); the pure module
 * derives the figures. Roll-ups add the projects' BAC, PV, EV and AC, then derive. The S-curve
 * series sums by month in the database (repository.sCurveFacts) and derives in s-curve.ts.
 * Earned schedule (earned-schedule.ts) reads the monthly budget (repository.plannedByMonth) at the
 * summed EV, for projects and programmes. Answers are the contract's (shared/contracts/finance.ts).
 */
import type {
  AsOf,
  PortfolioEvm,
  ProgrammeEvm,
  ProgrammeSeries,
  ProjectEvm,
  ProjectEvmRow,
  ProjectSeries,
} from '../../../shared/contracts/finance';
import type { Knex } from 'knex';
import { codedRef as about, type FinanceRepository, type ProjectFactsRow, type ProjectFilter } from './repository';
import { deriveFigures, formatFigures, projectBaseline, sumBaselines, type Baseline } from './earned-value';
import { earnedSchedule } from './earned-schedule';
import { factsFromRow } from './reports';
import { sCurve } from './s-curve';

export function createEarnedValueService(repository: FinanceRepository) {
  const { currency, subject } = repository;

  /** The figures of the filter's projects summed, and each project's own, as of asOf. */
  async function rollUp(filter: ProjectFilter, asOf: AsOf) {
    const rows = (await repository.projectFacts(filter, asOf.date)) as ProjectFactsRow[];
    const baselines = rows.map((row) => projectBaseline(factsFromRow(row), asOf.date));
    const projects: ProjectEvmRow[] = rows.map((row, i) => ({
      documentId: row.document_id,
      code: row.code,
      name: row.name,
      programmeCode: row.programme_code ?? null,
      ...formatFigures(deriveFigures(baselines[i])),
    }));
    const sums = sumBaselines(baselines);
    const total = { asOf: asOf.text, currency: currency(), ...formatFigures(deriveFigures(sums)) };
    return { total, projects, sums };
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
     * own: one set-based query whatever their number (the dashboard's scope).
     */
    async forProjects(projectIn: () => Knex.QueryBuilder, asOf: AsOf) {
      return rollUp({ projectIn }, asOf);
    },
    async project(documentId: string, asOf: AsOf): Promise<ProjectEvm> {
      const project = await subject('project', documentId);
      const { total, sums } = await rollUp({ projectId: project.id }, asOf);
      return { ...total, project: about(project), ...(await schedule({ projectId: project.id }, sums, asOf)) };
    },
    async programme(documentId: string, asOf: AsOf): Promise<ProgrammeEvm> {
      const programme = await subject('programme', documentId);
      const { total, projects, sums } = await rollUp({ programmeId: programme.id }, asOf);
      return { ...total, programme: about(programme), projects, ...(await schedule({ programmeId: programme.id }, sums, asOf)) };
    },
    async portfolio(documentId: string, asOf: AsOf): Promise<PortfolioEvm> {
      const portfolio = await subject('portfolio', documentId);
      const { total, projects } = await rollUp({ portfolioId: portfolio.id }, asOf);
      return { ...total, portfolio: about(portfolio), projects };
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

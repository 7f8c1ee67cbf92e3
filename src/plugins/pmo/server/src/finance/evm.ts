/**
 * Earned value of a project, programme or portfolio as of a date: the database sums each
 * project's budget, costs and progress in one query (repository.projectFacts); the pure module
 * derives the figures. Roll-ups add the projects' BAC, PV, EV and AC, then derive. The S-curve
 * series sums by month in the database (repository.sCurveFacts) and derives in s-curve.ts.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '../platform/errors';
import type { AsOf } from './params';
import type { FinanceRepository, NamedEntity, ProjectFactsRow, ProjectFilter } from './repository';
import { deriveFigures, formatFigures, projectBaseline, sumBaselines, type Figures } from './earned-value';
import { factsFromRow } from './reports';
import { sCurve } from './s-curve';

export type ProjectEvm = { documentId: string; code: string; name: string; programmeCode: string | null } & Figures;
type Level = 'project' | 'programme' | 'portfolio';

export function createEarnedValueService(strapi: Core.Strapi, repository: FinanceRepository) {
  const currency = () => (strapi.config.get('plugin::pmo') as { currency: string }).currency;

  async function subject(level: Level, documentId: string): Promise<NamedEntity> {
    const find = { project: repository.findProject, programme: repository.findProgramme, portfolio: repository.findPortfolio }[level];
    const found = await find(documentId);
    if (!found) throw new errors.NotFoundError(`No ${level} with documentId ${documentId}`);
    return found;
  }

  async function rollUp(filter: ProjectFilter, asOf: AsOf) {
    const rows = (await repository.projectFacts(filter, asOf.date)) as ProjectFactsRow[];
    const baselines = rows.map((row) => projectBaseline(factsFromRow(row), asOf.date));
    const projects: ProjectEvm[] = rows.map((row, i) => ({
      documentId: row.document_id,
      code: row.code,
      name: row.name,
      programmeCode: row.programme_code ?? null,
      ...formatFigures(deriveFigures(baselines[i])),
    }));
    return { total: formatFigures(deriveFigures(sumBaselines(baselines))), projects };
  }

  const about = ({ documentId, code, name }: NamedEntity) => ({ documentId, code, name });

  /** PV, EV and AC by month (s-curve.ts) and the figures as of asOf, whose EAC the chart projects. */
  async function series(level: 'project' | 'programme', documentId: string, asOf: AsOf) {
    const entity = await subject(level, documentId);
    const filter: ProjectFilter = level === 'project' ? { projectId: entity.id } : { programmeId: entity.id };
    const { points, figures } = sCurve(await repository.sCurveFacts(filter, asOf.date), asOf.date);
    return { asOf: asOf.text, currency: currency(), ...figures, [level]: about(entity), points };
  }

  return {
    projectSeries: (documentId: string, asOf: AsOf) => series('project', documentId, asOf),
    programmeSeries: (documentId: string, asOf: AsOf) => series('programme', documentId, asOf),
    async project(documentId: string, asOf: AsOf) {
      const project = await subject('project', documentId);
      const { total } = await rollUp({ projectId: project.id }, asOf);
      return { asOf: asOf.text, currency: currency(), ...total, project: about(project) };
    },
    async programme(documentId: string, asOf: AsOf) {
      const programme = await subject('programme', documentId);
      const { total, projects } = await rollUp({ programmeId: programme.id }, asOf);
      return { asOf: asOf.text, currency: currency(), ...total, programme: about(programme), projects };
    },
    async portfolio(documentId: string, asOf: AsOf) {
      const portfolio = await subject('portfolio', documentId);
      const { total, projects } = await rollUp({ portfolioId: portfolio.id }, asOf);
      return { asOf: asOf.text, currency: currency(), ...total, portfolio: about(portfolio), projects };
    },
  };
}

export type EarnedValueService = ReturnType<typeof createEarnedValueService>;

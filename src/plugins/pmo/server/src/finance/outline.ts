/**
 * The budget outline of a project or programme (months × categories): the database sums the
 * budget lines per month and category in one query (repository.budgetGrid); budget-outline.ts
 * adds the totals exactly.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '../platform/errors';
import { budgetOutline } from './budget-outline';
import { formatIsoDate } from '../platform/dates';
import type { OutlineRange } from './params';
import type { FinanceRepository, ProjectFilter } from './repository';

export function createBudgetOutlineService(strapi: Core.Strapi, repository: FinanceRepository) {
  const currency = () => (strapi.config.get('plugin::pmo') as { currency: string }).currency;

  async function outline(level: 'project' | 'programme', documentId: string, range: OutlineRange) {
    const entity = await (level === 'project' ? repository.findProject : repository.findProgramme)(documentId);
    if (!entity) throw new errors.NotFoundError(`No ${level} with documentId ${documentId}`);
    const filter: ProjectFilter = level === 'project' ? { projectId: entity.id } : { programmeId: entity.id };
    return {
      currency: currency(),
      [level]: { documentId: entity.documentId, code: entity.code, name: entity.name },
      from: range.from ? formatIsoDate(range.from) : null,
      to: range.to ? formatIsoDate(range.to) : null,
      ...budgetOutline(await repository.budgetGrid(filter, range)),
    };
  }

  return {
    project: (documentId: string, range: OutlineRange) => outline('project', documentId, range),
    programme: (documentId: string, range: OutlineRange) => outline('programme', documentId, range),
  };
}

export type BudgetOutlineService = ReturnType<typeof createBudgetOutlineService>;

/**
 * The budget outline of a project or programme (months × categories): the database sums the
 * budget lines per month and category in one query (repository.budgetGrid); budget-outline.ts
 * adds the totals exactly. Answers are the contract's (shared/contracts/finance.ts).
 */
import type { OutlineRange, ProgrammeOutline, ProjectOutline } from '../../../shared/contracts/finance';
import { budgetOutline } from './budget-outline';
import { formatIsoDate } from '../platform/dates';
import { codedRef as about, type FinanceRepository, type ProjectFilter } from './repository';

export function createBudgetOutlineService(repository: FinanceRepository) {
  const { currency, subject } = repository;

  async function outline(filter: ProjectFilter, range: OutlineRange) {
    return {
      currency: currency(),
      from: range.from ? formatIsoDate(range.from) : null,
      to: range.to ? formatIsoDate(range.to) : null,
      ...budgetOutline(await repository.budgetGrid(filter, range)),
    };
  }

  return {
    async project(documentId: string, range: OutlineRange): Promise<ProjectOutline> {
      const project = await subject('project', documentId);
      return { ...(await outline({ projectId: project.id }, range)), project: about(project) };
    },
    async programme(documentId: string, range: OutlineRange): Promise<ProgrammeOutline> {
      const programme = await subject('programme', documentId);
      return { ...(await outline({ programmeId: programme.id }, range)), programme: about(programme) };
    },
  };
}

export type BudgetOutlineService = ReturnType<typeof createBudgetOutlineService>;

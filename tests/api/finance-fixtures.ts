/** Portfolios, programmes, projects and their money for the finance tests, each uniquely coded. */
import { asCapability, getStrapi, uniqueCode } from '../helpers/strapi';

type Doc = { documentId: string; code: string; name: string };

const create = async (uid: string, data: Record<string, unknown>) =>
  (await getStrapi().documents(uid as any).create({ data } as any)) as unknown as Doc & Record<string, unknown>;

/** "1234.50" → "123450" (the API's minor units). */
const minor = (amount: string) => {
  const [whole, cents = ''] = amount.replace('-', '').split('.');
  const digits = BigInt(whole + cents.padEnd(2, '0')).toString();
  return amount.startsWith('-') ? `-${digits}` : digits;
};

export const portfolio = (name = 'Finance portfolio') => create('api::portfolio.portfolio', { name, code: uniqueCode('PF') });

export const programme = (portfolioDoc?: Doc, name = 'Finance programme') =>
  create('api::programme.programme', { name, code: uniqueCode('PRG'), portfolio: portfolioDoc?.documentId });

export const project = (programmeDoc?: Doc, name = 'Finance project', extra: Record<string, unknown> = {}) =>
  create('api::project.project', { name, code: uniqueCode('FIN'), programme: programmeDoc?.documentId, ...extra });

export const budgetLine = (projectDoc: Doc, period: string, category: string, amount: string) =>
  create('api::budget-line.budget-line', { project: projectDoc.documentId, period, category, amount: minor(amount) });

export const costEntry = (projectDoc: Doc, date: string, amount: string, extra: Record<string, unknown> = {}) =>
  create('api::cost-entry.cost-entry', { project: projectDoc.documentId, date, category: 'opex', amount: minor(amount), ...extra });

export const statusReport = (projectDoc: Doc, asOf: string, percentComplete: number) =>
  create('api::status-report.status-report', { project: projectDoc.documentId, asOf, percentComplete, ragOverall: 'green' });

/** A change request; a decision in `data` is stored as change control records it. */
export const changeRequest = (projectDoc: Doc, data: Record<string, unknown>) =>
  asCapability('change-control', () => create('plugin::pmo.change-request', { project: projectDoc.documentId, ...data }));

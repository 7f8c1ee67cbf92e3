/** Projects with budgets, people and change requests for the change-control tests, uniquely coded. */
import { asAdmin, asRole, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';

export const CHANGE = 'plugin::pmo.change-request';
export const PROJECT = 'api::project.project';

type Doc = { documentId: string; code: string } & Record<string, any>;

const documents = (uid: string) => getStrapi().documents(uid as any) as any;

/** "1234.50" → "123450" (the API's minor units). */
export const minor = (amount: string) => {
  const [whole, cents = ''] = amount.split('.');
  return BigInt(whole + cents.padEnd(2, '0')).toString();
};

export async function person(email: string, fullName = email.split('@')[0]) {
  const existing = await documents('api::person.person').findFirst({ filters: { email } });
  return (existing ?? (await documents('api::person.person').create({ data: { fullName, email } }))) as Doc;
}

export const EMAILS = {
  raiser: 'cc.raiser@test.pmo',
  pm: 'cc.pm@test.pmo',
  board1: 'cc.board1@test.pmo',
  board2: 'cc.board2@test.pmo',
  boardRaiser: 'cc.board-raiser@test.pmo',
  director: 'cc.director@test.pmo',
} as const;

/** The people of change control, each an admin user and a person with the same email. */
export async function actors() {
  const as = async (email: string, roles: string[], fullName: string) => {
    await person(email, fullName);
    return asAdmin(email, roles);
  };
  return {
    raiser: await as(EMAILS.raiser, ['project-manager'], 'Rita Raiser'),
    pm: await as(EMAILS.pm, ['project-manager'], 'Pat Manager'),
    board1: await as(EMAILS.board1, ['change-board'], 'Bea Board'),
    board2: await as(EMAILS.board2, ['change-board'], 'Ben Board'),
    boardRaiser: await as(EMAILS.boardRaiser, ['change-board'], 'Carl Raiser'),
    director: await as(EMAILS.director, ['pmo-director'], 'Dee Director'),
    manager: await asRole('pmo-manager'),
    analyst: await asRole('pmo-analyst'),
    outsider: await asRole('finance'),
  };
}
export type Actors = Awaited<ReturnType<typeof actors>>;

/**
 * A project managed by cc.pm with a BAC (one labour line), a change budget and a cost tolerance.
 * Defaults: BAC 10000.00, tolerance 10 % (1000.00), change budget 50000.00.
 */
export async function project(options: { bac?: string; changeBudget?: string; costPercent?: number; programme?: string } = {}) {
  const manager = await person(EMAILS.pm, 'Pat Manager');
  const created = (await documents(PROJECT).create({
    data: {
      name: 'Changing project',
      code: uniqueCode('CC'),
      manager: manager.documentId,
      changeBudget: minor(options.changeBudget ?? '50000.00'),
      tolerances: { costPercent: options.costPercent ?? 10, scheduleDays: 14 },
      ...(options.programme ? { programme: options.programme } : {}),
    },
  })) as Doc;
  await documents('api::budget-line.budget-line').create({
    data: { project: created.documentId, period: '2026-01-01', category: 'labour', amount: minor(options.bac ?? '10000.00') },
  });
  return created;
}

export async function raise(of: Doc, options: { type?: string; cost?: string | null; raisedBy?: string; title?: string } = {}) {
  const raiser = await person(options.raisedBy ?? EMAILS.raiser);
  const cost = options.cost === undefined ? '100.00' : options.cost;
  return documents(CHANGE).create({
    data: {
      project: of.documentId,
      title: options.title ?? 'Add single sign-on',
      type: options.type ?? 'normal',
      raisedBy: raiser.documentId,
      impact: cost === null ? { scheduleDays: 3 } : { cost: minor(cost), scheduleDays: 3 },
    },
  }) as Promise<Doc>;
}

export const fire = (agent: Agent, cr: Doc, transition: string, comment?: string) =>
  agent.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition, ...(comment ? { comment } : {}) });

export async function stored(cr: Doc) {
  return documents(CHANGE).findOne({ documentId: cr.documentId, populate: ['impact', 'decidedBy', 'project'] });
}

export async function projectRow(of: Doc) {
  return documents(PROJECT).findOne({ documentId: of.documentId });
}

/** Fires and insists on the status, showing the answer when it differs. */
export async function expectFire(agent: Agent, cr: Doc, transition: string, status: number, comment?: string) {
  const res = await fire(agent, cr, transition, comment);
  expect([transition, res.status, res.status === status ? '' : JSON.stringify(res.body)]).toEqual([transition, status, '']);
  return res;
}

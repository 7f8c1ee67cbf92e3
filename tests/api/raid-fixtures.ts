/** Portfolios, programmes, projects and register entries for the RAID tests, each uniquely coded. */
import { asAdmin, getStrapi, uniqueCode } from '../helpers/strapi';

export const RISK = 'api::risk.risk';
export const ISSUE = 'api::issue.issue';
export const DECISION = 'api::decision.decision';
export const LESSON = 'api::lesson.lesson';
export const DEPENDENCY = 'api::dependency.dependency';
export const PROJECT = 'api::project.project';

export type Doc = { documentId: string; code: string; name: string } & Record<string, any>;

export const documents = (uid: string) => getStrapi().documents(uid as any) as any;
export const cm = (uid: string, documentId?: string) => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

export const today = () => new Date().toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

export async function person(email: string, fullName = email.split('@')[0]) {
  const existing = await documents('api::person.person').findFirst({ filters: { email } });
  return (existing ?? (await documents('api::person.person').create({ data: { fullName, email } }))) as Doc;
}

/** An admin user with the roles who is also a person (so the registers can name them). */
export async function member(email: string, roles: string[], fullName: string) {
  const who = await person(email, fullName);
  return { person: who, agent: await asAdmin(email, roles) };
}

export async function portfolio(name = 'RAID portfolio') {
  return documents('api::portfolio.portfolio').create({ data: { name, code: uniqueCode('PF') } }) as Promise<Doc>;
}

export async function programme(extra: Record<string, unknown> = {}) {
  return documents('api::programme.programme').create({ data: { name: 'RAID programme', code: uniqueCode('PG'), ...extra } }) as Promise<Doc>;
}

export async function project(extra: Record<string, unknown> = {}) {
  return documents(PROJECT).create({ data: { name: 'RAID project', code: uniqueCode('RD'), ...extra } }) as Promise<Doc>;
}

/** A register entry held by a project or a programme (`holder`), through the Document Service. */
export async function risk(holder: Record<string, string>, data: Record<string, unknown> = {}) {
  return documents(RISK).create({ data: { title: 'A risk', type: 'threat', probability: 3, impact: 3, ...holder, ...data } }) as Promise<Doc>;
}

export async function issue(holder: Record<string, string>, data: Record<string, unknown> = {}) {
  return documents(ISSUE).create({ data: { title: 'An issue', priority: 'medium', severity: 'medium', raisedOn: '2026-03-02', ...holder, ...data } }) as Promise<Doc>;
}

export async function lesson(of: Doc, data: Record<string, unknown> = {}) {
  return documents(LESSON).create({
    data: { project: of.documentId, title: 'A lesson', category: 'planning', whatHappened: 'It happened.', recordedOn: '2026-04-01', ...data },
  }) as Promise<Doc>;
}

export async function dependency(from: Doc, to: Doc, needBy: string, data: Record<string, unknown> = {}) {
  return documents(DEPENDENCY).create({ data: { fromProject: from.documentId, toProject: to.documentId, description: 'Needs the interface', needBy, ...data } }) as Promise<Doc>;
}

/** The stored row of a register entry. */
export const row = (uid: string, documentId: string) => getStrapi().db.query(uid as any).findOne({ where: { documentId } });

/** The refusal is a 400 naming the field at its path, with the words given. */
export function expectInvalid(res: { status: number; body: any }, path: string[], message: string | RegExp) {
  const error = res.body?.error ?? {};
  expect([res.status, error.details?.errors?.[0]?.path]).toEqual([400, path]);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

/** A Document Service call refused with a 400 naming the field. */
export async function expectRefused(call: Promise<unknown>, path: string[], message: string | RegExp) {
  const error = await call.then(
    () => null,
    (e) => e
  );
  expect(error).toBeTruthy();
  expect([error.name, error.details?.errors?.[0]?.path]).toEqual(['ValidationError', path]);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

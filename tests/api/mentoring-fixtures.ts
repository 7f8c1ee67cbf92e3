/**
 * A mentoring cast for the mentoring API tests: admin users who are people (matched by email),
 * named uniquely per test file because one Strapi and one database serve every file of a worker.
 */
import { asAdmin, getStrapi, type Agent } from '../helpers/strapi';

const PERSON = 'api::person.person';
export const SESSION_UID = 'plugin::pmo.mentoring-session';
export const RELATIONSHIP_UID = 'plugin::pmo.mentoring-relationship';

export async function person(email: string, fullName: string): Promise<string> {
  const documents = getStrapi().documents(PERSON as any);
  const existing = await documents.findFirst({ filters: { email } } as any);
  const found = existing ?? (await documents.create({ data: { fullName, email } as any }));
  return found.documentId;
}

export type Member = { agent: Agent; personId: string; email: string; name: string };

/** An admin user with the given roles and a person record with the same email. */
export async function member(tag: string, label: string, roles: string[], fullName = `${label} ${tag}`): Promise<Member> {
  const email = `${label}.${tag}@test.pmo`.toLowerCase();
  const personId = await person(email, fullName);
  return { agent: await asAdmin(email, roles), personId, email, name: fullName };
}

export async function competencyIds(agent: Agent): Promise<Record<string, string>> {
  const res = await agent.get('/pmo/mentoring/competencies');
  if (res.status !== 200) throw new Error(`competencies: ${res.status} ${res.text}`);
  return Object.fromEntries(res.body.map((c: { key: string; documentId: string }) => [c.key, c.documentId]));
}

export async function createRelationship(agent: Agent, data: Record<string, unknown>) {
  const res = await agent.post('/pmo/mentoring/relationships').send(data);
  if (res.status !== 201) throw new Error(`relationship: ${res.status} ${res.text}`);
  return res.body as { documentId: string };
}

export async function logSession(agent: Agent, data: Record<string, unknown>) {
  const res = await agent.post('/pmo/mentoring/sessions').send(data);
  if (res.status !== 201) throw new Error(`session: ${res.status} ${res.text}`);
  return res.body as { documentId: string; revision: number; actionItems: Array<{ id: string; text: string }> };
}

export const countSessions = () => getStrapi().db.query(SESSION_UID as any).count();
export const countRelationships = () => getStrapi().db.query(RELATIONSHIP_UID as any).count();
export const storedSession = (documentId: string) => getStrapi().db.query(SESSION_UID as any).findOne({ where: { documentId } });

/** Days from today, as YYYY-MM-DD. */
export function daysFromToday(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

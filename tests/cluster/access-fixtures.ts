/**
 * The items the access matrix and the confidentiality crawl read: a portfolio, programme and
 * project managed by the mentee, a department led by a department leader, an allocation and a
 * document, and a mentoring relationship whose one session holds `secret` in its confidential
 * notes. Made in the worker's Strapi (Document Service and the in-process admin API).
 */
import { getStrapi, uniqueCode } from '../helpers/strapi';
import { competencyIds, createRelationship, daysFromToday, logSession, member, type Member } from '../api/mentoring-fixtures';
import type { Ids } from './access-support';

export type Cast = Record<'mentor' | 'mentee' | 'otherPm' | 'leader' | 'manager' | 'director' | 'analyst' | 'administrator' | 'changeBoard' | 'finance', Member>;

const create = (uid: string, data: Record<string, unknown>) => getStrapi().documents(uid as any).create({ data } as any);

/** Every app type's plural name → the documentId of one of its items (when it has any). */
async function firstOfEachType(ids: Ids) {
  const strapi = getStrapi() as any;
  for (const [uid, type] of Object.entries(strapi.contentTypes) as Array<[string, { info: { pluralName: string } }]>) {
    if (!uid.startsWith('api::')) continue;
    const row = await strapi.db.query(uid).findOne({ select: ['documentId'], orderBy: { id: 'desc' } });
    if (row) ids[`api:${type.info.pluralName}`] = row.documentId;
  }
}

export async function accessFixtures(secret: string): Promise<{ ids: Ids; cast: Cast }> {
  const tag = uniqueCode('acc').toLowerCase();
  const cast: Cast = {
    mentor: await member(tag, 'mentor', ['project-manager']),
    mentee: await member(tag, 'mentee', ['project-manager']),
    otherPm: await member(tag, 'other-pm', ['project-manager']),
    leader: await member(tag, 'leader', ['project-manager']),
    manager: await member(tag, 'manager', ['pmo-manager']),
    director: await member(tag, 'director', ['pmo-director']),
    analyst: await member(tag, 'analyst', ['pmo-analyst']),
    administrator: await member(tag, 'administrator', ['pmo-administrator']),
    changeBoard: await member(tag, 'change-board', ['change-board']),
    finance: await member(tag, 'finance', ['finance']),
  };
  const code = uniqueCode('ACC');
  const portfolio = await create('api::portfolio.portfolio', { name: `Access portfolio ${code}`, code: `${code}-F` });
  const programme = await create('api::programme.programme', { name: `Access programme ${code}`, code: `${code}-G`, portfolio: portfolio.documentId });
  const project = await create('api::project.project', {
    name: `Access project ${code}`,
    code,
    programme: programme.documentId,
    manager: cast.mentee.personId,
    startDate: daysFromToday(-120),
    endDate: daysFromToday(240),
  });
  const department = await create('api::department.department', { name: `Access department ${code}`, leader: cast.leader.personId });
  await getStrapi().documents('api::person.person' as any).update({ documentId: cast.mentee.personId, data: { department: department.documentId } } as any);
  const allocation = await create('api::allocation.allocation', { person: cast.mentee.personId, project: project.documentId, percent: 40, role: 'Project manager' });
  const document = await create('api::document.document', { title: `Access plan ${code}`, documentType: 'project-plan', project: project.documentId, owner: cast.mentee.personId });

  const competencies = await competencyIds(cast.manager.agent);
  const relationship = await createRelationship(cast.manager.agent, {
    mentor: cast.mentor.personId,
    mentee: cast.mentee.personId,
    goals: 'Chair a programme board',
    focusCompetencies: [competencies.leadership],
    startDate: daysFromToday(-60),
  });
  const session = await logSession(cast.mentor.agent, {
    relationship: relationship.documentId,
    date: daysFromToday(-7),
    durationMinutes: 60,
    topics: 'Sponsor conversations',
    ratings: [{ competency: competencies.leadership, rating: 3 }],
    sharedNotes: 'Prepare the stakeholder map',
    confidentialNotes: `Worried about burnout. ${secret}. Do not share: ${secret}`,
    actionItems: [{ text: 'Book a day off', owner: 'mentee', dueDate: daysFromToday(14) }],
  });

  const template = await getStrapi().db.query('plugin::pmo.notification-template' as any).findOne({ select: ['key'] });
  const ids: Ids = {
    portfolio: portfolio.documentId,
    programme: programme.documentId,
    project: project.documentId,
    person: cast.mentee.personId,
    department: department.documentId,
    allocation: allocation.documentId,
    document: document.documentId,
    relationship: relationship.documentId,
    session: session.documentId,
    templateKey: template?.key ?? 'change-authorized',
  };
  await firstOfEachType(ids);
  return { ids, cast };
}

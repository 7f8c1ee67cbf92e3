/**
 * What the registers put in "My work" (platform/notices.ts): a project manager sees each open
 * risk of their projects whose score exceeds the project's risk tolerance and that is not yet
 * escalated (escalate it, or reduce it); the managers of both projects see each late dependency
 * between them. One query each, for the signed-in person's projects.
 */
import { itemPath } from '../../../shared/contracts/notifications';
import { DEPENDENCY_UID, RISK_UID } from '../../../shared/contracts/raid';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import type { WorkItem, WorkSource } from '../platform/notices';
import { toIsoDay } from '../platform/dates';
import { createRaidRollups } from './rollups';

type Row = Record<string, any>;

export const raidWork: WorkSource = {
  key: 'raid',
  async collect(strapi, { person, today }) {
    if (!person) return [];
    const projects = (await strapi.db.query(PROJECT_UID as never).findMany({ where: { manager: { id: person.id } }, select: ['id'] } as never)) as Row[];
    if (!projects.length) return [];
    const projectIds = projects.map((project) => project.id);
    const rollups = createRaidRollups(strapi);
    const items: WorkItem[] = [];
    for (const risk of await rollups.topRisks({ projectIds }, { limit: 200, aboveTolerance: true, escalated: false })) {
      if (!risk.project) continue;
      items.push({
        kind: 'risk',
        title: `Escalate or reduce the risk "${risk.title}" (${risk.project.code}): it scores ${risk.score}, above the risk tolerance of ${risk.riskTolerance}`,
        dueDate: null,
        overdue: false,
        uid: RISK_UID,
        documentId: risk.documentId,
        url: itemPath(RISK_UID, risk.documentId),
      });
    }
    for (const dependency of await rollups.lateDependencies({ projectIds, asOf: today, limit: 200 })) {
      items.push({
        kind: 'dependency',
        title: `Late dependency: ${dependency.title}`,
        dueDate: toIsoDay(dependency.needBy),
        overdue: true,
        uid: DEPENDENCY_UID,
        documentId: dependency.documentId,
        url: itemPath(DEPENDENCY_UID, dependency.documentId),
      });
    }
    return items;
  },
};

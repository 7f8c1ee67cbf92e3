/**
 * Mentoring relationships: listed and read as the viewer may see them, started (oversight for
 * anybody, anyone else as the mentor), changed (mentor and mentee stay), deleted by oversight.
 * The route's contract has checked the input's shape; the rules that need stored facts are here.
 */
import type { Problem } from '../../../shared/contracts/common';
import {
  COMPETENCY_UID,
  endsBeforeStart,
  type RelationshipCreate,
  type RelationshipListQuery,
  type RelationshipPage,
  type RelationshipUpdate,
} from '../../../shared/contracts/mentoring';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { forbidden, invalidFields } from '../platform/errors';
import type { AdminUser } from '../workflow';
import type { MentoringAccess } from './access';
import type { MentoringRepository } from './repository';
import { mayCreateRelationship } from './visibility';

export function createRelationshipService(repository: MentoringRepository, reader: MentoringAccess) {
  /** Row ids of the focus competencies, or a 400 naming each one that is not in the framework. */
  async function competencyRowIds(documentIds: string[]) {
    const ids = await repository.idsOf(COMPETENCY_UID, documentIds);
    const problems: Problem[] = documentIds.flatMap((id, index) =>
      ids.has(id) ? [] : [{ path: ['focusCompetencies', index], message: `Focus competency ${index + 1} is not a competency of the framework` }]
    );
    if (problems.length) throw invalidFields(problems);
    return documentIds.map((id) => ids.get(id)!);
  }

  return {
    /** One page of the relationships the viewer sees; the page's summaries come from one read of its sessions. */
    async listRelationships(user: AdminUser, query: RelationshipListQuery): Promise<RelationshipPage> {
      const viewer = await reader.viewerOf(user);
      const { visible, pagination } = await reader.relationshipPage(viewer, query);
      return { results: await reader.relationshipViews(visible), pagination };
    },

    async getRelationship(user: AdminUser, documentId: string) {
      return reader.relationshipViewOf(await reader.viewerOf(user), documentId);
    },

    async createRelationship(user: AdminUser, input: RelationshipCreate) {
      const viewer = await reader.viewerOf(user);
      if (!mayCreateRelationship(viewer, input.mentor)) {
        throw forbidden('You can start a mentoring relationship only as its mentor; a PMO manager or director sets one up for others');
      }
      const people = await repository.idsOf(PERSON_UID, [input.mentor, input.mentee]);
      const problems: Problem[] = (['mentor', 'mentee'] as const).flatMap((field) =>
        people.has(input[field]) ? [] : [{ path: [field], message: `Choose a ${field} from the people directory: the one given is not in it` }]
      );
      if (problems.length) throw invalidFields(problems);
      const focusCompetencies = await competencyRowIds(input.focusCompetencies ?? []);
      const documentId = await repository.createRelationship({
        mentor: people.get(input.mentor),
        mentee: people.get(input.mentee),
        goals: input.goals ?? null,
        focusCompetencies,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        status: input.status ?? 'active',
      });
      return reader.relationshipViewOf(viewer, documentId);
    },

    async updateRelationship(user: AdminUser, documentId: string, input: RelationshipUpdate) {
      const viewer = await reader.viewerOf(user);
      const { relationship, access } = await reader.requireVisible(viewer, documentId);
      if (!access.manage) throw forbidden('Only the mentor, a PMO manager or a PMO director changes this mentoring relationship');
      const problems: Problem[] = (['mentor', 'mentee'] as const).flatMap((field) =>
        input[field] !== undefined && input[field] !== relationship[field]?.documentId
          ? [{ path: [field], message: `The ${field} cannot change; complete this relationship and start a new one` }]
          : []
      );
      // The contract compared the dates it was given; here they meet the stored ones.
      problems.push(...endsBeforeStart(input.startDate ?? relationship.startDate, input.endDate === undefined ? relationship.endDate : input.endDate));
      if (problems.length) throw invalidFields(problems);
      const { mentor: _mentor, mentee: _mentee, focusCompetencies, ...changes } = input;
      await repository.updateRelationship(relationship.id, {
        ...changes,
        ...(focusCompetencies ? { focusCompetencies: await competencyRowIds(focusCompetencies) } : {}),
      });
      return reader.relationshipViewOf(viewer, documentId);
    },

    async deleteRelationship(user: AdminUser, documentId: string) {
      const viewer = await reader.viewerOf(user);
      const { relationship, access } = await reader.requireVisible(viewer, documentId);
      if (!access.remove) throw forbidden('Only a PMO manager or a PMO director deletes a mentoring relationship');
      await repository.deleteRelationship(relationship);
    },
  };
}

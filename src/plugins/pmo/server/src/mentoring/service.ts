/**
 * The mentoring log's rules, applied to every read and write: who sees which relationship and
 * session (visibility.ts, loaded by access.ts), relationships, sessions and their action items,
 * and the reports. Routes reach the data only through here.
 */
import type { Core } from '@strapi/strapi';
import type { MentoringMe } from '../../../shared/contracts/mentoring';
import type { AdminUser } from '../workflow';
import { createMentoringAccess } from './access';
import defaultCompetencies from './default-competencies.json';
import { createRelationshipService } from './relationship-service';
import { createReportService } from './report-service';
import { createMentoringReportSql } from './report-sql';
import { createMentoringRepository } from './repository';
import { createSessionService } from './session-service';
import { accessTo, hasOversight } from './visibility';

export function createMentoringService(strapi: Core.Strapi) {
  const repository = createMentoringRepository(strapi);
  const reader = createMentoringAccess(strapi, repository);

  return {
    async seed() {
      await repository.seedCompetencies(defaultCompetencies);
    },

    async me(user: AdminUser): Promise<MentoringMe> {
      const viewer = await reader.viewerOf(user);
      const access = accessTo(viewer, { mentor: null, mentee: null });
      return {
        people: await repository.peopleByIds(viewer.personIds),
        seesAllRelationships: hasOversight(viewer),
        seesConfidentialNotesOfOthers: access.seeConfidentialNotes,
      };
    },

    competencies(options: { active?: boolean } = {}) {
      return repository.competencies(options.active === true);
    },

    ...createRelationshipService(repository, reader),
    ...createSessionService(repository, reader),
    ...createReportService(repository, reader, createMentoringReportSql(strapi)),
  };
}

export type MentoringService = ReturnType<typeof createMentoringService>;

/** The mentoring service, typed. */
export function getMentoringService(strapi: Core.Strapi): MentoringService {
  return strapi.plugin('pmo').service('mentoring') as MentoringService;
}

/**
 * RAID's guards, configured by data (no options):
 * `lessons`            the project has at least one lesson learned (the project lifecycle's gate 5);
 * `toProgramme`        the risk or issue is a project's, and that project belongs to a programme
 *                      (there is somewhere to escalate it to);
 * `riskAboveTolerance` the risk is open and its score exceeds its project's risk tolerance.
 * Each failure says what is missing, in words.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_RISK_TOLERANCE, ISSUE_UID, LESSON_UID, RISK_UID, riskScore } from '../../../shared/contracts/raid';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { findOneInTurn } from '../platform/read-in-turn';
import { stateName, unknownSettings, type GuardContext, type GuardType } from '../workflow';

type Row = Record<string, any>;

const misapplied = (what: string) => ({ ok: false, message: `This check applies only to ${what}; ask a PMO administrator to correct the workflow` });

const NOUNS: Record<string, string> = { [RISK_UID]: 'risk', [ISSUE_UID]: 'issue' };

/** The risk or issue with its project (and the project's programme) and its own programme. */
function loadHeld(strapi: Core.Strapi, context: GuardContext) {
  return findOneInTurn<Row>(strapi, context.uid, { documentId: context.documentId }, { project: { programme: true }, programme: true });
}

export function raidGuards(strapi: Core.Strapi): GuardType[] {
  const lessons: GuardType = {
    type: 'lessons',
    description: 'The project has at least one lesson learned recorded in its lessons log',
    validate: (config) => unknownSettings(config, []),
    async evaluate(_config, context) {
      if (context.uid !== PROJECT_UID) return misapplied('projects');
      const count = await strapi.db.query(LESSON_UID as never).count({ where: { project: { documentId: context.documentId } } } as never);
      if (count > 0) return { ok: true };
      return {
        ok: false,
        message: `Before ${stateName(context.definition, context.transition.to)}, record at least one lesson learned for the project (what happened and the recommendation): it has none`,
      };
    },
  };

  const toProgramme: GuardType = {
    type: 'toProgramme',
    description: "The risk or issue is a project's, and the project belongs to a programme to escalate it to",
    validate: (config) => unknownSettings(config, []),
    async evaluate(_config, context) {
      const noun = NOUNS[context.uid];
      if (!noun) return misapplied('risks and issues');
      const item = await loadHeld(strapi, context);
      if (!item) return { ok: false, message: `There is no such ${noun} (it may have been deleted)` };
      if (!item.project) {
        const programme = item.programme ? ` ${item.programme.code}` : '';
        return { ok: false, message: `This ${noun} is held by the programme${programme} itself: only a project's ${noun}s are escalated to their programme` };
      }
      if (!item.project.programme) {
        return { ok: false, message: `${item.project.code} belongs to no programme, so there is no programme to escalate the ${noun} to` };
      }
      return { ok: true };
    },
  };

  const riskAboveTolerance: GuardType = {
    type: 'riskAboveTolerance',
    description: "The risk is open and its score (probability × impact) exceeds its project's risk tolerance",
    validate: (config) => unknownSettings(config, []),
    async evaluate(_config, context) {
      if (context.uid !== RISK_UID) return misapplied('risks');
      const risk = await loadHeld(strapi, context);
      if (!risk) return { ok: false, message: 'There is no such risk (it may have been deleted)' };
      if (risk.status === 'closed') return { ok: false, message: 'The risk is closed: only an open risk is escalated' };
      if (!risk.project) return { ok: true }; // toProgramme says why a programme's own risk is not escalated
      const score = riskScore(risk.probability, risk.impact) ?? 0;
      const tolerance = Number(risk.project.riskTolerance ?? DEFAULT_RISK_TOLERANCE);
      if (score > tolerance) return { ok: true };
      return {
        ok: false,
        message: `The risk scores ${score} (probability ${risk.probability} × impact ${risk.impact}), within ${risk.project.code}'s risk tolerance of ${tolerance}: a risk is escalated only when its score exceeds the tolerance`,
      };
    },
  };

  return [lessons, toProgramme, riskAboveTolerance];
}

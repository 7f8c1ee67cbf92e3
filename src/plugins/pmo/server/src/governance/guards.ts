/**
 * Governance's guards and effect for the project lifecycle (configured by data):
 * `gateReview`       `{ "type": "gateReview", "gate": 3 }` the latest decided review of gate 3 is a
 *                    go or a conditional go (`"decisions": [...]` to accept others);
 * `baselinedBudget`  `{ "type": "baselinedBudget" }` the project has a budget: BAC above zero
 *                    (budget lines, management reserve excluded);
 * `notStopped`       `{ "type": "notStopped" }` the project's latest gate decision is not `stop`
 *                    (a stopped project can only be cancelled);
 * `enteredFrom`      `{ "type": "enteredFrom", "state": "planning" }` the item came into its current
 *                    state from that one (so a project resumes from on-hold to where it was held);
 * `createGateReview` `{ "type": "createGateReview", "gate": 2, "inDays": 30 }` schedules the next
 *                    gate's review when a gate is passed.
 */
import type { Core } from '@strapi/strapi';
import { moneyIn } from '../platform/currency';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { budgetsAtCompletion } from '../platform/db';
import { lastAppliedTransition, stateName, unknownSettings, type EffectType, type GuardContext, type GuardType } from '../workflow';
import { listWords } from '../../../shared/words';
import { GATE_DECISIONS, PASSING_DECISIONS, decisionWords, gateLabel, gateVerdict, isGate, stopVerdict } from './gates';
import { gateOf, getGovernanceService } from './service';

const unknownOptions = unknownSettings;

const gateProblems = (gate: unknown) => (isGate(gate) ? [] : ['choose the gate, by its number from 1 to 5']);

function misapplied(context: GuardContext) {
  return context.uid === PROJECT_UID ? null : { ok: false, message: 'This check applies only to projects; ask a PMO administrator to correct the workflow' };
}

/** The projects among the items a guard is asked about (a guard misapplied to another type answers for itself). */
const projectsAmong = (contexts: GuardContext[]) => contexts.filter((context) => !misapplied(context)).map((context) => context.documentId);

export function governanceGuards(strapi: Core.Strapi): GuardType[] {
  const governance = () => getGovernanceService(strapi);

  const gateReview: GuardType = {
    type: 'gateReview',
    description: 'The latest review of a gate decided go or conditional go (or one of the listed decisions)',
    validate(config) {
      const problems = [...unknownOptions(config, ['gate', 'decisions']), ...gateProblems(config.gate)];
      const decisions = config.decisions;
      if (
        decisions !== undefined &&
        !(Array.isArray(decisions) && decisions.length > 0 && decisions.every((d) => GATE_DECISIONS.includes(d)))
      ) {
        problems.push(`choose the decisions that pass among ${listWords(GATE_DECISIONS.map(decisionWords), 'and')}`);
      }
      return problems;
    },
    evaluate: (config, context) => gateReview.evaluateMany!(config, [context]).then(([verdict]) => verdict),
    async evaluateMany(config, contexts) {
      const gate = config.gate as number;
      const accepted = (config.decisions as string[] | undefined) ?? PASSING_DECISIONS;
      const reviews = await governance().reviewsOfMany(projectsAmong(contexts), gate);
      return contexts.map((context) => misapplied(context) ?? gateVerdict(gate, reviews.get(context.documentId) ?? [], accepted));
    },
  };

  const baselinedBudget: GuardType = {
    type: 'baselinedBudget',
    description: 'The project has a baselined budget: budget lines with a BAC above zero (management reserve excluded)',
    validate: (config) => unknownOptions(config, []),
    evaluate: (config, context) => baselinedBudget.evaluateMany!(config, [context]).then(([verdict]) => verdict),
    async evaluateMany(_config, contexts) {
      const projects = contexts.filter((context) => !misapplied(context));
      const rows = (await strapi.db.query(PROJECT_UID as never).findMany({
        where: { documentId: { $in: projects.map((context) => context.documentId) } },
        select: ['id', 'documentId'],
      })) as Array<{ id: number; documentId: string }>;
      const idOf = new Map(rows.map((row) => [row.documentId, Number(row.id)]));
      const bacs = await budgetsAtCompletion(strapi, [...idOf.values()]);
      return contexts.map((context) => {
        const wrong = misapplied(context);
        if (wrong) return wrong;
        const id = idOf.get(context.documentId);
        const bac = id === undefined ? BigInt(0) : (bacs.get(id) ?? BigInt(0));
        if (bac > BigInt(0)) return { ok: true };
        const gate = gateOf(context.transition);
        return {
          ok: false,
          message: `${gate ? gateLabel(gate) : 'This step'} needs a baselined budget: the project's budget lines total ${moneyIn(strapi)(bac)} (management reserve excluded); add them before the decision`,
        };
      });
    },
  };

  const notStopped: GuardType = {
    type: 'notStopped',
    description: "The project's latest gate decision is not stop (a stopped project can only be cancelled)",
    validate: (config) => unknownOptions(config, []),
    evaluate: (config, context) => notStopped.evaluateMany!(config, [context]).then(([verdict]) => verdict),
    async evaluateMany(_config, contexts) {
      const reviews = await governance().reviewsOfMany(projectsAmong(contexts));
      return contexts.map((context) => misapplied(context) ?? stopVerdict(reviews.get(context.documentId) ?? []));
    },
  };

  const enteredFrom: GuardType = {
    type: 'enteredFrom',
    description: 'The item came into its current state from the given state (e.g. resume a project where it was held)',
    validate(config) {
      const problems = unknownOptions(config, ['state']);
      if (typeof config.state !== 'string' || !config.state) problems.push('choose the state the item must have come from');
      return problems;
    },
    async evaluate(config, { strapi: s, uid, documentId, definition, instance }) {
      // The instance remembers the state it came from; instances older than that field fall back
      // to the history's last applied transition.
      const last = instance?.previousState
        ? { fromState: instance.previousState, toState: instance.state }
        : await lastAppliedTransition(s, uid, documentId);
      if (last?.fromState === config.state) return { ok: true };
      if (!last) return { ok: false, message: `There is no record of the state this item came from, so it cannot return to ${stateName(definition, config.state as string)}` };
      return {
        ok: false,
        message: `It came to ${stateName(definition, last.toState)} from ${stateName(definition, last.fromState)}, so it returns to ${stateName(definition, last.fromState)}, not to ${stateName(definition, config.state as string)}`,
      };
    },
  };

  return [gateReview, baselinedBudget, notStopped, enteredFrom];
}

export function governanceEffects(strapi: Core.Strapi): EffectType[] {
  const createGateReview: EffectType = {
    type: 'createGateReview',
    description: "Schedule a gate's review (e.g. the next gate's when a gate is passed)",
    validate(config) {
      const problems = [...unknownOptions(config, ['gate', 'inDays']), ...gateProblems(config.gate)];
      const inDays = config.inDays;
      if (inDays !== undefined && !(typeof inDays === 'number' && Number.isInteger(inDays) && inDays >= 0 && inDays <= 730)) {
        problems.push('the review must be scheduled in a whole number of days, from 0 to 730');
      }
      return problems;
    },
    async apply(config, { uid, documentId, transition, now }) {
      if (uid !== PROJECT_UID) throw new Error(`createGateReview applies to projects, not ${uid}`);
      await getGovernanceService(strapi).scheduleNextReview({
        projectDocumentId: documentId,
        gate: config.gate as number,
        inDays: config.inDays as number | undefined,
        passedGate: gateOf(transition),
        now,
      });
    },
  };
  return [createGateReview];
}

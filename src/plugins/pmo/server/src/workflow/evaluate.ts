/**
 * The evaluator: may this actor fire this transition on this item now, and if not, why.
 * Pure: plain data in, plain data out; guards are evaluated elsewhere and passed in as outcomes.
 */
import type {
  ActorRule,
  Blocker,
  TransitionAvailability,
  WorkflowDefinition,
  WorkflowTransition,
} from '../../../shared/contracts/workflow';
import { listWords, personFieldWords, roleHolder } from '../../../shared/words';

export type Vote = { id: number; name: string; at: string };

export type ActorFacts = {
  id: number;
  name: string;
  email: string | null;
  isSuperAdmin: boolean;
  /** PMO role keys (admin role codes) the user holds. */
  roles: string[];
  /** documentIds of the people whose email matches the user's. */
  personIds: string[];
};

export type InstanceFacts = {
  state: string;
  /** Admin user who moved the item into its current state (null: the system). */
  enteredById: number | null;
  /** Admin user who raised (created) the item. */
  raisedById: number | null;
  /** Votes recorded in the current state, per transition key. */
  votes: Record<string, Vote[]>;
};

/** Person field (or dotted path such as `project.manager`) on the target → documentIds of the people it points to. */
export type TargetRelations = Record<string, string[]>;

export type GuardOutcome = { guard: string; ok: boolean; message?: string };

/**
 * Who may fire a transition, in words: the people the item names first ("the person who raised
 * it", "the project's manager"), then the roles by name ("a PMO manager"); never a field key or a
 * role code.
 */
export function describeActors(rules: ActorRule[]): string {
  if (rules.length === 0) return 'anyone';
  const people = rules.flatMap((rule) => ('field' in rule ? [personFieldWords(rule.field)] : []));
  const roles = rules.flatMap((rule) => ('role' in rule ? [roleHolder(rule.role)] : []));
  return listWords([...new Set([...people, ...roles])]);
}

/** Whether the actor matches one of the transition's actor rules (super admins always do). */
export function isEligibleActor(
  transition: Pick<WorkflowTransition, 'actors'>,
  actor: ActorFacts,
  relations: TargetRelations
): boolean {
  if (actor.isSuperAdmin) return true;
  const rules = transition.actors ?? [];
  if (rules.length === 0) return true;
  return rules.some((rule) =>
    'role' in rule
      ? actor.roles.includes(rule.role)
      : (relations[rule.field] ?? []).some((personId) => actor.personIds.includes(personId))
  );
}

/** Who may not vote under `excludeRequester`: whoever moved the item here, and whoever raised it. */
export function requesterIds(instance: InstanceFacts): number[] {
  return [instance.enteredById, instance.raisedById].filter((id): id is number => typeof id === 'number');
}

export function stateName(definition: WorkflowDefinition, key: string): string {
  return definition.states.find((state) => state.key === key)?.name ?? key;
}

export function evaluateTransition(input: {
  definition: WorkflowDefinition;
  transition: WorkflowTransition;
  instance: InstanceFacts;
  actor: ActorFacts;
  relations: TargetRelations;
  guardOutcomes: GuardOutcome[];
}): TransitionAvailability {
  const { definition, transition, instance, actor, relations, guardOutcomes } = input;
  const blockers: Blocker[] = [];

  if (!transition.from.includes(instance.state)) {
    blockers.push({
      kind: 'state',
      message: `"${transition.label}" is possible only from ${listWords(
        transition.from.map((key) => stateName(definition, key))
      )}, and this item is ${stateName(definition, instance.state)}`,
    });
  }
  if (!isEligibleActor(transition, actor, relations)) {
    blockers.push({
      kind: 'actor',
      message: `Only ${describeActors(transition.actors ?? [])} may "${transition.label}"`,
    });
  }
  const votes = instance.votes[transition.key] ?? [];
  if (transition.approvals) {
    const excludedField = (transition.approvals.excludeFields ?? []).find((field) =>
      (relations[field] ?? []).some((personId) => actor.personIds.includes(personId))
    );
    if (transition.approvals.excludeRequester && requesterIds(instance).includes(actor.id)) {
      blockers.push({
        kind: 'requester',
        message: `You raised this item or moved it to ${stateName(
          definition,
          instance.state
        )}, so you cannot approve "${transition.label}"`,
      });
    } else if (excludedField) {
      blockers.push({
        kind: 'requester',
        message: `You are ${personFieldWords(excludedField)}, so you cannot approve "${transition.label}"`,
      });
    }
    if (votes.some((vote) => vote.id === actor.id)) {
      blockers.push({ kind: 'voted', message: `You have already approved "${transition.label}"` });
    }
  }
  for (const outcome of guardOutcomes) {
    if (!outcome.ok) {
      blockers.push({ kind: 'guard', guard: outcome.guard, message: outcome.message ?? `A condition of "${transition.label}" is not met` });
    }
  }

  return {
    key: transition.key,
    label: transition.label,
    to: transition.to,
    allowed: blockers.length === 0,
    blockers,
    requireComment: !!transition.requireComment,
    approvals: transition.approvals
      ? { quorum: transition.approvals.quorum, votes: votes.length, voters: votes.map((vote) => vote.id) }
      : null,
  };
}

/**
 * Why a transition cannot fire. `stale`: the caller's version is not the item's; `state`: the
 * item is not in a state the transition starts from; `actor`: not one of its actors;
 * `requester`: excluded from approving; `voted`: already approved; `comment`: a required comment
 * is missing; `guards`: guards failed (`failures`). The controller's side maps them to statuses.
 */
export type Refusal = 'stale' | 'state' | 'actor' | 'requester' | 'voted' | 'comment' | 'guards';

export type FireDecision =
  | { outcome: 'refuse'; refusal: Refusal; message: string; failures?: Array<{ guard: string; message: string }> }
  | { outcome: 'vote'; votes: Vote[]; quorum: number }
  | { outcome: 'apply'; votes: Vote[] };

/**
 * What firing a transition does, in DESIGN.md's order: a stale or wrong-state request first;
 * then the actor (and approval exclusions); then a second vote; then the comment; then the
 * guards; then the vote or the state change. Called once per request, with the guards' outcomes.
 */
export function decideFire(input: {
  definition: WorkflowDefinition;
  transition: WorkflowTransition;
  instance: InstanceFacts & { version: number };
  expectedVersion?: number;
  actor: ActorFacts;
  relations: TargetRelations;
  comment?: string | null;
  guardOutcomes: GuardOutcome[];
  now: string;
}): FireDecision {
  const availability = evaluateTransition(input);
  const first = (kind: Blocker['kind']) => availability.blockers.find((blocker) => blocker.kind === kind);
  const { instance, transition, expectedVersion } = input;

  if (expectedVersion !== undefined && expectedVersion !== instance.version) {
    return {
      outcome: 'refuse',
      refusal: 'stale',
      message: `Someone changed this item since you opened it (it is at version ${instance.version}, you had version ${expectedVersion}); reload and try again`,
    };
  }
  const state = first('state');
  if (state) return { outcome: 'refuse', refusal: 'state', message: state.message };
  for (const kind of ['actor', 'requester'] as const) {
    const blocker = first(kind);
    if (blocker) return { outcome: 'refuse', refusal: kind, message: blocker.message };
  }
  const voted = first('voted');
  if (voted) return { outcome: 'refuse', refusal: 'voted', message: voted.message };
  if (transition.requireComment && !(input.comment ?? '').trim()) {
    return { outcome: 'refuse', refusal: 'comment', message: `Give a comment: "${transition.label}" needs one` };
  }
  const failures = availability.blockers
    .filter((blocker): blocker is Extract<Blocker, { kind: 'guard' }> => blocker.kind === 'guard')
    .map(({ guard, message }) => ({ guard, message }));
  if (failures.length > 0) {
    return {
      outcome: 'refuse',
      refusal: 'guards',
      message: `"${transition.label}" is not possible yet: ${failures.map((f) => f.message).join('; ')}`,
      failures,
    };
  }
  if (transition.approvals) {
    const votes = [
      ...(instance.votes[transition.key] ?? []),
      { id: input.actor.id, name: input.actor.name, at: input.now },
    ];
    if (votes.length < transition.approvals.quorum) {
      return { outcome: 'vote', votes, quorum: transition.approvals.quorum };
    }
    return { outcome: 'apply', votes };
  }
  return { outcome: 'apply', votes: [] };
}

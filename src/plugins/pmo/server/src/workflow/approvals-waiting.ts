/**
 * Votes waiting (docs/notifications.md, "Reminders"): the engine's approvals are its own data
 * (each instance's `votes`), so the engine registers, through platform/notices.ts, the reminder
 * of a vote that has waited more than 2 working days (Monday to Friday) and the votes waiting for
 * the signed-in user in "my work".
 *
 * A vote waits from the moment its item entered the state the transition leaves (`enteredAt`).
 * Its eligible voters are decided by the evaluator, as a vote would be: the transition's actors,
 * minus the requester (`excludeRequester`), the excluded fields' people and those who have voted.
 * A super admin may act anywhere, but is reminded only where an actor rule names them. A
 * transition whose guards refuse it now (evaluated as no one in particular) waits for nobody.
 * For one voter (my work) the database first narrows the items to those that may be theirs
 * (approvals-narrow.ts), and pages them itself where it alone decides.
 */
import type { Core } from '@strapi/strapi';
import { formatDay, today as localDay } from '../../../shared/calendar';
import { itemPath } from '../../../shared/contracts/notifications';
import type { WorkflowDefinition, WorkflowTransition } from '../../../shared/contracts/workflow';
import { addWorkingDays, daysBetween, workingDaysBetween } from '../platform/dates';
import {
  byUrgency,
  recipients,
  registerReminderSource,
  registerWorkSource,
  reminderKey,
  roleHolders,
  type Recipient,
  type Reminder,
  type WorkItem,
  type WorkPart,
} from '../platform/notices';
import { actorFacts, displayName, PERSON_UID } from './actor';
import { createVoteNarrowing, instantOf, overdueBeforeOn, type Narrowing } from './approvals-narrow';
import type { Catalogue } from './catalogue';
import { evaluateTransition, type ActorFacts } from './evaluate';
import { createFacts } from './facts';
import { INSTANCE_UID, WORKFLOW_UID, instanceFacts, typeWords, type InstanceRow } from './records';

/** Working days a vote may wait before its voters are reminded. */
export const VOTE_WAIT_WORKING_DAYS = 2;
/** Working days after which a vote still waiting is escalated to the PMO managers. */
export const VOTE_ESCALATION_WORKING_DAYS = 5;

type Waiting = {
  workflow: { key: string; name: string; appliesTo: string; definition: WorkflowDefinition };
  transition: WorkflowTransition;
  instance: InstanceRow;
  since: string;
  target: Record<string, unknown>;
};

type UserRow = { id: number; email: string | null; firstname?: string | null; lastname?: string | null; username?: string | null; roles?: Array<{ code: string }> };

/** Guards are asked as no one in particular: whether the vote may happen, not who may cast it. */
const NOBODY: ActorFacts = { id: 0, name: 'PMO Hub', email: null, isSuperAdmin: false, roles: [], personIds: [] };

/** The day (server time) a stored date-time falls on. */
const dayOf = (value: unknown) => localDay(instantOf(value));

/** Whether a vote waiting since `since` has waited too long on `today`. */
const isOverdue = (since: string, today: string) => workingDaysBetween(since, today) > VOTE_WAIT_WORKING_DAYS;

/** A vote in my work: the transition, its item and the day the wait began. */
type VoteWork = { uid: string; transition: WorkflowTransition; documentId: string; since: string; target: Record<string, unknown> };

/** What an item is called in a mail or in "my work". */
function titleOf(strapi: Core.Strapi, uid: string, target: Record<string, unknown>, documentId: string): string {
  const reference = typeof target.reference === 'string' && target.reference ? `${target.reference} ` : '';
  const name = target.title ?? target.name ?? target.label ?? target.code;
  return name ? `${reference}${String(name)}` : `${typeWords(strapi, uid)} ${documentId}`;
}

export function createApprovalNotices(strapi: Core.Strapi, catalogue: () => Catalogue) {
  const facts = () => createFacts(strapi, catalogue());
  const sql = createVoteNarrowing(strapi, catalogue);

  type Workflow = Waiting['workflow'];

  /** Every workflow that may wait for votes, its definition read. */
  async function workflowsWithVotes(): Promise<Workflow[]> {
    const rows = (await strapi.db.query(WORKFLOW_UID as never).findMany({
      select: ['key', 'name', 'appliesTo', 'definition'],
    })) as Workflow[];
    return rows
      .map((row) => ({ ...row, definition: typeof row.definition === 'string' ? (JSON.parse(row.definition) as WorkflowDefinition) : row.definition }))
      .filter((row) => row.definition?.transitions?.some((transition) => transition.approvals) && row.appliesTo in strapi.contentTypes);
  }

  /**
   * Every item whose votes are overdue on `day` (the reminders), with the transition it waits on
   * and its target's facts. A fixed number of queries whatever the number of items: per workflow
   * its instances that entered their state before the wait ran out (SQL leaves out the others),
   * their targets, and each voted transition's guards over all its items at once.
   */
  async function overdueVotes(day: string): Promise<Waiting[]> {
    const waiting: Waiting[] = [];
    // Only items that entered their state before the wait ran out are read (the SQL narrows).
    const enteredBefore = overdueBeforeOn(day, VOTE_WAIT_WORKING_DAYS);
    for (const workflow of await workflowsWithVotes()) {
      const voted = workflow.definition.transitions.filter((transition) => transition.approvals);
      const where = { state: { $in: [...new Set(voted.flatMap((t) => t.from))] }, enteredAt: { $lt: enteredBefore } };
      waiting.push(...(await waitingIn(workflow, voted, where)));
    }
    return waiting;
  }

  /**
   * The votes `voter` may cast, as far as my work's page needs them: per voted transition the
   * database narrows its instances to those that may be the voter's (approvals-narrow.ts). An
   * exact transition answers its count and only its first `first` rows in my work's order; the
   * others load what remains and judge it as the reminders do (`waitingIn`).
   */
  async function votesFor(voter: ActorFacts, today: string, first: number): Promise<{ votes: VoteWork[]; beyond: { total: number; overdue: number } }> {
    const workflows = await workflowsWithVotes();
    const votes: VoteWork[] = [];
    const beyond = { total: 0, overdue: 0 };
    const labels = (uid: string) =>
      workflows.filter((workflow) => workflow.appliesTo === uid).flatMap((workflow) => workflow.definition.transitions.filter((t) => t.approvals).map((t) => t.label));
    for (const workflow of workflows) {
      const uid = workflow.appliesTo;
      const narrowed: Narrowing[] = [];
      for (const transition of workflow.definition.transitions) {
        if (!transition.approvals || !couldVote(transition, voter)) continue;
        // Two votes with one label on one item would be one line of my work: counted in memory.
        const labelShared = labels(uid).filter((label) => label === transition.label).length > 1;
        const narrowing = await sql.narrow(uid, transition, voter, labelShared);
        if (narrowing) narrowed.push(narrowing);
      }
      for (const narrowing of narrowed.filter((each) => each.exact)) {
        const part = await sql.exactVotes(workflow, narrowing, voter, { today, first, waitDays: VOTE_WAIT_WORKING_DAYS });
        const rows = part.rows.map((row) => ({ uid, transition: narrowing.transition, documentId: row.documentId, since: dayOf(row.enteredAt), target: row.target }));
        votes.push(...rows);
        beyond.total += part.total - rows.length;
        const overdueSince = new Map<string, boolean>();
        for (const { since } of rows) if (!overdueSince.has(since)) overdueSince.set(since, isOverdue(since, today));
        beyond.overdue += part.overdue - rows.filter((vote) => overdueSince.get(vote.since)).length;
      }
      const judged = narrowed.filter((each) => !each.exact);
      if (!judged.length) continue;
      const where = { $or: judged.map((narrowing) => sql.instanceWhere(narrowing, uid, voter)) };
      const found = await waitingIn(workflow, judged.map((narrowing) => narrowing.transition), where, voter);
      votes.push(...found.map((vote) => ({ uid, transition: vote.transition, documentId: vote.instance.targetDocumentId, since: vote.since, target: vote.target })));
    }
    return { votes, beyond };
  }

  /**
   * The votes waiting in one workflow's instances matching `where`, on its `voted` transitions:
   * their targets loaded at once; for a voter only those the evaluator lets them cast; then each
   * transition's guards over all its items at once (`evaluateGuardsMany`, set-based where the
   * guard type answers for many).
   */
  async function waitingIn(workflow: Workflow, voted: WorkflowTransition[], where: Record<string, unknown>, voter?: ActorFacts): Promise<Waiting[]> {
    const { definition } = workflow;
    const engineFacts = facts();
    const instances = (await strapi.db.query(INSTANCE_UID as never).findMany({
      where: { workflowKey: workflow.key, targetUid: workflow.appliesTo, ...where },
      orderBy: [{ id: 'asc' }],
    })) as InstanceRow[];
    if (!instances.length) return [];
    const targets = await engineFacts.loadTargets(workflow.appliesTo, instances.map((instance) => instance.targetDocumentId), voted);
    const candidates: Waiting[] = [];
    for (const instance of instances) {
      const target = targets.get(instance.targetDocumentId);
      if (!target || !instance.enteredAt) continue;
      for (const transition of voted.filter((t) => t.from.includes(instance.state))) {
        const vote = { workflow, transition, instance, since: dayOf(instance.enteredAt), target };
        // Guards are the costly part: asked only about the votes this voter may cast.
        if (!voter || mayVote(vote, voter)) candidates.push(vote);
      }
    }
    // A transition its guards refuse is not waiting for votes (change control's `authority`
    // guard, say, leaves only the one of the cost's decision level).
    const refused = new Set<Waiting>();
    for (const transition of voted) {
      const asked = candidates.filter((vote) => vote.transition === transition);
      if (!asked.length) continue;
      const outcomes = await engineFacts.evaluateGuardsMany(
        transition,
        asked.map((vote) => ({
          strapi,
          definition,
          transition,
          uid: workflow.appliesTo,
          documentId: vote.instance.targetDocumentId,
          target: vote.target,
          actor: NOBODY,
          instance: { state: vote.instance.state, previousState: vote.instance.previousState ?? null },
        }))
      );
      asked.forEach((vote, i) => {
        if (outcomes[i].some((outcome) => !outcome.ok)) refused.add(vote);
      });
    }
    return candidates.filter((vote) => !refused.has(vote));
  }

  /** Whether an actor rule of the transition could name this voter at all (a role they hold, or a person field when they are a person). */
  function couldVote(transition: WorkflowTransition, voter: ActorFacts): boolean {
    const rules = transition.actors ?? [];
    return rules.length === 0 || rules.some((rule) => ('role' in rule ? voter.roles.includes(rule.role) : voter.personIds.length > 0));
  }

  /** Whether this user may cast this vote now (as the evaluator decides it, super admin aside). */
  function mayVote(vote: Waiting, actor: ActorFacts): boolean {
    const verdict = evaluateTransition({
      definition: vote.workflow.definition,
      transition: vote.transition,
      instance: instanceFacts(vote.instance),
      actor: { ...actor, isSuperAdmin: false },
      relations: facts().relationsOf(vote.workflow.definition, vote.target),
      guardOutcomes: [],
    });
    return verdict.allowed;
  }

  /** The admin users an actor rule of these votes may name, with their roles and people. */
  async function candidates(votes: Waiting[]): Promise<Array<{ actor: ActorFacts; recipient: Recipient }>> {
    const roles = new Set<string>();
    const personIds = new Set<string>();
    for (const vote of votes) {
      const relations = facts().relationsOf(vote.workflow.definition, vote.target);
      for (const rule of vote.transition.actors ?? []) {
        if ('role' in rule) roles.add(rule.role);
        else (relations[rule.field] ?? []).forEach((id) => personIds.add(id));
      }
    }
    const named = personIds.size
      ? ((await strapi.db.query(PERSON_UID as never).findMany({ where: { documentId: { $in: [...personIds] } }, select: ['email'] })) as Array<{ email: string | null }>)
      : [];
    const emails = named.map((person) => person.email).filter((email): email is string => !!email);
    const or: Record<string, unknown>[] = [];
    if (roles.size) or.push({ roles: { code: { $in: [...roles] } } });
    for (const email of emails) or.push({ email: { $eqi: email } });
    if (!or.length) return [];
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, blocked: false, $or: or },
      select: ['id', 'email', 'firstname', 'lastname', 'username'],
      populate: { roles: { select: ['code'] } },
    })) as UserRow[];
    const addresses = users.map((user) => user.email).filter((email): email is string => !!email);
    const people = addresses.length
      ? ((await strapi.db.query(PERSON_UID as never).findMany({
          where: { $or: addresses.map((email) => ({ email: { $eqi: email } })) },
          select: ['documentId', 'email', 'fullName'],
        })) as Array<{ documentId: string; email: string; fullName: string | null }>)
      : [];
    return users
      .filter((user) => user.email)
      .map((user) => {
        const mine = people.filter((person) => person.email.toLowerCase() === user.email!.toLowerCase());
        const actor: ActorFacts = {
          id: user.id,
          name: displayName(user),
          email: user.email,
          isSuperAdmin: false,
          roles: (user.roles ?? []).map((role) => role.code),
          personIds: mine.map((person) => person.documentId),
        };
        const recipient: Recipient = {
          email: user.email!,
          name: mine[0]?.fullName ?? displayName(user),
          ...(mine[0] ? { personDocumentId: mine[0].documentId } : {}),
        };
        return { actor, recipient };
      });
  }

  registerReminderSource({
    key: 'approval',
    category: 'approval',
    async collect(_strapi, { day }) {
      const votes = (await overdueVotes(day)).filter((vote) => workingDaysBetween(vote.since, day) > VOTE_WAIT_WORKING_DAYS);
      if (!votes.length) return [];
      const people = await candidates(votes);
      const reminders: Reminder[] = [];
      let pmoManagers: Recipient[] | null = null;
      for (const vote of votes) {
        const to = recipients(people.filter(({ actor }) => mayVote(vote, actor)).map(({ recipient }) => recipient));
        if (!to.length) continue;
        const { workflow, transition, instance } = vote;
        const documentId = instance.targetDocumentId;
        const waited = workingDaysBetween(vote.since, day);
        const item = { uid: workflow.appliesTo, documentId, title: titleOf(strapi, workflow.appliesTo, vote.target, documentId), url: itemPath(workflow.appliesTo, documentId) };
        const enteredAt = new Date(typeof instance.enteredAt === 'number' ? instance.enteredAt : String(instance.enteredAt)).toISOString();
        reminders.push({
          category: 'approval',
          template: 'approval-waiting',
          // Once per wait: the transition, and when the item entered the state it waits in.
          dedupeKey: reminderKey('approval', documentId, `${transition.key}@${enteredAt}`),
          to,
          values: {
            workflow: workflow.name,
            step: transition.label,
            waitingSince: formatDay(vote.since),
            workingDays: String(waited),
          },
          item,
        });
        // Still waiting after a working week: the PMO managers, once per wait.
        if (waited > VOTE_ESCALATION_WORKING_DAYS) {
          pmoManagers ??= await roleHolders(strapi, 'pmo-manager');
          const escalateTo = recipients(pmoManagers);
          if (!escalateTo.length) continue;
          const due = addWorkingDays(vote.since, VOTE_WAIT_WORKING_DAYS);
          reminders.push({
            category: 'escalation',
            template: 'escalation',
            // Once per item and wait, however many of its transitions wait for votes.
            dedupeKey: reminderKey('escalation', documentId, `votes@${enteredAt}`),
            to: escalateTo,
            values: {
              reason: `the vote on ${workflow.name} has waited ${waited} working days`,
              project: workflow.name,
              owner: to.map((recipient) => recipient.name ?? recipient.email).join(', '),
              dueDate: formatDay(due),
              daysOverdue: String(Math.max(0, daysBetween(due, day))),
            },
            item,
          });
        }
      }
      return reminders;
    },
  });

  registerWorkSource({
    key: 'vote',
    async collect(_strapi, { user, today, first }): Promise<WorkPart> {
      const { votes, beyond } = await votesFor(await actorFacts(strapi, user), today, first);
      // Thousands of votes wait from a few days: each day's due date is worked out once.
      const byDay = new Map<string, { dueDate: string; overdue: boolean }>();
      const when = (since: string) => {
        if (!byDay.has(since)) byDay.set(since, { dueDate: addWorkingDays(since, VOTE_WAIT_WORKING_DAYS), overdue: isOverdue(since, today) });
        return byDay.get(since)!;
      };
      const seen = new Set<string>();
      const items: WorkItem[] = [];
      for (const { uid, transition, documentId, since, target } of votes) {
        const title = `${transition.label}: ${titleOf(strapi, uid, target, documentId)}`;
        const key = `${uid}|${documentId}|${title}`;
        if (seen.has(key)) continue;
        seen.add(key);
        items.push({ kind: 'vote', title, ...when(since), uid, documentId, url: itemPath(uid, documentId) });
      }
      // Only the first `first` in my work's order go on; the others are counted.
      items.sort(byUrgency);
      const rest = items.splice(first);
      return { items, beyond: { total: beyond.total + rest.length, overdue: beyond.overdue + rest.filter((item) => item.overdue).length } };
    },
  });
}

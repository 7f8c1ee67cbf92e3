/**
 * The engine's own effects, run inside the transition's transaction:
 * `set`    `{ "type": "set", "field": "decisionDate", "value": "now" }` or a literal value;
 * `notify` `{ "type": "notify", "to": ["field:raisedBy", "role:pmo-director"], "template": "change-authorized" }`
 *          (a field may be a dotted path through related items: `field:project.programme.manager`)
 *          renders the template (notifications' service, category `workflow`) and queues one email
 *          in the outbox, in the transition's transaction, for the dispatch job to deliver.
 */
import { show } from '../../../../shared/contracts/workflow';
import { itemPath } from '../../../../shared/contracts/notifications';
import { formatDay } from '../../../../shared/calendar';
import { unknownSettings, type EffectType } from '../catalogue';
import { stateName } from '../evaluate';
import { roleHolders, type Recipient } from '../../platform/notices';

const PROTECTED = new Set(['id', 'documentId', 'workflowState', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale']);
const SCALAR = new Set(['string', 'text', 'email', 'enumeration', 'boolean', 'integer', 'biginteger', 'decimal', 'float', 'date', 'datetime', 'time', 'customField']);

export const setEffect: EffectType = {
  type: 'set',
  description: 'Set a field of the item to a value, or to now',
  validate(config) {
    const problems: string[] = [];
    if (typeof config.field !== 'string' || !config.field) problems.push('choose the field to set');
    else if (PROTECTED.has(config.field)) {
      problems.push(`the field ${show(config.field)} is kept by PMO Hub and cannot be set by a workflow`);
    }
    if (!('value' in config)) problems.push('give the value to set, or "now" for the moment of the transition');
    else if (config.value !== null && !['string', 'number', 'boolean'].includes(typeof config.value)) {
      problems.push(`the value to set must be text, a number, true or false, nothing (null) or "now", not ${show(config.value)}`);
    }
    problems.push(...unknownSettings(config, ['field', 'value']));
    return problems;
  },
  async apply(config, { strapi, uid, documentId, now }) {
    const field = config.field as string;
    const attribute = (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes as any)?.[field];
    if (!attribute || !SCALAR.has(attribute.type)) {
      throw new Error(`set effect: ${uid} has no plain field "${field}"`);
    }
    let value = config.value;
    if (value === 'now') value = attribute.type === 'date' ? now.slice(0, 10) : now;
    await strapi.db.query(uid as any).updateMany({ where: { documentId }, data: { [field]: value } });
  },
};

const RECIPIENT = /^(field:[A-Za-z_]\w*(\.[A-Za-z_]\w*)*|role:[a-z][a-z0-9-]*|email:[^\s@]+@[^\s@]+)$/;

/** The people a person field, or a dotted path to one, points to on the item. */
function peopleAt(target: Record<string, unknown>, path: string): any[] {
  let values: unknown[] = [target];
  for (const part of path.split('.')) {
    values = values.flatMap((value) => (value && typeof value === 'object' ? ([] as unknown[]).concat((value as Record<string, unknown>)[part] ?? []) : []));
  }
  return values;
}

/**
 * The recipients a notify effect names: people of the item, the holders of a role (platform's
 * roleHolders: each with their person when there is one, so their preferences apply, as for reminders),
 * addresses.
 */
async function resolveRecipients(to: string[], { strapi, target }: Parameters<EffectType['apply']>[1]): Promise<Recipient[]> {
  const found = new Map<string, Recipient>();
  const add = (recipient: Recipient) => {
    const key = recipient.email.trim().toLowerCase();
    const known = found.get(key);
    if (!known || (!known.personDocumentId && recipient.personDocumentId)) found.set(key, recipient);
  };
  for (const recipient of to) {
    const [kind, value] = [recipient.slice(0, recipient.indexOf(':')), recipient.slice(recipient.indexOf(':') + 1)];
    if (kind === 'email') add({ email: value });
    if (kind === 'field') {
      for (const person of peopleAt(target, value)) {
        if (person?.email) add({ email: person.email, name: person.fullName ?? undefined, personDocumentId: person.documentId ?? undefined });
      }
    }
    if (kind === 'role') {
      for (const holder of await roleHolders(strapi, value)) add(holder);
    }
  }
  return [...found.values()].sort((a, b) => a.email.localeCompare(b.email));
}

type Enqueue = (input: Record<string, unknown>) => Promise<unknown>;

export const notifyEffect: EffectType = {
  type: 'notify',
  description: 'Email people (a person field of the item, everyone in a role, or an address) through the outbox',
  validate(config) {
    const problems: string[] = [];
    if (!Array.isArray(config.to) || config.to.length === 0) problems.push('choose whom to email');
    else {
      for (const recipient of config.to.slice(0, 20)) {
        if (typeof recipient !== 'string' || !RECIPIENT.test(recipient)) {
          const which = typeof recipient === 'string' ? `the recipient ${show(recipient)} is` : `one recipient is ${show(recipient)},`;
          problems.push(`${which} not a person field of the item, a role or an email address`);
        }
      }
    }
    if (typeof config.template !== 'string' || !/^[a-z][a-z0-9-]*$/.test(config.template)) {
      problems.push(
        config.template === undefined || config.template === ''
          ? 'choose the email to send (its template, such as "change-authorized")'
          : `the email template ${show(config.template)} must be named in lowercase letters, digits and hyphens, such as "change-authorized"`
      );
    }
    problems.push(...unknownSettings(config, ['to', 'template']));
    return problems;
  },
  async apply(config, context) {
    const { strapi, uid, documentId, definition, transition, from, to, actor, comment, target, now } = context;
    const recipients = await resolveRecipients(config.to as string[], context);
    const title = String(target.title ?? target.name ?? target.code ?? documentId);
    const item = { uid, documentId, title, url: itemPath(uid, documentId) };
    // The notifications capability renders and queues; strapi.db.query inside it joins this transaction.
    const enqueue = (strapi.plugin('pmo').service('notifications') as { enqueue: Enqueue }).enqueue;
    await enqueue({
      category: 'workflow',
      template: config.template,
      to: recipients,
      item,
      values: {
        title,
        reference: typeof target.reference === 'string' ? target.reference : '',
        workflow: definition.name,
        step: transition.label ?? transition.key,
        from: stateName(definition, from),
        to: stateName(definition, to),
        actor: actor.name,
        comment: comment ?? '',
        date: formatDay(now),
      },
      sourceUid: uid,
      sourceDocumentId: documentId,
      payload: {
        workflow: { key: definition.key, name: definition.name },
        transition: { key: transition.key, label: transition.label },
        from,
        to,
        actor: { name: actor.name, email: actor.email },
        comment,
        at: now,
      },
    });
  },
};

export const coreEffects: EffectType[] = [setEffect, notifyEffect];

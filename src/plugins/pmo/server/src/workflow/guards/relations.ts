/**
 * Guards over related items' lifecycle states:
 * `noOpen`   `{ "type": "noOpen", "uid": "plugin::pmo.change-request", "via": "project", "states": ["new", "assess"] }`
 *            no item of that type pointing at this one (through `via`) sits in those states;
 * `children` `{ "type": "children", "relation": "projects", "states": ["closed", "cancelled"] }`
 *            every item this one relates to (through `relation`) sits in those states.
 */
import { unknownSettings, type GuardType } from '../catalogue';
import { humanise, keyWords, listWords } from '../../../../shared/words';

/** State keys as a person reads them: "Closed or Cancelled". */
const statesWords = (states: string[]) => listWords(states.map(keyWords));

const isStateList = (value: unknown) =>
  Array.isArray(value) && value.length > 0 && value.every((state) => typeof state === 'string' && state);

function checkOptions(config: Record<string, unknown>, allowed: string[], states: string) {
  const problems = unknownSettings(config, ['message', ...allowed]);
  if (config.message !== undefined && typeof config.message !== 'string') problems.push('its message must be text');
  if (!isStateList(config.states)) problems.push(`choose at least one state ${states}`);
  return problems;
}

export const noOpenGuard: GuardType = {
  type: 'noOpen',
  description: 'No open items of a type (e.g. change requests) point at this item in the given states',
  validate(config) {
    const problems = checkOptions(config, ['uid', 'via', 'states'], 'in which those items count as open');
    if (typeof config.uid !== 'string' || !/^(api|plugin)::[\w-]+\.[\w-]+$/.test(config.uid)) {
      problems.push('choose the type of items to look for, such as change requests');
    }
    if (typeof config.via !== 'string' || !config.via) problems.push('choose the relation through which those items point at this one');
    return problems;
  },
  async evaluate(config, { strapi, documentId }) {
    const { uid, via, states, message } = config as unknown as { uid: string; via: string; states: string[]; message?: string };
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!model || !(via in model.attributes)) {
      return { ok: false, message: 'This step is set up wrongly (its check of open items names no such relation); ask a PMO administrator' };
    }
    const open = await strapi.db.query(uid as any).count({
      where: { [via]: { documentId }, workflowState: { $in: states } },
    });
    if (open === 0) return { ok: true };
    const name = humanise(String((open === 1 ? model.info.singularName : model.info.pluralName) ?? 'item'));
    return { ok: false, message: message ?? `${open} ${name} ${open === 1 ? 'is' : 'are'} still open (${statesWords(states)})` };
  },
};

export const childrenGuard: GuardType = {
  type: 'children',
  description: 'Every related item (e.g. a programme\'s projects) is in one of the given states',
  validate(config) {
    const problems = checkOptions(config, ['relation', 'states'], 'the related items must be in');
    if (typeof config.relation !== 'string' || !config.relation) problems.push('choose the relation whose items must be in those states');
    return problems;
  },
  async evaluate(config, { strapi, uid, documentId }) {
    const { relation, states, message } = config as unknown as { relation: string; states: string[]; message?: string };
    const attribute = (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes as any)?.[relation];
    if (!attribute || attribute.type !== 'relation') {
      return { ok: false, message: 'This step is set up wrongly (its check of related items names no such relation); ask a PMO administrator' };
    }
    const owner = await strapi.db.query(uid as any).findOne({
      where: { documentId },
      populate: { [relation]: { select: ['documentId', 'workflowState'] } },
    });
    const children = ([] as Array<{ workflowState?: string | null }>).concat(owner?.[relation] ?? []);
    const pending = children.filter((child) => !states.includes(child.workflowState ?? ''));
    if (pending.length === 0) return { ok: true };
    return {
      ok: false,
      message: message ?? `${pending.length} of ${children.length} ${humanise(relation)} ${pending.length === 1 ? 'is' : 'are'} not yet ${statesWords(states)}`,
    };
  },
};

/** Guards and effects of a transition: known types of the catalogue, each config checked by its own validator. */
import type { EffectConfig, GuardConfig } from '../../../shared/workflow-types';
import {
  type ConfigValidator,
  type Obj,
  isObject,
  given,
  show,
  describeType,
  quoteList,
  ownKeys,
  Problems,
} from './definition-common';

export function validateCatalogueItems(
  raw: Obj,
  property: 'guards' | 'effects',
  path: string,
  label: string,
  catalogue: Record<string, ConfigValidator>,
  problems: Problems
): Array<GuardConfig | EffectConfig> {
  const items: Array<GuardConfig | EffectConfig> = [];
  if (!given(raw, property)) return items;
  const list = raw[property];
  const singular = property === 'guards' ? 'guard' : 'effect';
  const known = ownKeys(catalogue).filter((k) => typeof catalogue[k] === 'function');
  const example =
    property === 'guards' ? '[{ "type": "field", ... }]' : '[{ "type": "notify", ... }]';
  if (!Array.isArray(list)) {
    problems.add(
      `${path}.${property}`,
      `${label}: ${property} must be a list like ${example}, not ${describeType(list)}`
    );
    return items;
  }
  list.forEach((item: unknown, index: number) => {
    const itemPath = `${path}.${property}[${index}]`;
    if (!isObject(item)) {
      problems.add(
        itemPath,
        `${label}: ${singular} ${index + 1} must be an object with a "type" (one of ${quoteList(known)}), not ${describeType(item)}`
      );
      return;
    }
    const type = item.type;
    if (typeof type !== 'string' || !type.trim()) {
      problems.add(
        `${itemPath}.type`,
        `${label}: ${singular} ${index + 1} needs a "type", one of ${quoteList(known)}; got ${describeType(type)}`
      );
      return;
    }
    const trimmed = type.trim();
    if (!known.includes(trimmed)) {
      problems.add(
        `${itemPath}.type`,
        `${label}: unknown ${singular} type ${show(trimmed)}; known ${singular} types: ${quoteList(known)}`
      );
      return;
    }
    const config: Obj = { ...item, type: trimmed };
    let messages: unknown;
    try {
      messages = catalogue[trimmed](config);
    } catch (error) {
      const reason = error instanceof Error ? error.message : show(error);
      problems.add(
        itemPath,
        `${label}: ${singular} ${show(trimmed)} has an invalid configuration (${reason})`
      );
      return;
    }
    const found = Array.isArray(messages)
      ? messages.filter((m) => m !== undefined && m !== null && m !== '')
      : [];
    for (const message of found) {
      problems.add(itemPath, `${label}: ${singular} ${show(trimmed)}: ${String(message)}`);
    }
    if (!found.length) items.push(config as GuardConfig);
  });
  return items;
}

/** Guards and effects of a transition: known types of the catalogue, each config checked by its own validator. */
import { isObject, ownKeys, quoteList, show, type ConfigValidator, type Problems } from './definition-common';
import type { TransitionDraft } from './definition-read';

/** The types a catalogue offers (a context of the wrong shape offers none). */
export const knownTypes = (catalogue: unknown): string[] =>
  isObject(catalogue) ? ownKeys(catalogue).filter((type) => typeof catalogue[type] === 'function') : [];

export function checkCatalogueItems(
  transition: TransitionDraft,
  property: 'guards' | 'effects',
  path: Array<string | number>,
  catalogue: unknown,
  problems: Problems
): void {
  const singular = property === 'guards' ? 'guard' : 'effect';
  const known = knownTypes(catalogue);
  const { label } = transition;
  for (const { index, config } of transition[property]) {
    const itemPath = [...path, property, index];
    if (!known.includes(config.type)) {
      problems.add(
        [...itemPath, 'type'],
        `${label}: unknown ${singular} type ${show(config.type)}; known ${singular} types: ${quoteList(known)}`
      );
      continue;
    }
    let messages: unknown;
    try {
      messages = (catalogue as Record<string, ConfigValidator>)[config.type](config);
    } catch (error) {
      const reason = error instanceof Error ? error.message : show(error);
      problems.add(itemPath, `${label}: ${singular} ${show(config.type)} has an invalid configuration (${reason})`);
      continue;
    }
    const found = Array.isArray(messages) ? messages.filter((m) => m !== undefined && m !== null && m !== '') : [];
    for (const message of found) problems.add(itemPath, `${label}: ${singular} ${show(config.type)}: ${String(message)}`);
  }
}

/**
 * Guards and effects of a transition: known types of the catalogue, each config checked by its own
 * validator. A validator's messages are clauses about one guard or effect ("choose the field to
 * check"): they read here as `The transition “Approve”: in guard 2, choose the field to check`.
 */
import { closest } from '../../../shared/words';
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
    const which = `${singular} ${index + 1}`;
    if (!known.includes(config.type)) {
      const likely = closest(config.type, known);
      const did = likely ? ` (did you mean ${show(likely)}?)` : '';
      problems.add(
        [...itemPath, 'type'],
        `${label}: ${which} has the type ${show(config.type)}, which PMO Hub does not know${did}; the ${singular} types are ${quoteList(known)}`
      );
      continue;
    }
    let messages: unknown;
    try {
      messages = (catalogue as Record<string, ConfigValidator>)[config.type](config);
    } catch (error) {
      const reason = error instanceof Error ? error.message : show(error);
      problems.add(itemPath, `${label}: ${which} could not be checked (${reason})`);
      continue;
    }
    const found = Array.isArray(messages) ? messages.filter((m) => m !== undefined && m !== null && m !== '') : [];
    for (const message of found) problems.add(itemPath, `${label}: in ${which}, ${String(message)}`);
  }
}

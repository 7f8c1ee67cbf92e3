/**
 * Guards and effects: a type chosen from the catalogue, then a small form per type. Types this
 * editor has no form for (added later by other capabilities) are edited as JSON options.
 */
import { Box, Flex, Typography } from '@strapi/design-system';

import { EffectForm, GuardForm } from './CatalogueForms';
import { ListHeader, RowActions, RowProblems, useEditor } from './fields';
import { defaultEffect, defaultGuard, move, removeAt, replaceAt } from './model';
import type { Item } from './TypedItem';

type ItemsProps<T extends Item> = {
  kind: 'guards' | 'effects';
  /** e.g. `transitions[2]` */
  base: string;
  items: T[];
  onChange: (items: T[]) => void;
};

/** The guard or effect list of one transition. */
export const CatalogueItems = <T extends Item>({ kind, base, items, onChange }: ItemsProps<T>) => {
  const { t } = useEditor();
  const isGuard = kind === 'guards';
  const word = isGuard ? t('workflow.editor.guardWord', 'guard') : t('workflow.editor.effectWord', 'effect');
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={`pmo-wf-${kind}`}>
      <ListHeader
        title={isGuard ? t('workflow.editor.guards', 'Guards') : t('workflow.editor.effects', 'Effects')}
        hint={
          isGuard
            ? t('workflow.editor.guardsHint', 'Conditions the item must meet; each failure is shown to the user.')
            : t('workflow.editor.effectsHint', 'What happens, in the same database transaction, when it applies.')
        }
        addLabel={isGuard ? t('workflow.editor.addGuard', 'Add guard') : t('workflow.editor.addEffect', 'Add effect')}
        onAdd={() => onChange([...items, (isGuard ? defaultGuard('field') : defaultEffect('set')) as T])}
      />
      <RowProblems anchor={`${base}.${kind}`} />
      {items.map((item, index) => {
        const anchor = `${base}.${kind}[${index}]`;
        return (
          <Box
            key={index}
            padding={3}
            hasRadius
            borderColor="neutral200"
            background="neutral0"
            data-testid={`pmo-wf-${isGuard ? 'guard' : 'effect'}`}
          >
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Flex justifyContent="space-between" alignItems="center">
                <Typography variant="omega" fontWeight="bold">
                  {`${word[0].toUpperCase()}${word.slice(1)} ${index + 1}`}
                </Typography>
                <RowActions
                  index={index}
                  count={items.length}
                  what={`${word} ${index + 1}`}
                  onMove={(to) => onChange(move(items, index, to))}
                  onRemove={() => onChange(removeAt(items, index))}
                />
              </Flex>
              {isGuard ? (
                <GuardForm anchor={anchor} guard={item} onChange={(next) => onChange(replaceAt(items, index, next as T))} />
              ) : (
                <EffectForm anchor={anchor} effect={item} onChange={(next) => onChange(replaceAt(items, index, next as T))} />
              )}
              <RowProblems anchor={anchor} />
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};

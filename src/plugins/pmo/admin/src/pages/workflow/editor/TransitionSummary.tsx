/** A transition as one line: the button that opens it, who may fire it, its guards and effects in words. */
import { Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';

import type { ActorRule, WorkflowTransition } from '../../../../../shared/contracts/workflow';
import { fieldWords, orList, roleName } from '../../../components/workflowForms';
import { formOf } from './CatalogueItems';
import { useEditor } from './fields';

/** The whole header is one button that shows or hides the transition's form. */
export const Disclosure = styled.button`
  all: unset;
  box-sizing: border-box;
  flex: 1;
  min-width: 0;
  cursor: pointer;
  border-radius: 4px;
  padding: 4px;
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

/** Who may fire it, in words: "PMO Director, PMO Manager or the sponsor" (anyone: "Anyone"). */
export function actorWords(actors: ActorRule[], roles: Array<{ code: string; name: string }>, t: (id: string, text: string) => string) {
  if (actors.length === 0) return t('workflow.editor.anyone', 'Anyone who may fire transitions');
  return orList(actors.map((actor) => ('role' in actor ? roleName({ roles }, actor.role) : `the ${fieldWords(actor.field).toLowerCase()}`)));
}

/** Under a closed transition: its guards and effects, one line each, in words. */
export const GuardSummary = ({ transition }: { transition: WorkflowTransition }) => {
  const { definition, contentTypes, components, workflows, roles, t } = useEditor();
  const context = { definition, contentTypes, components, workflows, roles };
  const line = (kind: 'guards' | 'effects', item: { type: string } & Record<string, unknown>) => {
    const form = formOf(kind, item.type);
    if (!form) return t('workflow.editor.serverOnlyLine', '{type} (no form here)', { type: item.type });
    return form.summary ? form.summary(item, context) : form.label;
  };
  const guards = (transition.guards ?? []).map((guard) => line('guards', guard));
  const effects = (transition.effects ?? []).map((effect) => line('effects', effect));
  if (!guards.length && !effects.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} paddingLeft={7} data-testid="pmo-wf-transition-summary">
      {guards.length ? (
        <Typography variant="pi" textColor="neutral700">
          {t('workflow.editor.onlyIf', 'Only if: {list}', { list: guards.join('; ') })}
        </Typography>
      ) : null}
      {effects.length ? (
        <Typography variant="pi" textColor="neutral700">
          {t('workflow.editor.then', 'Then: {list}', { list: effects.join('; ') })}
        </Typography>
      ) : null}
    </Flex>
  );
};

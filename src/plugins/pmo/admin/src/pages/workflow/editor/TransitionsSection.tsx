import * as React from 'react';

import {
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Grid,
  IconButton,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { ChevronDown, ChevronRight, Plus, Trash } from '@strapi/icons';

import type {
  ActorRule,
  WorkflowDefinition,
  WorkflowTransition,
} from '../../../../../shared/contracts/workflow';
import { StateBadge } from '../../../components/StateBadge';
import { fieldWords, roleName } from '../../../components/workflowForms';
import { fieldId } from './problems';
import { CatalogueItems } from './CatalogueItems';
import {
  CheckboxField,
  ListHeader,
  MultiSelectField,
  ProblemList,
  RowActions,
  RowProblems,
  Section,
  SelectField,
  TextField,
  useEditor,
} from './fields';
import { PMO_ROLES, move, newTransition, removeAt, replaceAt } from './model';
import { Disclosure, GuardSummary, actorWords } from './TransitionSummary';
import { findType, personRelations } from './schema';

type Props = {
  update: (change: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
};

/** The transitions: from, to, who, approvals, guards, effects. */
export const TransitionsSection = ({ update }: Props) => {
  const { definition, problems, readOnly, t } = useEditor();
  /** Transitions shown in full; the others are one line each. A transition with problems is always open. */
  const [open, setOpen] = React.useState<Set<number>>(() => new Set());
  const toggle = (index: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const allOpen = definition.transitions.length > 0 && definition.transitions.every((_, i) => open.has(i));
  const setTransition = (index: number, change: Partial<WorkflowTransition>) =>
    update((d) => ({
      ...d,
      transitions: replaceAt(d.transitions, index, { ...d.transitions[index], ...change }),
    }));
  return (
    <Section
      title={t('workflow.editor.transitions', 'Transitions')}
      description={t(
        'workflow.editor.transitionsHint',
        'How an item moves between states, who may move it, and what must be true first.'
      )}
      testId="pmo-wf-transitions"
      actions={
        <Flex gap={2}>
          <Button
            variant="tertiary"
            onClick={() => setOpen(allOpen ? new Set() : new Set(definition.transitions.map((_, i) => i)))}
            data-testid="pmo-wf-expand-all"
          >
            {allOpen ? t('workflow.editor.collapseAll', 'Collapse all') : t('workflow.editor.expandAll', 'Expand all')}
          </Button>
          {readOnly ? null : (
            <Button
              variant="secondary"
              startIcon={<Plus />}
              onClick={() => {
                setOpen((current) => new Set([...current, definition.transitions.length]));
                update((d) => ({ ...d, transitions: [...d.transitions, newTransition(d)] }));
              }}
            >
              {t('workflow.editor.addTransition', 'Add transition')}
            </Button>
          )}
        </Flex>
      }
    >
      <RowProblems anchor="transitions" />
      <Flex direction="column" alignItems="stretch" gap={2} tag="ol" style={{ margin: 0, padding: 0 }}>
        {definition.transitions.map((transition, index) => (
          <TransitionCard
            key={index}
            index={index}
            open={open.has(index) || problems.under(`transitions[${index}]`)}
            onToggle={() => toggle(index)}
            transition={transition}
            onChange={(change) => setTransition(index, change)}
            onMove={(to) => update((d) => ({ ...d, transitions: move(d.transitions, index, to) }))}
            onRemove={() => update((d) => ({ ...d, transitions: removeAt(d.transitions, index) }))}
          />
        ))}
      </Flex>
    </Section>
  );
};

type CardProps = {
  index: number;
  open: boolean;
  onToggle: () => void;
  transition: WorkflowTransition;
  onChange: (change: Partial<WorkflowTransition>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
};

const TransitionCard = ({ index, open, onToggle, transition, onChange, onMove, onRemove }: CardProps) => {
  const { definition, contentTypes, problems, roles, t } = useEditor();
  const base = `transitions[${index}]`;
  const personChoices = personRelations(findType(contentTypes, definition.appliesTo), contentTypes).map((field) => ({
    value: field,
    label: fieldWords(field),
  }));
  const stateChoices = definition.states
    .filter((state) => state.key)
    .map((state) => ({ value: state.key, label: state.name || state.key }));
  const state = (key: string) => definition.states.find((s) => s.key === key);
  const to = state(transition.to);
  const quorumProblems = problems.at(`${base}.approvals.quorum`);

  return (
    <Box
      tag="li"
      style={{ listStyle: 'none' }}
      background={open ? 'neutral100' : 'neutral0'}
      borderColor="neutral200"
      padding={3}
      hasRadius
      data-testid="pmo-wf-transition-row"
      data-open={open ? 'true' : 'false'}
      data-transition-key={transition.key}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="center" gap={2}>
          <Disclosure
            type="button"
            aria-expanded={open}
            aria-controls={`${fieldId(base)}-details`}
            onClick={onToggle}
            data-testid="pmo-wf-transition-toggle"
          >
            <Flex gap={2} alignItems="center" wrap="wrap">
              {open ? <ChevronDown aria-hidden width="1.2rem" height="1.2rem" /> : <ChevronRight aria-hidden width="1.2rem" height="1.2rem" />}
              <Typography variant="omega" fontWeight="bold" data-testid="pmo-wf-transition-label">
                {transition.label || transition.key || t('workflow.editor.transitionN', 'Transition {n}', { n: index + 1 })}
              </Typography>
              <Flex gap={1} alignItems="center" wrap="wrap">
                {transition.from.map((key) => (
                  <StateBadge key={key} name={state(key)?.name || key} color={state(key)?.color} />
                ))}
                <Typography variant="pi" textColor="neutral700" aria-label={t('workflow.editor.leadsTo', 'leads to')}>
                  →
                </Typography>
                {transition.to ? <StateBadge name={to?.name || transition.to} color={to?.color} /> : null}
              </Flex>
              <Typography variant="pi" textColor="neutral700" data-testid="pmo-wf-transition-who">
                {actorWords(transition.actors ?? [], roles, t)}
              </Typography>
              <Typography variant="pi" textColor="neutral700" data-testid="pmo-wf-transition-counts">
                {t('workflow.editor.counts', '{guards, plural, =0 {no guard} one {# guard} other {# guards}} · {effects, plural, =0 {no effect} one {# effect} other {# effects}}', {
                  guards: transition.guards?.length ?? 0,
                  effects: transition.effects?.length ?? 0,
                })}
                {transition.approvals ? t('workflow.editor.countsApprovals', ' · {quorum} approvals', { quorum: transition.approvals.quorum }) : ''}
              </Typography>
            </Flex>
          </Disclosure>
          <RowActions
            index={index}
            count={definition.transitions.length}
            what={transition.label || transition.key || t('workflow.editor.transitionWord', 'transition')}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Flex>
        {open ? (
        <Flex direction="column" alignItems="stretch" gap={3} id={`${fieldId(base)}-details`}>
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${base}.key`}
              label={t('workflow.editor.key', 'Key')}
              value={transition.key}
              onChange={(key) => onChange({ key })}
              required
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${base}.label`}
              label={t('workflow.editor.label', 'Label')}
              value={transition.label}
              onChange={(label) => onChange({ label })}
              required
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <MultiSelectField
              anchor={`${base}.from`}
              label={t('workflow.editor.from', 'From')}
              value={transition.from}
              choices={stateChoices}
              onChange={(from) => onChange({ from })}
              required
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <SelectField
              anchor={`${base}.to`}
              label={t('workflow.editor.to', 'To')}
              value={transition.to}
              choices={stateChoices}
              onChange={(next) => onChange({ to: next })}
              required
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <CheckboxField
              anchor={`${base}.requireComment`}
              label={t('workflow.editor.requireComment', 'A comment is required')}
              checked={Boolean(transition.requireComment)}
              onChange={(requireComment) => onChange({ requireComment })}
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <CheckboxField
              anchor={`${base}.approvals`}
              label={t('workflow.editor.needsApprovals', 'Needs approvals from several actors')}
              checked={Boolean(transition.approvals)}
              onChange={(on) =>
                onChange({ approvals: on ? { quorum: 2, excludeRequester: true } : undefined })
              }
            />
          </Grid.Item>
          {transition.approvals ? (
            <>
              <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  id={fieldId(`${base}.approvals.quorum`)}
                  name={`${base}.approvals.quorum`}
                  error={quorumProblems.length ? quorumProblems.join(' ') : undefined}
                  hint={t('workflow.editor.quorumHint', 'Distinct eligible actors who must approve.')}
                >
                  <Field.Label>{t('workflow.editor.quorum', 'Quorum')}</Field.Label>
                  <NumberInput
                    value={transition.approvals.quorum}
                    onValueChange={(quorum: number | undefined) =>
                      onChange({ approvals: { ...transition.approvals!, quorum: quorum ?? 0 } })
                    }
                    step={1}
                  />
                  {quorumProblems.length ? (
                    <ProblemList anchor={`${base}.approvals.quorum`} messages={quorumProblems} />
                  ) : (
                    <Field.Hint />
                  )}
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={7} s={12} direction="column" alignItems="stretch" paddingTop={6}>
                <CheckboxField
                  anchor={`${base}.approvals.excludeRequester`}
                  label={t('workflow.editor.excludeRequester', 'Whoever raised the item or moved it here cannot approve')}
                  checked={Boolean(transition.approvals.excludeRequester)}
                  onChange={(excludeRequester) =>
                    onChange({ approvals: { ...transition.approvals!, excludeRequester } })
                  }
                />
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <MultiSelectField
                  anchor={`${base}.approvals.excludeFields`}
                  label={t('workflow.editor.excludeFields', 'People who may not approve')}
                  hint={t(
                    'workflow.editor.excludeFieldsHint',
                    'The people these fields of the item point to cannot approve it (e.g. whoever raised it).'
                  )}
                  value={transition.approvals.excludeFields ?? []}
                  choices={personChoices}
                  onChange={(excludeFields) =>
                    onChange({
                      approvals: { ...transition.approvals!, excludeFields: excludeFields.length ? excludeFields : undefined },
                    })
                  }
                />
              </Grid.Item>
            </>
          ) : null}
        </Grid.Root>
        <Divider />
        <ActorsEditor base={base} actors={transition.actors ?? []} onChange={(actors) => onChange({ actors })} />
        <Divider />
        <CatalogueItems kind="guards" base={base} items={transition.guards ?? []} onChange={(guards) => onChange({ guards })} />
        <Divider />
        <CatalogueItems kind="effects" base={base} items={transition.effects ?? []} onChange={(effects) => onChange({ effects })} />
        </Flex>
        ) : (
          <GuardSummary transition={transition} />
        )}
        <RowProblems anchor={base} />
      </Flex>
    </Box>
  );
};

/** Who may fire it: PMO roles, or a person field of the item (its manager, its sponsor…). */
const ActorsEditor = ({ base, actors, onChange }: { base: string; actors: ActorRule[]; onChange: (actors: ActorRule[]) => void }) => {
  const { definition, contentTypes, readOnly, roles, t } = useEditor();
  const personFields = personRelations(findType(contentTypes, definition.appliesTo), contentTypes);
  const roleChoices = PMO_ROLES.map((role) => ({ value: role, label: roleName({ roles }, role) }));
  const fieldChoices = personFields.map((field) => ({ value: field, label: fieldWords(field) }));
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="pmo-wf-actors">
      <ListHeader
        title={t('workflow.editor.actors', 'Actors')}
        hint={
          actors.length
            ? t('workflow.editor.actorsHint', 'Any one of these may fire it (super admins always may).')
            : t('workflow.editor.actorsNone', 'Nobody listed: anyone allowed to fire transitions may.')
        }
        addLabel={t('workflow.editor.addActor', 'Add actor')}
        onAdd={() => onChange([...actors, { role: 'pmo-manager' }])}
      />
      <RowProblems anchor={`${base}.actors`} />
      {actors.map((actor, index) => {
        const anchor = `${base}.actors[${index}]`;
        const isRole = 'role' in actor;
        return (
          <Flex key={index} gap={2} alignItems="flex-start" data-testid="pmo-wf-actor">
            <Box style={{ width: 200, flexShrink: 0 }}>
              <Field.Root name={`${anchor}.kind`} id={`${fieldId(anchor)}-kind`}>
                <Field.Label>{t('workflow.editor.actorKind', 'Actor {n}', { n: index + 1 })}</Field.Label>
                <SingleSelect
                  value={isRole ? 'role' : 'field'}
                  disabled={readOnly}
                  onChange={(kind: string | number) =>
                    onChange(
                      replaceAt(actors, index, kind === 'role' ? { role: 'pmo-manager' } : { field: personFields[0] ?? '' })
                    )
                  }
                >
                  <SingleSelectOption value="role">{t('workflow.editor.actorRole', 'Role')}</SingleSelectOption>
                  <SingleSelectOption value="field">{t('workflow.editor.actorField', 'Person field')}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box flex="1">
              <SelectField
                anchor={anchor}
                label={isRole ? t('workflow.editor.actorRole', 'Role') : t('workflow.editor.actorField', 'Person field')}
                value={isRole ? actor.role : actor.field}
                choices={isRole ? roleChoices : fieldChoices}
                onChange={(value) => onChange(replaceAt(actors, index, isRole ? { role: value } : { field: value }))}
              />
            </Box>
            {readOnly ? null : (
              <Box paddingTop={6}>
                <IconButton
                  label={t('workflow.editor.remove', 'Remove {what}', { what: t('workflow.editor.actorN', 'actor {n}', { n: index + 1 }) })}
                  variant="ghost"
                  onClick={() => onChange(removeAt(actors, index))}
                >
                  <Trash />
                </IconButton>
              </Box>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};


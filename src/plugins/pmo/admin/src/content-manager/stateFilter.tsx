/**
 * The Content Manager list's filter on a governed type's workflow state, through Strapi's own hook
 * (`Admin/CM/pages/ListView/inject-in-filters`, as Review Workflows adds its stage filter): the
 * state is picked by its name and colour from the workflow that governs the type ("State is In
 * review"), never typed as a key. The filter's chip names the state the same way.
 */
import * as React from 'react';

import { useField } from '@strapi/strapi/admin';
import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';

import { useWorkflows } from '../api/client';
import type { WorkflowSummary } from '../api/client';
import { stateColor } from '../utils/colors';
import { getTranslation } from '../utils/getTranslation';

export const INJECT_LIST_VIEW_FILTERS = 'Admin/CM/pages/ListView/inject-in-filters';

type Option = { label: string; value: string };
type Filter = { name: string; [key: string]: unknown };
type HookArgs = { displayedFilters: Filter[]; layout: unknown };

/**
 * The states' names per governed type, as last read from the server. The hook runs outside React,
 * so it hands the filter an array that is filled in place once the workflows have been read: the
 * chip then names the state ("State is In review") rather than its key.
 */
const optionsByType = new Map<string, Option[]>();

function optionsFor(model: string): Option[] {
  let options = optionsByType.get(model);
  if (!options) {
    options = [];
    optionsByType.set(model, options);
  }
  return options;
}

/** Remembers every governed type's states, replacing what was there in place. */
export function rememberStates(workflows: WorkflowSummary[] | undefined) {
  for (const workflow of workflows ?? []) {
    const { appliesTo, states } = workflow.definition;
    const options = optionsFor(appliesTo);
    options.splice(0, options.length, ...states.map((state) => ({ label: state.name, value: state.key })));
  }
}

/** The list page's type, from the Content Manager's route (`collection-types/:slug`). */
function currentModel(): string | undefined {
  const match = /\/content-manager\/collection-types\/([^/?#]+)/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

type ValueInputProps = { name: string; 'aria-label'?: string };

/** The filter's value: the governing workflow's states, by name, each with its colour. */
export const WorkflowStateFilter = (props: ValueInputProps) => {
  const { slug: model = '' } = useParams<{ slug: string }>();
  const { formatMessage } = useIntl();
  const { data: workflows, isLoading } = useWorkflows({ staleTime: 60_000 });
  React.useEffect(() => rememberStates(workflows), [workflows]);
  const field = useField<string>(props.name);
  const states =
    workflows?.find((workflow) => workflow.definition.appliesTo === model)?.definition.states ?? [];
  return (
    <SingleSelect
      aria-label={formatMessage({
        id: getTranslation('filters.workflowState'),
        defaultMessage: 'Choose a workflow state',
      })}
      placeholder={formatMessage({
        id: getTranslation('filters.workflowState'),
        defaultMessage: 'Choose a workflow state',
      })}
      value={field.value}
      onChange={(value: string | number) => field.onChange(props.name, String(value))}
      loading={isLoading}
    >
      {states.map((state) => (
        <SingleSelectOption
          key={state.key}
          value={state.key}
          startIcon={
            <Box
              tag="span"
              style={{ width: 8, height: 8, borderRadius: '50%', background: stateColor(state.color) }}
              aria-hidden
            />
          }
        >
          {state.name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};

const OPERATORS = [
  { label: { id: 'components.FilterOptions.FILTER_TYPES.$eq', defaultMessage: 'is' }, value: '$eq' },
  { label: { id: 'components.FilterOptions.FILTER_TYPES.$ne', defaultMessage: 'is not' }, value: '$ne' },
];

/** The hook: the `workflowState` filter picks a state by name, with "is" and "is not". */
export function addStateFilter({ displayedFilters, layout }: HookArgs): HookArgs {
  const model = currentModel();
  const filters = displayedFilters.map((filter) => {
    if (filter.name !== 'workflowState' || !model) return filter;
    return {
      ...filter,
      input: WorkflowStateFilter,
      operators: OPERATORS,
      options: optionsFor(model),
    };
  });
  return { displayedFilters: filters, layout };
}

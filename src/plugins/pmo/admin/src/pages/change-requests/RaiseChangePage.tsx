/**
 * Raising a change: project, title, type, category, description, reason, impact (cost through
 * the money input, in the organisation currency) and priority/severity. The server numbers it,
 * derives who decides it and records the caller's person as its raiser; a refusal shows under the
 * field it names and at the top of the form.
 */
import * as React from 'react';

import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Link,
  Main,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Form, Layouts, Page, useNotification, useRBAC, type FormErrors } from '@strapi/strapi/admin';
import { NavLink, useNavigate } from 'react-router-dom';

import {
  CHANGE_CATEGORIES,
  CHANGE_TYPES,
  PRIORITIES,
  SEVERITIES,
  useProjects,
  useRaiseChangeRequest,
  type RaiseChangeInput,
} from '../../api/changeRequests';
import { toPmoApiError } from '../../api/client';
import { MoneyInput } from '../../components/MoneyInput';
import { Section } from '../../components/Section';
import { useTranslate } from '../../utils/useTranslate';
import { CATEGORY_LABELS, TYPE_LABELS, capitalise } from './display';
import { RAISE_PERMISSION } from './ChangeRequestListPage';

type Draft = {
  project: string;
  title: string;
  type: string;
  category: string;
  description: string;
  reason: string;
  priority: string;
  severity: string;
  impact: { cost: string | null; scheduleDays: string; scope: string; quality: string; risk: string; benefits: string };
};

const EMPTY: Draft = {
  project: '',
  title: '',
  type: 'normal',
  category: 'request-for-change',
  description: '',
  reason: '',
  priority: 'medium',
  severity: 'moderate',
  impact: { cost: null, scheduleDays: '', scope: '', quality: '', risk: '', benefits: '' },
};

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The form's values as the route takes them: empty texts as null, days as a number. */
function toInput(draft: Draft): RaiseChangeInput {
  const days = draft.impact.scheduleDays.trim();
  return {
    project: draft.project,
    title: draft.title.trim(),
    type: draft.type as RaiseChangeInput['type'],
    category: draft.category,
    description: orNull(draft.description),
    reason: orNull(draft.reason),
    priority: draft.priority,
    severity: draft.severity,
    impact: {
      cost: draft.impact.cost === null || draft.impact.cost === '' ? null : String(draft.impact.cost),
      // A malformed number goes as typed, so the server's refusal names the field.
      scheduleDays: days === '' ? null : /^-?\d+$/.test(days) ? Number(days) : (days as unknown as number),
      scope: orNull(draft.impact.scope),
      quality: orNull(draft.impact.quality),
      risk: orNull(draft.impact.risk),
      benefits: orNull(draft.impact.benefits),
    },
  };
}

/** A 400's `details.errors` ([{ path, message }]) as the form's nested errors. */
function fieldErrors(details: Record<string, unknown>): FormErrors {
  const errors: Record<string, any> = {};
  const list = Array.isArray(details.errors) ? (details.errors as Array<{ path?: unknown; message?: string }>) : [];
  for (const { path, message } of list) {
    const keys = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : [];
    if (!keys.length || !message) continue;
    let node = errors;
    keys.slice(0, -1).forEach((key) => (node = node[key] ??= {}));
    node[keys[keys.length - 1]] = message;
  }
  return errors as FormErrors;
}

const errorAt = (errors: FormErrors, path: string): string | undefined => {
  const value = path.split('.').reduce<any>((node, key) => (node ? node[key] : undefined), errors);
  return typeof value === 'string' ? value : undefined;
};

export const RaiseChangePage = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const projects = useProjects();
  const raise = useRaiseChangeRequest();
  const { allowedActions, isLoading } = useRBAC({ raise: RAISE_PERMISSION });
  const [refusal, setRefusal] = React.useState<string | null>(null);

  if (isLoading) return <Page.Loading />;
  if (!allowedActions.canRaise) return <Page.NoPermissions />;

  const onSubmit = async (values: Draft, helpers: { setErrors: (errors: FormErrors<Draft>) => void }) => {
    setRefusal(null);
    try {
      const created = await raise.mutateAsync(toInput(values));
      toggleNotification({
        type: 'success',
        message: t('cr.raise.done', 'Raised {reference}', { reference: created.reference ?? created.title }),
      });
      navigate(`../${created.documentId}`);
    } catch (caught) {
      const error = toPmoApiError(caught);
      helpers.setErrors(fieldErrors(error.details) as FormErrors<Draft>);
      setRefusal(error.message);
      toggleNotification({ type: 'danger', message: error.message });
    }
  };

  return (
    <Main>
      <Form method="POST" initialValues={EMPTY} onSubmit={onSubmit} width="100%" height="auto">
        {({ values, onChange, errors, isSubmitting }) => {
          const text = (name: string) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            onChange(name, event.target.value);
          const select = (name: string) => (value: string | number) => onChange(name, String(value));
          const v = values as Draft;
          return (
            <>
              <Layouts.Header
                navigationAction={
                  <Link tag={NavLink} to="..">
                    {t('cr.title', 'Change requests')}
                  </Link>
                }
                title={t('cr.raise.title', 'Raise a change')}
                subtitle={t('cr.raise.subtitle', 'You are recorded as its raiser; PMO Hub numbers it and works out who decides it.')}
                primaryAction={
                  <Button type="submit" startIcon={<Check />} loading={isSubmitting}>
                    {t('cr.raise.submit', 'Raise change')}
                  </Button>
                }
              />
              <Layouts.Content>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  {refusal ? (
                    <Box background="danger100" padding={3} hasRadius data-testid="cr-raise-refusal">
                      <Typography textColor="danger700">{refusal}</Typography>
                    </Box>
                  ) : null}
                  <Section title={t('cr.raise.change', 'The change')}>
                    <Grid.Root gap={4}>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="project" required error={errorAt(errors, 'project')}>
                          <Field.Label>{t('cr.project', 'Project')}</Field.Label>
                          <SingleSelect
                            value={v.project}
                            placeholder={projects.isLoading ? '…' : t('cr.raise.pickProject', 'Pick a project')}
                            onChange={select('project')}
                          >
                            {(projects.data ?? []).map((project) => (
                              <SingleSelectOption key={project.documentId} value={project.documentId}>
                                {`${project.code} · ${project.name}`}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <Field.Root name="title" required error={errorAt(errors, 'title')}>
                          <Field.Label>{t('cr.raise.titleField', 'Title')}</Field.Label>
                          <TextInput value={v.title} maxLength={200} onChange={text('title')} />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      {(
                        [
                          ['type', t('cr.type', 'Type'), CHANGE_TYPES, TYPE_LABELS],
                          ['category', t('cr.category', 'Category'), CHANGE_CATEGORIES, CATEGORY_LABELS],
                          ['priority', t('cr.priorityField', 'Priority'), PRIORITIES, {}],
                          ['severity', t('cr.severity', 'Severity'), SEVERITIES, {}],
                        ] as const
                      ).map(([name, label, options, labels]) => (
                        <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="stretch">
                          <Field.Root name={name} error={errorAt(errors, name)}>
                            <Field.Label>{label}</Field.Label>
                            <SingleSelect value={v[name]} onChange={select(name)}>
                              {options.map((option) => (
                                <SingleSelectOption key={option} value={option}>
                                  {(labels as Record<string, string>)[option] ?? capitalise(option)}
                                </SingleSelectOption>
                              ))}
                            </SingleSelect>
                            <Field.Error />
                          </Field.Root>
                        </Grid.Item>
                      ))}
                      {(['description', 'reason'] as const).map((name) => (
                        <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
                          <Field.Root name={name} error={errorAt(errors, name)}>
                            <Field.Label>{name === 'description' ? t('cr.description', 'Description') : t('cr.reason', 'Reason')}</Field.Label>
                            <Textarea value={v[name]} onChange={text(name)} />
                            <Field.Error />
                          </Field.Root>
                        </Grid.Item>
                      ))}
                    </Grid.Root>
                  </Section>
                  <Section title={t('cr.impact', 'Impact')}>
                    <Grid.Root gap={4}>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <MoneyInput
                          {...({
                            type: 'biginteger',
                            name: 'impact.cost',
                            label: t('cr.impact.cost', 'Cost'),
                            hint: t('cr.raise.costHint', 'What the change costs; above the project’s tolerance the change board decides it.'),
                          } as React.ComponentProps<typeof MoneyInput>)}
                        />
                      </Grid.Item>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <Field.Root
                          name="impact.scheduleDays"
                          error={errorAt(errors, 'impact.scheduleDays')}
                          hint={t('cr.raise.daysHint', 'Days of delay (negative if it saves time)')}
                        >
                          <Field.Label>{t('cr.impact.schedule', 'Schedule')}</Field.Label>
                          <TextInput
                            type="number"
                            inputMode="numeric"
                            value={v.impact.scheduleDays}
                            onChange={text('impact.scheduleDays')}
                          />
                          <Field.Hint />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      {(['scope', 'quality', 'risk', 'benefits'] as const).map((key) => (
                        <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                          <Field.Root name={`impact.${key}`} error={errorAt(errors, `impact.${key}`)}>
                            <Field.Label>{t(`cr.impact.${key}`, capitalise(key))}</Field.Label>
                            <Textarea value={v.impact[key]} onChange={text(`impact.${key}`)} />
                            <Field.Error />
                          </Field.Root>
                        </Grid.Item>
                      ))}
                    </Grid.Root>
                  </Section>
                </Flex>
              </Layouts.Content>
            </>
          );
        }}
      </Form>
    </Main>
  );
};

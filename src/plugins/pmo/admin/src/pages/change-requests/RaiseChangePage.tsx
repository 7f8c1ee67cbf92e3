/**
 * Raising a change: project (found as one types), title, type, category, description, reason, impact (cost through
 * the money input, in the organisation currency) and priority/severity. The form is Strapi's own
 * (`Form`, `useField`, `InputRenderer`), checked with the route's contract before it is sent
 * (`contractValidate`); the server numbers the change, derives who decides it and records the
 * caller's person as its raiser. A refusal shows under the field it names (`formErrors`) and at
 * the top of the form.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Grid, Link, Main, TextInput, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import {
  Form,
  InputRenderer,
  Layouts,
  Page,
  useField,
  useNotification,
  useRBAC,
  type FormErrors,
  type FormValues,
} from '@strapi/strapi/admin';
import { NavLink, useNavigate } from 'react-router-dom';

import {
  CHANGE_CATEGORIES,
  CHANGE_TYPES,
  PRIORITIES,
  SEVERITIES,
  useRaiseChangeRequest,
  type RaiseInput,
} from '../../api/changeRequests';
import { toPmoApiError } from '../../api/client';
import { MoneyInput } from '../../components/MoneyInput';
import { SearchPicker } from '../../components/SearchPicker';
import { Section } from '../../components/Section';
import { formErrors } from '../../components/form';
import { useTranslate } from '../../utils/useTranslate';
import { RAISE_PERMISSION } from './ChangeRequestListPage';
import { EMPTY, validate } from './raise-form';
import { CATEGORY_LABELS, TYPE_LABELS, capitalise } from './display';

/** Whole days, typed in a number box (a spin button), kept as typed until the form is sent. */
const DaysField = ({ name, label, hint }: { name: string; label: string; hint: string }) => {
  const field = useField<string>(name);
  return (
    <Field.Root name={name} error={field.error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        type="number"
        inputMode="numeric"
        value={field.value ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => field.onChange(name, event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

const options = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((value) => ({ value, label: labels[value] ?? capitalise(value) }));

export const RaiseChangePage = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const raise = useRaiseChangeRequest();
  const { allowedActions, isLoading } = useRBAC({ raise: RAISE_PERMISSION });
  const [refusal, setRefusal] = React.useState<string | null>(null);

  if (isLoading) return <Page.Loading />;
  if (!allowedActions.canRaise) return <Page.NoPermissions />;

  // Strapi's Form hands onSubmit what `validate` answered: the contract's input, parsed.
  const onSubmit = async (body: RaiseInput, setErrors: (errors: FormErrors) => void) => {
    setRefusal(null);
    try {
      const created = await raise.mutateAsync(body);
      toggleNotification({
        type: 'success',
        message: t('cr.raise.done', 'Raised {reference}', { reference: created.reference ?? created.title }),
      });
      navigate(`../${created.documentId}`);
    } catch (caught) {
      const error = toPmoApiError(caught);
      setErrors(formErrors(error));
      setRefusal(error.message);
      toggleNotification({ type: 'danger', message: error.message });
    }
  };

  const choices = [
    ['type', t('cr.type', 'Type'), options(CHANGE_TYPES, TYPE_LABELS)],
    ['category', t('cr.category', 'Category'), options(CHANGE_CATEGORIES, CATEGORY_LABELS)],
    ['priority', t('cr.priorityField', 'Priority'), options(PRIORITIES)],
    ['severity', t('cr.severity', 'Severity'), options(SEVERITIES)],
  ] as const;

  return (
    <Main>
      <Form<FormValues>
        method="POST"
        initialValues={EMPTY}
        validate={validate}
        onSubmit={(values, { setErrors }) => onSubmit(values as RaiseInput, setErrors)}
        width="100%"
        height="auto"
      >
        {({ isSubmitting }) => (
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
                      <SearchPicker
                        type="project"
                        name="project"
                        required
                        label={t('cr.project', 'Project')}
                        placeholder={t('cr.raise.pickProject', 'Type a project’s code or name')}
                      />
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <InputRenderer type="string" name="title" required label={t('cr.raise.titleField', 'Title')} />
                    </Grid.Item>
                    {choices.map(([name, label, choiceOptions]) => (
                      <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="stretch">
                        <InputRenderer type="enumeration" name={name} required label={label} options={choiceOptions} />
                      </Grid.Item>
                    ))}
                    {(['description', 'reason'] as const).map((name) => (
                      <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
                        <InputRenderer
                          type="text"
                          name={name}
                          label={name === 'description' ? t('cr.description', 'Description') : t('cr.reason', 'Reason')}
                        />
                      </Grid.Item>
                    ))}
                  </Grid.Root>
                </Section>
                <Section title={t('cr.impact', 'Impact')}>
                  <Grid.Root gap={4}>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <MoneyInput
                        type="biginteger"
                        name="impact.cost"
                        label={t('cr.impact.cost', 'Cost')}
                        hint={t('cr.raise.costHint', 'What the change costs; above the project’s tolerance the change board decides it.')}
                      />
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <DaysField
                        name="impact.scheduleDays"
                        label={t('cr.impact.schedule', 'Schedule')}
                        hint={t('cr.raise.daysHint', 'Days of delay (negative if it saves time)')}
                      />
                    </Grid.Item>
                    {(['scope', 'quality', 'risk', 'benefits'] as const).map((key) => (
                      <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                        <InputRenderer type="text" name={`impact.${key}`} label={t(`cr.impact.${key}`, capitalise(key))} />
                      </Grid.Item>
                    ))}
                  </Grid.Root>
                </Section>
              </Flex>
            </Layouts.Content>
          </>
        )}
      </Form>
    </Main>
  );
};

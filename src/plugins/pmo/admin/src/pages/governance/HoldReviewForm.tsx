/**
 * Holding a scheduled gate review: the checklist answered, the decision, the date and reviewers,
 * conditions with owners and due dates for a conditional go, and notes. The contract checks the
 * form before it is sent (a decision must be chosen); the server's refusals show under the fields
 * they name, with their message at the top and, for a go with a must-meet criterion unmet, that
 * criterion in red.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Grid, IconButton, Radio, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { Form, useField, useForm, useNotification } from '@strapi/strapi/admin';

import { toPmoApiError, type PmoApiError } from '../../api/client';
import { GATE_DECISIONS, useUpdateReview, type GateDecision, type GateReview } from '../../api/governance';
import { DateField, TextareaField, TextField } from '../../components/fields';
import { contractForm, formErrors, orNull } from '../../components/form';
import { PeoplePicker, pickedPerson, type Picked } from '../../components/PeoplePicker';
import { Section } from '../../components/Section';
import { todayIso } from '../../utils/dates';
import type { Translate } from '../../utils/useTranslate';
import { reviewInput } from '../../../../shared/contracts/governance';
import { z } from '../../../../shared/contracts/common';
import { decisionLabel, gateTitle } from './display';
import { ReviewChecklist, type Answer } from './ReviewChecklist';
import { ReviewersField } from './ReviewersField';

type ConditionDraft = { text: string; owner: Picked | null; dueDate: string };

type HoldValues = {
  heldDate: string;
  reviewers: Picked[];
  checklist: Answer[];
  decision: GateDecision | '';
  conditions: ConditionDraft[];
  notes: string;
};

/** What holding sends: the update's input with a decision, which the form asks for before sending. */
const holdInput = reviewInput.extend({ decision: z.enum(GATE_DECISIONS, { error: 'Choose a decision' }) });

const toBody = (values: HoldValues) => ({
  heldDate: orNull(values.heldDate),
  reviewers: values.reviewers.map((person) => person.documentId),
  checklist: values.checklist.map(({ key, met, notes }) => ({ key, met, notes: notes.trim() || null })),
  decision: values.decision || undefined,
  ...(values.decision === 'conditional-go'
    ? { conditions: values.conditions.map((condition) => ({ text: condition.text, owner: condition.owner?.documentId, dueDate: condition.dueDate })) }
    : {}),
  notes: values.notes.trim() ? values.notes : null,
});

const initialValuesOf = (review: GateReview): HoldValues => ({
  heldDate: todayIso(),
  reviewers: review.reviewers.map(pickedPerson),
  checklist: review.checklist.map((item) => ({ key: item.key, met: item.met, notes: item.notes ?? '' })),
  decision: '',
  conditions: [],
  notes: review.notes ?? '',
});

export const HoldReviewForm = ({ review, t }: { review: GateReview; t: Translate }) => {
  const { toggleNotification } = useNotification();
  const update = useUpdateReview();
  const [refusal, setRefusal] = React.useState<PmoApiError | null>(null);
  const initialValues = React.useMemo(() => initialValuesOf(review), [review]);
  const unmet = Array.isArray(refusal?.details.criteria) ? (refusal.details.criteria as string[]) : [];

  const form = contractForm(holdInput, toBody, async (body, { setErrors }) => {
    setRefusal(null);
    try {
      const saved = await update.mutateAsync({ documentId: review.documentId, input: body });
      toggleNotification({
        type: 'success',
        message: t('governance.hold.done', '{gate} decided: {decision}', {
          gate: gateTitle(saved.gate, saved.gateName),
          decision: decisionLabel(t, saved.decision!),
        }),
      });
    } catch (error) {
      setErrors(formErrors(error));
      setRefusal(toPmoApiError(error));
    }
  });

  return (
    <Box data-testid="pmo-gov-hold-form">
      <Form method="PUT" initialValues={initialValues} width="100%" height="auto" {...form}>
        {({ values, isSubmitting }) => (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {refusal ? (
              <Box background="danger100" padding={3} hasRadius>
                <Typography variant="omega" textColor="danger700" role="alert" data-testid="pmo-gov-hold-error">
                  {refusal.message}
                </Typography>
              </Box>
            ) : null}

            <Section title={t('governance.hold.checklist', 'Checklist')}>
              <ReviewChecklist items={review.checklist} answering unmet={unmet} t={t} />
            </Section>

            <Section title={t('governance.hold.decisionTitle', 'Decision')}>
              <Grid.Root gap={4}>
                <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                  <DecisionField t={t} />
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <DateField name="heldDate" label={t('governance.hold.heldDate', 'Held on')} />
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <ReviewersField hint={t('governance.hold.reviewersHint', 'Who sat on the review.')} />
                </Grid.Item>
              </Grid.Root>
            </Section>

            {(values as HoldValues).decision === 'conditional-go' ? (
              <Section title={t('governance.hold.conditions', 'Conditions')}>
                <ConditionsField t={t} />
              </Section>
            ) : null}

            <Section title={t('governance.hold.notesTitle', 'Notes')}>
              <TextareaField name="notes" label={t('governance.hold.notes', 'Notes')} />
            </Section>

            <Flex justifyContent="flex-end">
              <Button type="submit" size="L" loading={isSubmitting}>
                {t('governance.hold.submit', 'Record the decision')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Form>
    </Box>
  );
};

const DecisionField = ({ t }: { t: Translate }) => {
  const decision = useField('decision');
  return (
    <>
      <Field.Root name="decision" error={decision.error} required>
        <Field.Label>{t('governance.hold.decision', 'Decision')}</Field.Label>
        <Radio.Group
          value={(decision.value as string) ?? ''}
          onValueChange={(value: string) => decision.onChange('decision', value)}
          aria-label={t('governance.hold.decision', 'Decision')}
          style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 24 }}
        >
          {GATE_DECISIONS.map((d) => (
            <Radio.Item key={d} value={d}>
              {decisionLabel(t, d)}
            </Radio.Item>
          ))}
        </Radio.Group>
        <Field.Error />
      </Field.Root>
      <Box paddingTop={2}>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'governance.hold.decisionHint',
            'Go and conditional go let the project through the gate (every must-meet criterion of a mandatory standard met); hold and recycle keep it where it is; stop leaves only cancellation.'
          )}
        </Typography>
      </Box>
    </>
  );
};

/** The conditions of a conditional go, as the form's `conditions.<n>.text`, `.owner` and `.dueDate`. */
const ConditionsField = ({ t }: { t: Translate }) => {
  const conditions = useField('conditions');
  const addFieldRow = useForm('ConditionsField', (form) => form.addFieldRow);
  const removeFieldRow = useForm('ConditionsField', (form) => form.removeFieldRow);
  const rows = (conditions.value as ConditionDraft[] | undefined) ?? [];
  const empty: ConditionDraft = { text: '', owner: null, dueDate: '' };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-gov-conditions-form">
      {/* A refusal of the list itself ("a conditional go needs at least one condition"). */}
      {conditions.error && !rows.length ? (
        <Typography variant="pi" textColor="danger600">
          {conditions.error}
        </Typography>
      ) : null}
      {rows.map((_, index) => (
        <Grid.Root key={index} gap={3} data-testid="pmo-gov-condition-row">
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField name={`conditions.${index}.text`} label={t('governance.condition.text', 'Condition')} required />
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <PeoplePicker name={`conditions.${index}.owner`} label={t('governance.condition.owner', 'Owner')} required />
          </Grid.Item>
          <Grid.Item col={2} s={10} direction="column" alignItems="stretch">
            <DateField name={`conditions.${index}.dueDate`} label={t('governance.condition.due', 'Due')} required />
          </Grid.Item>
          <Grid.Item col={1} s={2} alignItems="flex-end">
            <IconButton
              label={t('governance.condition.remove', 'Remove condition {n}', { n: index + 1 })}
              variant="ghost"
              onClick={() => removeFieldRow('conditions', index)}
            >
              <Trash />
            </IconButton>
          </Grid.Item>
        </Grid.Root>
      ))}
      <Box>
        <Button variant="secondary" startIcon={<Plus />} onClick={() => addFieldRow('conditions', empty)}>
          {t('governance.condition.add', 'Add condition')}
        </Button>
      </Box>
    </Flex>
  );
};

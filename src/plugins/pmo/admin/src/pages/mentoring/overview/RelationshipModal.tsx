/**
 * Start a mentoring relationship (a PMO manager or director for anyone, anyone else as the
 * mentor), or change one: goals, focus competencies, dates, status. Mentor and mentee are fixed
 * once it exists. Strapi's `Form`, judged by the route's contract before sending; the server's
 * refusals show under the field they name.
 */
import * as React from 'react';

import {
  Button,
  Field,
  Flex,
  Grid,
  Loader,
  Modal,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Form, useField, useForm, useNotification, type FormHelpers } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import { relationshipCreate, relationshipUpdate } from '../../../../../shared/contracts/mentoring';
import {
  RELATIONSHIP_STATUSES,
  useCompetencies,
  useCreateRelationship,
  useMentoringMe,
  useUpdateRelationship,
  type MentoringRelationship,
  type PersonRef,
  type RelationshipCreate,
  type RelationshipStatus,
  type RelationshipUpdate,
} from '../../../api/mentoring';
import { PeoplePicker, pickedPerson, type Picked } from '../../../components/PeoplePicker';
import { contractValidate, formErrors } from '../../../components/form';
import { DateField, TextareaField, messageOf } from '../../../components/fields';
import { useTranslate } from '../../../utils/useTranslate';
import { todayIso } from '../display';
import { MENTORING_PATH, statusLabel } from '../relationship/RelationshipPage';

type RelationshipValues = {
  mentor: Picked | null;
  mentee: Picked | null;
  goals: string;
  focusCompetencies: string[];
  startDate: string;
  endDate: string;
  status: RelationshipStatus;
};

/** The form's values, and the body `validate` makes of them, as Strapi's `Form` carries both. */
type FormValues = Record<string, unknown>;

const picked = (person: PersonRef | null | undefined) => (person ? pickedPerson(person) : null);

const valuesOf = (relationship?: MentoringRelationship, me?: PersonRef | null): RelationshipValues => ({
  mentor: picked(relationship?.mentor ?? me),
  mentee: picked(relationship?.mentee),
  goals: relationship?.goals ?? '',
  focusCompetencies: relationship?.focusCompetencies.map((c) => c.documentId) ?? [],
  startDate: relationship?.startDate ?? todayIso(),
  endDate: relationship?.endDate ?? '',
  status: relationship?.status ?? 'active',
});

/** What is sent: mentor and mentee only when starting one (they are fixed afterwards). */
function relationshipBody(values: RelationshipValues, starting: boolean) {
  return {
    ...(starting ? { mentor: values.mentor?.documentId, mentee: values.mentee?.documentId } : {}),
    goals: values.goals.trim() === '' ? null : values.goals,
    focusCompetencies: values.focusCompetencies,
    startDate: values.startDate,
    endDate: values.endDate === '' ? null : values.endDate,
    status: values.status,
  };
}

export const RelationshipModal = ({
  relationship,
  onClose,
}: {
  relationship?: MentoringRelationship;
  onClose: () => void;
}) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const me = useMentoringMe();
  const create = useCreateRelationship();
  const update = useUpdateRelationship();
  const oversight = me.data?.seesAllRelationships ?? false;
  const myself = me.data?.people[0] ?? null;
  // Someone without oversight starts relationships as their mentor only.
  const initialValues = React.useMemo(() => valuesOf(relationship, oversight ? null : myself), [relationship, oversight, myself]);
  const validate = contractValidate(relationship ? relationshipUpdate : relationshipCreate, (values: FormValues) =>
    relationshipBody(values as RelationshipValues, !relationship)
  );

  // `Form` hands over what `validate` answered: the contract's output, the body to send.
  const onSubmit = async (body: FormValues, { setErrors }: FormHelpers<FormValues>) => {
    try {
      if (relationship) {
        await update.mutateAsync({ documentId: relationship.documentId, input: body as RelationshipUpdate });
        toggleNotification({ type: 'success', message: t('mentoring.relationshipForm.saved', 'Relationship saved') });
        onClose();
      } else {
        const created = await create.mutateAsync(body as RelationshipCreate);
        toggleNotification({ type: 'success', message: t('mentoring.relationshipForm.created', 'Relationship started') });
        onClose();
        navigate(`${MENTORING_PATH}/relationships/${encodeURIComponent(created.documentId)}`);
      }
    } catch (error) {
      setErrors(formErrors(error));
    }
  };

  const title = relationship
    ? t('mentoring.relationshipForm.editTitle', 'Edit the relationship')
    : t('mentoring.relationshipForm.newTitle', 'New mentoring relationship');

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? undefined : onClose())}>
      <Modal.Content>
        {me.isLoading ? (
          <Modal.Body>
            <Loader />
          </Modal.Body>
        ) : (
          <Form<FormValues> method={relationship ? 'PUT' : 'POST'} width="100%" height="auto" initialValues={initialValues} validate={validate} onSubmit={onSubmit}>
            <Modal.Header>
              <Modal.Title>{title}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Refusal />
                <Grid.Root gap={4}>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    {relationship || !oversight ? (
                      <Fixed name="mentor" label={t('mentoring.relationship.mentor', 'Mentor')} />
                    ) : (
                      <PeoplePicker name="mentor" label={t('mentoring.relationship.mentor', 'Mentor')} required />
                    )}
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    {relationship ? (
                      <Fixed name="mentee" label={t('mentoring.relationship.mentee', 'Mentee')} />
                    ) : (
                      <PeoplePicker name="mentee" label={t('mentoring.relationship.mentee', 'Mentee')} required />
                    )}
                  </Grid.Item>
                  <Grid.Item col={12} direction="column" alignItems="stretch">
                    <FocusField />
                  </Grid.Item>
                  <Grid.Item col={12} direction="column" alignItems="stretch">
                    <TextareaField name="goals" label={t('mentoring.relationship.goals', 'Goals')} />
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <DateField name="startDate" label={t('mentoring.relationshipForm.start', 'Start date')} required />
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <DateField name="endDate" label={t('mentoring.relationshipForm.end', 'End date')} />
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <StatusField />
                  </Grid.Item>
                </Grid.Root>
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">{t('mentoring.form.cancel', 'Cancel')}</Button>
              </Modal.Close>
              <Button type="submit" loading={create.isLoading || update.isLoading}>
                {relationship ? t('mentoring.form.save', 'Save') : t('mentoring.relationshipForm.create', 'Start relationship')}
              </Button>
            </Modal.Footer>
          </Form>
        )}
      </Modal.Content>
    </Modal.Root>
  );
};

/** The server's words when its refusal names no field (403, 409). */
const Refusal = () => {
  const message = useForm('Refusal', (state) => (state.errors as Record<string, unknown>)['']);
  return typeof message === 'string' ? (
    <Typography variant="omega" textColor="danger600" role="alert">
      {message}
    </Typography>
  ) : null;
};

const FocusField = () => {
  const t = useTranslate();
  const competencies = useCompetencies();
  const field = useField<string[]>('focusCompetencies');
  const chosen = field.value ?? [];
  return (
    <Field.Root name="focusCompetencies" error={messageOf(field.rawError)}>
      <Field.Label>{t('mentoring.relationship.focus', 'Focus competencies')}</Field.Label>
      <MultiSelect
        value={chosen}
        onChange={(value: string[]) => field.onChange('focusCompetencies', value)}
        placeholder={t('mentoring.relationshipForm.focusPlaceholder', 'Choose up to 10')}
        withTags
      >
        {(competencies.data ?? [])
          .filter((c) => c.active || chosen.includes(c.documentId))
          .map((c) => (
            <MultiSelectOption key={c.documentId} value={c.documentId}>
              {c.name}
            </MultiSelectOption>
          ))}
      </MultiSelect>
      <Field.Error />
    </Field.Root>
  );
};

const StatusField = () => {
  const t = useTranslate();
  const field = useField<RelationshipStatus>('status');
  return (
    <Field.Root name="status" error={field.error}>
      <Field.Label>{t('mentoring.relationshipForm.status', 'Status')}</Field.Label>
      <SingleSelect value={field.value} onChange={(value: string | number) => field.onChange('status', String(value) as RelationshipStatus)}>
        {RELATIONSHIP_STATUSES.map((status) => (
          <SingleSelectOption key={status} value={status}>
            {statusLabel(t, status)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};

/** A person who cannot be changed here. */
const Fixed = ({ name, label }: { name: string; label: string }) => {
  const field = useField<Picked | null>(name);
  return (
    <Field.Root error={field.error}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={field.value?.label ?? ''} disabled />
      <Field.Error />
    </Field.Root>
  );
};

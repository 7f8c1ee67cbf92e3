/**
 * Start a mentoring relationship (a PMO manager or director for anyone, anyone else as the
 * mentor), or change one: goals, focus competencies, dates, status. Mentor and mentee are fixed
 * once it exists. Server refusals show under the field they name.
 */
import * as React from 'react';

import {
  Button,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  Grid,
  Modal,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useDebounce, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import { fieldErrors, type PmoApiError } from '../../../api/client';
import {
  RELATIONSHIP_STATUSES,
  useCompetencies,
  useCreateRelationship,
  useMentoringMe,
  usePeople,
  useUpdateRelationship,
  type MentoringRelationship,
  type PersonRef,
  type RelationshipInput,
  type RelationshipStatus,
} from '../../../api/mentoring';
import { useTranslate } from '../../../utils/useTranslate';
import { personName, todayIso } from '../display';
import { DateField, TextareaField } from '../../../components/fields';
import { MENTORING_PATH, statusLabel } from '../relationship/RelationshipPage';

type Draft = {
  mentor: PersonRef | null;
  mentee: PersonRef | null;
  goals: string;
  focusCompetencies: string[];
  startDate: string;
  endDate: string;
  status: RelationshipStatus;
};

const draftOf = (relationship?: MentoringRelationship, me?: PersonRef | null): Draft => ({
  mentor: relationship?.mentor ?? me ?? null,
  mentee: relationship?.mentee ?? null,
  goals: relationship?.goals ?? '',
  focusCompetencies: relationship?.focusCompetencies.map((c) => c.documentId) ?? [],
  startDate: relationship?.startDate ?? todayIso(),
  endDate: relationship?.endDate ?? '',
  status: relationship?.status ?? 'active',
});

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
  const competencies = useCompetencies();
  const create = useCreateRelationship();
  const update = useUpdateRelationship();
  const oversight = me.data?.seesAllRelationships ?? false;
  const myself = me.data?.people[0] ?? null;
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(relationship, oversight ? null : myself));
  const [errors, setErrors] = React.useState<Record<string, string[]>>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  // Someone without oversight starts relationships as their mentor only.
  React.useEffect(() => {
    if (!relationship && !oversight && myself && !draft.mentor) set('mentor', myself);
  }, [relationship, oversight, myself, draft.mentor]);

  const at = (field: string) => {
    const found = Object.entries(errors)
      .filter(([path]) => path === field || path.startsWith(`${field}.`))
      .flatMap(([, list]) => list);
    return found.length ? found.join(' ') : undefined;
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const common: RelationshipInput = {
      goals: draft.goals.trim() === '' ? null : draft.goals,
      focusCompetencies: draft.focusCompetencies,
      startDate: draft.startDate,
      endDate: draft.endDate === '' ? null : draft.endDate,
      status: draft.status,
    };
    const refused = (error: PmoApiError) => {
      setErrors(fieldErrors(error));
      setMessage(error.message);
    };
    if (relationship) {
      update.mutate(
        { documentId: relationship.documentId, input: common },
        {
          onSuccess() {
            toggleNotification({ type: 'success', message: t('mentoring.relationshipForm.saved', 'Relationship saved') });
            onClose();
          },
          onError: refused,
        }
      );
    } else {
      create.mutate(
        { ...common, mentor: draft.mentor?.documentId ?? '', mentee: draft.mentee?.documentId ?? '' },
        {
          onSuccess(created) {
            toggleNotification({ type: 'success', message: t('mentoring.relationshipForm.created', 'Relationship started') });
            onClose();
            navigate(`${MENTORING_PATH}/relationships/${encodeURIComponent(created.documentId)}`);
          },
          onError: refused,
        }
      );
    }
  };

  const title = relationship
    ? t('mentoring.relationshipForm.editTitle', 'Edit the relationship')
    : t('mentoring.relationshipForm.newTitle', 'New mentoring relationship');

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? undefined : onClose())}>
      <Modal.Content>
        <form onSubmit={onSubmit} noValidate>
          <Modal.Header>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {message ? (
                <Typography variant="omega" textColor="danger600" role="alert">
                  {message}
                </Typography>
              ) : null}
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {relationship || !oversight ? (
                    <Fixed label={t('mentoring.relationship.mentor', 'Mentor')} value={personName(draft.mentor)} error={at('mentor')} />
                  ) : (
                    <PersonField
                      name="mentor"
                      label={t('mentoring.relationship.mentor', 'Mentor')}
                      value={draft.mentor}
                      onChange={(person) => set('mentor', person)}
                      error={at('mentor')}
                    />
                  )}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {relationship ? (
                    <Fixed label={t('mentoring.relationship.mentee', 'Mentee')} value={personName(draft.mentee)} error={at('mentee')} />
                  ) : (
                    <PersonField
                      name="mentee"
                      label={t('mentoring.relationship.mentee', 'Mentee')}
                      value={draft.mentee}
                      onChange={(person) => set('mentee', person)}
                      error={at('mentee')}
                    />
                  )}
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root name="focusCompetencies" error={at('focusCompetencies')}>
                    <Field.Label>{t('mentoring.relationship.focus', 'Focus competencies')}</Field.Label>
                    <MultiSelect
                      value={draft.focusCompetencies}
                      onChange={(value: string[]) => set('focusCompetencies', value)}
                      placeholder={t('mentoring.relationshipForm.focusPlaceholder', 'Choose up to 10')}
                      withTags
                    >
                      {(competencies.data ?? [])
                        .filter((c) => c.active || draft.focusCompetencies.includes(c.documentId))
                        .map((c) => (
                          <MultiSelectOption key={c.documentId} value={c.documentId}>
                            {c.name}
                          </MultiSelectOption>
                        ))}
                    </MultiSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <TextareaField
                    name="goals"
                    label={t('mentoring.relationship.goals', 'Goals')}
                    error={at('goals')}
                    value={draft.goals}
                    onChange={(value) => set('goals', value)}
                  />
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <DateField
                    name="startDate"
                    label={t('mentoring.relationshipForm.start', 'Start date')}
                    error={at('startDate')}
                    required
                    value={draft.startDate}
                    onChange={(value) => set('startDate', value)}
                  />
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <DateField
                    name="endDate"
                    label={t('mentoring.relationshipForm.end', 'End date')}
                    error={at('endDate')}
                    value={draft.endDate}
                    onChange={(value) => set('endDate', value)}
                  />
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="status" error={at('status')}>
                    <Field.Label>{t('mentoring.relationshipForm.status', 'Status')}</Field.Label>
                    <SingleSelect value={draft.status} onChange={(value: string | number) => set('status', String(value) as RelationshipStatus)}>
                      {RELATIONSHIP_STATUSES.map((status) => (
                        <SingleSelectOption key={status} value={status}>
                          {statusLabel(t, status)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
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
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

const Fixed = ({ label, value, error }: { label: string; value: string; error?: string }) => (
  <Field.Root error={error}>
    <Field.Label>{label}</Field.Label>
    <TextInput value={value} disabled />
    <Field.Error />
  </Field.Root>
);

/** A person of the directory, searched by name as one types. */
const PersonField = ({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  error?: string;
}) => {
  const t = useTranslate();
  const [search, setSearch] = React.useState('');
  const debounced = useDebounce(search, 250);
  const people = usePeople(debounced);
  const options = [...(value ? [value] : []), ...(people.data ?? []).filter((p) => p.documentId !== value?.documentId)];
  return (
    <Field.Root name={name} error={error} required>
      <Field.Label>{label}</Field.Label>
      <Combobox
        value={value?.documentId ?? ''}
        loading={people.isFetching}
        autocomplete={{ type: 'list', filter: 'contains' }}
        onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
        onChange={(documentId?: string) => onChange(options.find((p) => p.documentId === documentId) ?? null)}
        onClear={() => onChange(null)}
        placeholder={t('mentoring.relationshipForm.personPlaceholder', 'Type a name')}
        noOptionsMessage={() => t('mentoring.relationshipForm.noPeople', 'Nobody by that name')}
      >
        {options.map((person) => (
          <ComboboxOption key={person.documentId} value={person.documentId}>
            {`${person.fullName} (${person.email})`}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Error />
    </Field.Root>
  );
};

/** The reviewers of a gate review: people of the directory, several at once. */
import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';

import type { PersonRef } from '../../api/governance';
import { usePeople } from '../../api/mentoring';
import { useTranslate } from '../../utils/useTranslate';

type Props = {
  value: string[];
  onChange: (documentIds: string[]) => void;
  /** People already on the review, offered even when the directory's first page leaves them out. */
  current?: PersonRef[];
  hint: string;
  error?: string;
};

export const ReviewersField = ({ value, onChange, current = [], hint, error }: Props) => {
  const t = useTranslate();
  const people = usePeople('');
  const options = [...current, ...(people.data ?? []).filter((person) => !current.some((known) => known.documentId === person.documentId))];
  return (
    <Field.Root name="reviewers" error={error} hint={hint}>
      <Field.Label>{t('governance.schedule.reviewers', 'Reviewers')}</Field.Label>
      <MultiSelect
        value={value}
        onChange={onChange}
        placeholder={t('governance.schedule.reviewersPlaceholder', 'Choose reviewers')}
        withTags
      >
        {options.map((person) => (
          <MultiSelectOption key={person.documentId} value={person.documentId}>
            {person.fullName}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

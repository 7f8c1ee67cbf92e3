/**
 * The session form's fields, inside Strapi's `Form` (SessionFormPage): when, how long, topics, a
 * rating of 1 to 5 per focus competency, shared and confidential notes, and action items. Each
 * field shows the form's error at its path, found by the contract or refused by the server.
 */
import * as React from 'react';

import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  IconButton,
  Radio,
  SingleSelect,
  SingleSelectOption,
  DatePicker,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Lock, Plus, Trash } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';

import { RATINGS, type ActionItemOwner, type CompetencyRef } from '../../../api/mentoring';
import { DateField, TextareaField, dateOfDay, dayOfDate, messageOf } from '../../../components/fields';
import { Section } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { useFormatDay } from '../display';
import { emptyItem, type ItemValues, type SessionValues } from './model';

export type RatingRow = { competency: CompetencyRef; previous: { rating: number; date: string } | null };

type Props = {
  ratingRows: RatingRow[];
  /** The date of each session an item may have been carried from. */
  sessionDates: Map<string, string>;
  showConfidential: boolean;
};

export const SessionForm = ({ ratingRows, sessionDates, showConfidential }: Props) => {
  const t = useTranslate();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Section title={t('mentoring.form.session', 'Session')}>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <DateField name="date" label={t('mentoring.form.date', 'Date')} required />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <DurationField />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TopicsField />
          </Grid.Item>
        </Grid.Root>
      </Section>

      <RatingsSection rows={ratingRows} />

      <Section title={t('mentoring.form.notes', 'Notes')}>
        <TextareaField
          name="sharedNotes"
          label={t('mentoring.form.sharedNotes', 'Shared notes')}
          hint={t('mentoring.form.sharedHint', 'Seen by the mentor, the mentee and PMO managers and directors.')}
        />
        {showConfidential ? (
          <TextareaField
            name="confidentialNotes"
            label={t('mentoring.form.confidentialNotes', 'Confidential notes')}
            labelAction={<Lock aria-hidden />}
            hint={t('mentoring.form.confidentialHint', 'Seen only by the mentor, the mentee and PMO directors.')}
          />
        ) : null}
      </Section>

      <ActionItemsSection sessionDates={sessionDates} />
    </Flex>
  );
};

/** Minutes as typed (text), so a value that is not a whole number reaches the contract to be named. */
const DurationField = () => {
  const t = useTranslate();
  const field = useField<string>('durationMinutes');
  return (
    <Field.Root name="durationMinutes" error={field.error} hint={t('mentoring.form.durationHint', 'In minutes')} required>
      <Field.Label>{t('mentoring.form.duration', 'Duration (minutes)')}</Field.Label>
      <TextInput
        type="number"
        inputMode="numeric"
        min={1}
        max={1440}
        step={5}
        value={field.value ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => field.onChange('durationMinutes', event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

const TopicsField = () => {
  const t = useTranslate();
  const field = useField<string>('topics');
  return (
    <Field.Root name="topics" error={field.error}>
      <Field.Label>{t('mentoring.form.topics', 'Topics')}</Field.Label>
      <TextInput
        value={field.value ?? ''}
        placeholder={t('mentoring.form.topicsPlaceholder', 'What you talked about')}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => field.onChange('topics', event.target.value)}
      />
      <Field.Error />
    </Field.Root>
  );
};

const RatingsSection = ({ rows }: { rows: RatingRow[] }) => {
  const t = useTranslate();
  const field = useField<SessionValues['ratings']>('ratings');
  const ratings = field.value ?? [];
  const rate = (competency: string, rating: number | null) => {
    const others = ratings.filter((r) => r.competency !== competency);
    const index = ratings.findIndex((r) => r.competency === competency);
    if (rating === null) field.onChange('ratings', others);
    else if (index === -1) field.onChange('ratings', [...ratings, { competency, rating }]);
    else field.onChange('ratings', ratings.map((r) => (r.competency === competency ? { competency, rating } : r)));
  };
  return (
    <Section title={t('mentoring.form.ratings', 'Ratings')} data-testid="pmo-form-ratings">
      <Typography variant="pi" textColor="neutral600">
        {t('mentoring.form.ratingsHint', '1: just starting · 3: capable · 5: a role model. Leave a competency unrated if it did not come up.')}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="omega" textColor="neutral600">
          {t('mentoring.form.noFocus', 'This relationship has no focus competencies; set them with “Edit relationship”.')}
        </Typography>
      ) : (
        rows.map((row) => {
          const index = ratings.findIndex((r) => r.competency === row.competency.documentId);
          return (
            <RatingField
              key={row.competency.documentId}
              row={row}
              index={index}
              value={index === -1 ? null : ratings[index].rating}
              onChange={(rating) => rate(row.competency.documentId, rating)}
            />
          );
        })
      )}
      {field.error ? (
        <Typography variant="pi" textColor="danger600">
          {field.error}
        </Typography>
      ) : null}
    </Section>
  );
};

const RatingField = ({
  row,
  index,
  value,
  onChange,
}: {
  row: RatingRow;
  /** Where this competency's rating is in the ratings sent; -1 when it is not rated. */
  index: number;
  value: number | null;
  onChange: (rating: number | null) => void;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const { rawError } = useField(`ratings.${index}`);
  const name = row.competency.name;
  return (
    <Field.Root
      name={`rating-${row.competency.key}`}
      error={index === -1 ? undefined : messageOf(rawError)}
      data-testid="pmo-form-rating"
      data-competency={row.competency.key}
    >
      <Grid.Root gap={2} style={{ alignItems: 'center' }}>
        <Grid.Item col={4} s={12} direction="column" alignItems="flex-start">
          <Typography variant="omega" fontWeight="bold">
            {name}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {row.previous
              ? t('mentoring.form.previous', 'Last rated {rating} on {date}', {
                  rating: row.previous.rating,
                  date: formatDay(row.previous.date),
                })
              : t('mentoring.form.neverRated', 'Not rated before')}
          </Typography>
        </Grid.Item>
        <Grid.Item col={8} s={12}>
          <Radio.Group
            aria-label={t('mentoring.form.ratingOf', '{name} rating', { name })}
            value={value === null ? 'none' : String(value)}
            onValueChange={(next: string) => onChange(next === 'none' ? null : Number(next))}
            style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 20 }}
          >
            {RATINGS.map((rating) => (
              <Radio.Item key={rating} value={String(rating)}>
                {String(rating)}
              </Radio.Item>
            ))}
            <Radio.Item value="none">{t('mentoring.form.notRated', 'Not rated')}</Radio.Item>
          </Radio.Group>
        </Grid.Item>
      </Grid.Root>
      <Field.Error />
    </Field.Root>
  );
};

const ActionItemsSection = ({ sessionDates }: { sessionDates: Map<string, string> }) => {
  const t = useTranslate();
  const field = useField<ItemValues[]>('actionItems');
  const items = field.value ?? [];
  return (
    <Section
      title={t('mentoring.form.actionItems', 'Action items')}
      data-testid="pmo-form-items"
      action={
        <Button variant="secondary" startIcon={<Plus />} onClick={() => field.onChange('actionItems', [...items, emptyItem()])}>
          {t('mentoring.form.addItem', 'Add an action item')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <Typography variant="omega" textColor="neutral600">
          {t('mentoring.form.noItems', 'No action items. Add what the mentee (or the mentor) will do before the next session.')}
        </Typography>
      ) : (
        items.map((item, index) => (
          <ItemRow
            key={item.key}
            item={item}
            index={index}
            carriedFromDate={item.carriedFrom ? sessionDates.get(item.carriedFrom) ?? null : null}
            onRemove={() => field.onChange('actionItems', items.filter((other) => other.key !== item.key))}
          />
        ))
      )}
      {field.error ? (
        <Typography variant="pi" textColor="danger600">
          {field.error}
        </Typography>
      ) : null}
    </Section>
  );
};

const ItemRow = ({
  item,
  index,
  carriedFromDate,
  onRemove,
}: {
  item: ItemValues;
  index: number;
  carriedFromDate: string | null;
  onRemove: () => void;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const path = `actionItems.${index}`;
  const { onChange, rawError } = useField(path);
  const set = (leaf: keyof ItemValues, value: unknown) => onChange(`${path}.${leaf}`, value);
  const error = (leaf: string) => messageOf((rawError as Record<string, unknown> | undefined)?.[leaf]);
  // `id` problems (an item no longer open, or carried on) are about the row as a whole.
  const rowError = [typeof rawError === 'string' ? rawError : undefined, error('id'), error('done')].filter(Boolean).join(' ') || undefined;
  const number = index + 1;
  return (
    <Box
      padding={3}
      hasRadius
      background={rowError ? 'danger100' : 'neutral100'}
      data-testid="pmo-form-item"
      data-carried={item.carriedFrom ? 'true' : undefined}
    >
      {item.carriedFrom ? (
        <Box paddingBottom={2}>
          <Typography variant="pi" textColor="primary600">
            {carriedFromDate
              ? t('mentoring.form.carriedFrom', 'Carried forward from the session of {date}', { date: formatDay(carriedFromDate) })
              : t('mentoring.form.carried', 'Carried forward from an earlier session')}
          </Typography>
        </Box>
      ) : null}
      <Grid.Root gap={3} style={{ alignItems: 'start' }}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name={`${path}.text`} error={error('text')}>
            <TextInput
              aria-label={t('mentoring.form.itemText', 'Action item {number}', { number })}
              placeholder={t('mentoring.form.itemPlaceholder', 'What will be done')}
              value={item.text}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('text', event.target.value)}
            />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={4} direction="column" alignItems="stretch">
          <Field.Root name={`${path}.owner`} error={error('owner')}>
            <SingleSelect
              aria-label={t('mentoring.form.itemOwner', 'Owner of action item {number}', { number })}
              value={item.owner}
              onChange={(next: string | number) => set('owner', String(next) as ActionItemOwner)}
            >
              <SingleSelectOption value="mentee">{t('mentoring.owner.mentee', 'Mentee')}</SingleSelectOption>
              <SingleSelectOption value="mentor">{t('mentoring.owner.mentor', 'Mentor')}</SingleSelectOption>
            </SingleSelect>
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={4} direction="column" alignItems="stretch">
          <Field.Root name={`${path}.dueDate`} error={error('dueDate')}>
            <DatePicker
              locale="en-GB"
              aria-label={t('mentoring.form.itemDue', 'Due date of action item {number}', { number })}
              value={dateOfDay(item.dueDate ?? '')}
              onChange={(date: Date | undefined) => set('dueDate', dayOfDate(date))}
              onClear={() => set('dueDate', '')}
              clearLabel={t('mentoring.form.itemDueClear', 'Clear the due date of action item {number}', { number })}
            />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={4}>
          <Flex gap={3} alignItems="center" paddingTop={2}>
            <Checkbox checked={item.done} onCheckedChange={(checked: boolean | 'indeterminate') => set('done', checked === true)}>
              {t('mentoring.form.itemDone', 'Done')}
            </Checkbox>
            <IconButton label={t('mentoring.form.removeItem', 'Remove action item {number}', { number })} variant="ghost" onClick={onRemove}>
              <Trash />
            </IconButton>
          </Flex>
        </Grid.Item>
      </Grid.Root>
      {rowError ? (
        <Typography variant="pi" textColor="danger600" data-testid="pmo-form-item-error">
          {rowError}
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * The session form: when, how long, topics, a rating of 1 to 5 per focus competency, shared and
 * confidential notes, and action items. Server refusals show under the field they name.
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
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Lock, Plus, Trash } from '@strapi/icons';

import type { ActionItemOwner, CompetencyRef } from '../../../api/mentoring';
import { useTranslate } from '../../../utils/useTranslate';
import { useFormatDay } from '../display';
import { DateField, TextareaField } from '../../../components/fields';
import { Section } from '../../../components/Section';
import { emptyItem, type FormErrors, type ItemDraft, type SessionDraft } from './model';

export type RatingRow = { competency: CompetencyRef; previous: { rating: number; date: string } | null };

type Props = {
  draft: SessionDraft;
  onChange: (draft: SessionDraft) => void;
  ratingRows: RatingRow[];
  errors: FormErrors;
  /** The date of each session an item may have been carried from. */
  sessionDates: Map<string, string>;
  showConfidential: boolean;
};

const messages = (errors: FormErrors, where: string) => (errors[where]?.length ? errors[where].join(' ') : undefined);

export const SessionForm = ({ draft, onChange, ratingRows, errors, sessionDates, showConfidential }: Props) => {
  const t = useTranslate();
  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => onChange({ ...draft, [key]: value });
  const setItem = (key: string, change: Partial<ItemDraft>) =>
    set(
      'actionItems',
      draft.actionItems.map((item) => (item.key === key ? { ...item, ...change } : item))
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Section title={t('mentoring.form.session', 'Session')}>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <DateField
              name="date"
              label={t('mentoring.form.date', 'Date')}
              error={messages(errors, 'date')}
              required
              value={draft.date}
              onChange={(value) => set('date', value)}
            />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root
              name="durationMinutes"
              error={messages(errors, 'durationMinutes')}
              hint={t('mentoring.form.durationHint', 'In minutes')}
              required
            >
              <Field.Label>{t('mentoring.form.duration', 'Duration (minutes)')}</Field.Label>
              <TextInput
                type="number"
                inputMode="numeric"
                min={1}
                max={1440}
                step={5}
                value={draft.durationMinutes}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('durationMinutes', event.target.value)}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="topics" error={messages(errors, 'topics')}>
              <Field.Label>{t('mentoring.form.topics', 'Topics')}</Field.Label>
              <TextInput
                value={draft.topics}
                placeholder={t('mentoring.form.topicsPlaceholder', 'What you talked about')}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('topics', event.target.value)}
              />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
      </Section>

      <Section title={t('mentoring.form.ratings', 'Ratings')} data-testid="pmo-form-ratings">
        <Typography variant="pi" textColor="neutral600">
          {t('mentoring.form.ratingsHint', '1: just starting · 3: capable · 5: a role model. Leave a competency unrated if it did not come up.')}
        </Typography>
        {ratingRows.length === 0 ? (
          <Typography variant="omega" textColor="neutral600">
            {t('mentoring.form.noFocus', 'This relationship has no focus competencies; set them with “Edit relationship”.')}
          </Typography>
        ) : (
          ratingRows.map((row) => (
            <RatingField
              key={row.competency.documentId}
              row={row}
              value={draft.ratings[row.competency.documentId] ?? null}
              error={messages(errors, `rating:${row.competency.documentId}`)}
              onChange={(rating) => set('ratings', { ...draft.ratings, [row.competency.documentId]: rating })}
            />
          ))
        )}
        {messages(errors, 'ratings') ? (
          <Typography variant="pi" textColor="danger600">
            {messages(errors, 'ratings')}
          </Typography>
        ) : null}
      </Section>

      <Section title={t('mentoring.form.notes', 'Notes')}>
        <TextareaField
          name="sharedNotes"
          label={t('mentoring.form.sharedNotes', 'Shared notes')}
          hint={t('mentoring.form.sharedHint', 'Seen by the mentor, the mentee and PMO managers and directors.')}
          error={messages(errors, 'sharedNotes')}
          value={draft.sharedNotes}
          onChange={(value) => set('sharedNotes', value)}
        />
        {showConfidential ? (
          <TextareaField
            name="confidentialNotes"
            label={t('mentoring.form.confidentialNotes', 'Confidential notes')}
            labelAction={<Lock aria-hidden />}
            hint={t('mentoring.form.confidentialHint', 'Seen only by the mentor, the mentee and PMO directors.')}
            error={messages(errors, 'confidentialNotes')}
            value={draft.confidentialNotes}
            onChange={(value) => set('confidentialNotes', value)}
          />
        ) : null}
      </Section>

      <Section
        title={t('mentoring.form.actionItems', 'Action items')}
        data-testid="pmo-form-items"
        action={
          <Button
            variant="secondary"
            startIcon={<Plus />}
            onClick={() => set('actionItems', [...draft.actionItems, emptyItem()])}
          >
            {t('mentoring.form.addItem', 'Add an action item')}
          </Button>
        }
      >
        {draft.actionItems.length === 0 ? (
          <Typography variant="omega" textColor="neutral600">
            {t('mentoring.form.noItems', 'No action items. Add what the mentee (or the mentor) will do before the next session.')}
          </Typography>
        ) : (
          draft.actionItems.map((item, index) => (
            <ItemRow
              key={item.key}
              item={item}
              number={index + 1}
              errors={errors}
              carriedFromDate={item.carriedFrom ? sessionDates.get(item.carriedFrom) ?? null : null}
              onChange={(change) => setItem(item.key, change)}
              onRemove={() => set('actionItems', draft.actionItems.filter((other) => other.key !== item.key))}
            />
          ))
        )}
        {messages(errors, 'actionItems') ? (
          <Typography variant="pi" textColor="danger600">
            {messages(errors, 'actionItems')}
          </Typography>
        ) : null}
      </Section>
    </Flex>
  );
};

const RatingField = ({
  row,
  value,
  error,
  onChange,
}: {
  row: RatingRow;
  value: number | null;
  error?: string;
  onChange: (rating: number | null) => void;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const name = row.competency.name;
  return (
    <Field.Root name={`rating-${row.competency.key}`} error={error} data-testid="pmo-form-rating" data-competency={row.competency.key}>
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
            {[1, 2, 3, 4, 5].map((rating) => (
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

const ItemRow = ({
  item,
  number,
  errors,
  carriedFromDate,
  onChange,
  onRemove,
}: {
  item: ItemDraft;
  number: number;
  errors: FormErrors;
  carriedFromDate: string | null;
  onChange: (change: Partial<ItemDraft>) => void;
  onRemove: () => void;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const at = (leaf: string) => messages(errors, `item:${item.key}:${leaf}`);
  const rowError = at('row');
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
          <Field.Root name={`actionItems.${number - 1}.text`} error={at('text')}>
            <TextInput
              aria-label={t('mentoring.form.itemText', 'Action item {number}', { number })}
              placeholder={t('mentoring.form.itemPlaceholder', 'What will be done')}
              value={item.text}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ text: event.target.value })}
            />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={4} direction="column" alignItems="stretch">
          <Field.Root name={`actionItems.${number - 1}.owner`} error={at('owner')}>
            <SingleSelect
              aria-label={t('mentoring.form.itemOwner', 'Owner of action item {number}', { number })}
              value={item.owner}
              onChange={(next: string | number) => onChange({ owner: String(next) as ActionItemOwner })}
            >
              <SingleSelectOption value="mentee">{t('mentoring.owner.mentee', 'Mentee')}</SingleSelectOption>
              <SingleSelectOption value="mentor">{t('mentoring.owner.mentor', 'Mentor')}</SingleSelectOption>
            </SingleSelect>
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={4} direction="column" alignItems="stretch">
          <Field.Root name={`actionItems.${number - 1}.dueDate`} error={at('dueDate')}>
            <TextInput
              type="date"
              aria-label={t('mentoring.form.itemDue', 'Due date of action item {number}', { number })}
              value={item.dueDate}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ dueDate: event.target.value })}
            />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={4}>
          <Flex gap={3} alignItems="center" paddingTop={2}>
            <Checkbox
              checked={item.done}
              onCheckedChange={(checked: boolean | 'indeterminate') => onChange({ done: checked === true })}
            >
              {t('mentoring.form.itemDone', 'Done')}
            </Checkbox>
            <IconButton
              label={t('mentoring.form.removeItem', 'Remove action item {number}', { number })}
              variant="ghost"
              onClick={onRemove}
            >
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

/**
 * Pickers that search the server as the user types (`GET /pmo/search`, api/search.ts): a person,
 * a project, a programme or a portfolio, one or several. The server finds by name, code or email,
 * accents aside, among what the user may read; the list shows what it answers, best first.
 *
 * A picked item is kept with its label ({ documentId, label, code }), so a form shows its people
 * and projects without asking the server again; the form's `toBody` sends the documentIds. Like
 * the other fields (fields.tsx), a picker is a form field inside Strapi's `Form` or a controlled
 * input given `value` and `onChange`.
 */
import * as React from 'react';

import { Combobox, ComboboxOption, Field, Flex, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useDebounce } from '@strapi/strapi/admin';

import { SEARCH_MIN_LENGTH, isSearchable, useSearch, type SearchType } from '../api/search';
import { useTranslate } from '../utils/useTranslate';
import { useFormField, type FieldProps } from './fields';

/** An item picked: its documentId (what a form sends) and what a person reads. */
export type Picked = { documentId: string; label: string; code?: string };

/** How an item reads in the list and in the input: "PRJ-7 · Atlas platform", "Rita Reviewer". */
export const pickedText = (item: Picked) => (item.code ? `${item.code} · ${item.label}` : item.label);

/** A person as the contracts answer one (`{ documentId, fullName }`), as a picked item. */
export const pickedPerson = (person: { documentId: string; fullName: string }): Picked => ({
  documentId: person.documentId,
  label: person.fullName,
});

/** A project, programme or portfolio (`{ documentId, code, name }`), as a picked item. */
export const pickedItem = (item: { documentId: string; code: string; name: string }): Picked => ({
  documentId: item.documentId,
  label: item.name,
  code: item.code,
});

/** Time to wait after a key before asking the server. */
const TYPING_PAUSE_MS = 250;

type Common = Omit<FieldProps<never>, 'value' | 'onChange'> & { placeholder?: string };
type One = { multiple?: false; value?: Picked | null; onChange?: (value: Picked | null) => void };
type Several = { multiple: true; value?: Picked[]; onChange?: (value: Picked[]) => void };

export type PickerProps = Common & (One | Several);
export type SearchPickerProps = PickerProps & { type: SearchType };

export const SearchPicker = (props: SearchPickerProps) => {
  const t = useTranslate();
  const field = useFormField<Picked | Picked[] | null>(props as FieldProps<Picked | Picked[] | null>, props.multiple ? [] : null);
  const picked = Array.isArray(field.value) ? field.value : field.value ? [field.value] : [];
  const selected = props.multiple ? null : (picked[0] ?? null);
  const selectedText = selected ? pickedText(selected) : '';

  const [text, setText] = React.useState(selectedText);
  const [open, setOpen] = React.useState(false);
  /** Set while an item is being added to several, whose input then empties for the next one. */
  const adding = React.useRef(false);
  React.useEffect(() => setText(selectedText), [selectedText]);

  // The selected item's own text is not a query; a query is asked once typing pauses.
  const typed = text === selectedText ? '' : text;
  const query = useDebounce(typed, TYPING_PAUSE_MS);
  const search = useSearch(props.type, query);
  const searching = isSearchable(typed) && (typed !== query || search.isFetching);
  const found = isSearchable(query) ? (search.data ?? []) : [];
  const isPicked = (documentId: string) => picked.some((item) => item.documentId === documentId);
  const options: Picked[] = props.multiple
    ? found.filter((item) => !isPicked(item.documentId))
    : [...found, ...picked.filter((item) => !found.some((result) => result.documentId === item.documentId))];

  const choose = (documentId: string | undefined) => {
    const item = options.find((option) => option.documentId === documentId);
    if (!props.multiple) return field.onChange(item ?? null);
    if (!item) return;
    adding.current = true;
    setText('');
    field.onChange([...picked, item]);
  };
  const remove = (documentId: string) => field.onChange(picked.filter((item) => item.documentId !== documentId));

  const words = {
    placeholder: props.type === 'person' ? t('search.placeholder.person', 'Type a name or an email') : t('search.placeholder.item', 'Type a name or a code'),
    typeMore: t('search.typeMore', 'Type at least {count} characters', { count: SEARCH_MIN_LENGTH }),
    nothing: (typed: string) => t('search.nothing', 'Nothing found for “{text}”', { text: typed.trim() }),
  };

  return (
    <Field.Root name={props.name} error={field.error ?? search.error?.message} hint={props.hint} required={props.required}>
      <Field.Label action={props.labelAction}>{props.label}</Field.Label>
      <Combobox
        autocomplete="none"
        value={selected?.documentId ?? ''}
        onChange={choose}
        textValue={text}
        onTextValueChange={(next: string | undefined) => {
          if (adding.current) adding.current = false;
          else setText(next ?? '');
        }}
        onInputChange={() => setOpen(true)}
        open={open}
        onOpenChange={setOpen}
        onClear={props.multiple || props.required ? undefined : () => field.onChange(null)}
        clearLabel={t('search.clear', 'Clear')}
        disabled={props.disabled}
        loading={searching}
        loadingMessage={t('search.loading', 'Searching…')}
        noOptionsMessage={(typed: string) => (isSearchable(typed) ? words.nothing(typed) : words.typeMore)}
        placeholder={props.placeholder ?? words.placeholder}
      >
        {options.map((item) => (
          <ComboboxOption key={item.documentId} value={item.documentId} textValue={pickedText(item)}>
            {pickedText(item)}
          </ComboboxOption>
        ))}
      </Combobox>
      {props.multiple && picked.length ? (
        <Flex gap={2} wrap="wrap" paddingTop={1} data-testid="pmo-picked">
          {picked.map((item) => (
            <Tag
              key={item.documentId}
              icon={<Cross />}
              label={t('search.remove', 'Remove {name}', { name: pickedText(item) })}
              disabled={props.disabled}
              onClick={(event: React.MouseEvent<HTMLButtonElement>) => {
                event.preventDefault(); // the tag's button would otherwise submit the form around it
                remove(item.documentId);
              }}
            >
              {pickedText(item)}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/**
 * The editor's form controls: design-system fields that show the problems anchored at their
 * path (problems.ts) under themselves, with DOM ids the problem list can jump to.
 */
import * as React from 'react';

import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  IconButton,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';

import type { ComponentInfo, ContentTypeInfo, WorkflowSummary } from '../../../api/client';
import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import type { Translate } from '../../../utils/useTranslate';
import { fieldId, type ProblemIndex } from './problems';

/* ---- what every control of the editor may need ------------------------------------------------ */

export type EditorContextValue = {
  definition: WorkflowDefinition;
  problems: ProblemIndex;
  contentTypes: ContentTypeInfo[];
  components: ComponentInfo[];
  /** Every stored workflow (a guard may name the states of another, e.g. change requests'). */
  workflows: WorkflowSummary[];
  /** The PMO roles with their names (GET /pmo/workflow-roles). */
  roles: Array<{ code: string; name: string }>;
  readOnly: boolean;
  t: Translate;
};

const EditorContext = React.createContext<EditorContextValue | null>(null);

export const EditorProvider = EditorContext.Provider;

export function useEditor() {
  const context = React.useContext(EditorContext);
  if (!context) throw new Error('useEditor must be used inside the workflow editor');
  return context;
}

/* ---- problems ------------------------------------------------------------------------------- */

/** The messages anchored at `anchor`, one per line, with the id the field's aria-describedby names. */
export const ProblemList = ({ anchor, messages }: { anchor: string; messages: string[] }) =>
  messages.length ? (
    <Flex direction="column" alignItems="stretch" gap={1} id={`${fieldId(anchor)}-error`}>
      {messages.map((message, index) => (
        <Typography
          key={index}
          variant="pi"
          textColor="danger600"
          data-testid="pmo-problem"
          data-path={anchor}
        >
          {message}
        </Typography>
      ))}
    </Flex>
  ) : null;

/** Problems that belong to a row or a section rather than one field. */
export const RowProblems = ({ anchor }: { anchor: string }) => {
  const { problems } = useEditor();
  const messages = problems.at(anchor);
  return messages.length ? (
    <Box id={fieldId(anchor)} tabIndex={-1} background="danger100" padding={2} hasRadius>
      <ProblemList anchor={anchor} messages={messages} />
    </Box>
  ) : null;
};

type FieldFrameProps = {
  anchor: string;
  label: string;
  hint?: string;
  required?: boolean;
  children: React.ReactNode;
};

/** Label, input, hint and problems: the frame every editor field shares. */
const FieldFrame = ({ anchor, label, hint, required, children }: FieldFrameProps) => {
  const { problems } = useEditor();
  const messages = problems.at(anchor);
  return (
    <Field.Root
      id={fieldId(anchor)}
      name={anchor}
      error={messages.length ? messages.join(' ') : undefined}
      hint={hint}
      required={required}
      data-anchor={anchor}
      data-invalid={messages.length ? 'true' : undefined}
    >
      <Field.Label>{label}</Field.Label>
      {children}
      {messages.length ? <ProblemList anchor={anchor} messages={messages} /> : <Field.Hint />}
    </Field.Root>
  );
};

/* ---- inputs --------------------------------------------------------------------------------- */

type TextFieldProps = Omit<FieldFrameProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  /** Id of a <datalist> of suggestions. */
  list?: string;
  type?: string;
};

export const TextField = ({ value, onChange, placeholder, disabled, list, type, ...frame }: TextFieldProps) => {
  const { readOnly } = useEditor();
  return (
    <FieldFrame {...frame}>
      <TextInput
        value={value}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        placeholder={placeholder}
        disabled={disabled || readOnly}
        list={list}
        type={type ?? 'text'}
        autoComplete="off"
      />
    </FieldFrame>
  );
};

/**
 * Text that stands for a typed value (a number, a list): the person's text is kept while they
 * type, and `parse` gives the value to store; a value changed elsewhere (JSON view) shows anew.
 */
export const ParsedTextField = <T,>({
  value,
  parse,
  format,
  onChange,
  ...rest
}: Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: T;
  parse: (text: string) => T;
  format: (value: T) => string;
  onChange: (value: T) => void;
}) => {
  const [text, setText] = React.useState(() => format(value));
  const formatted = format(value);
  React.useEffect(() => {
    setText((current) => (format(parse(current)) === formatted ? current : formatted));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formatted]);
  return (
    <TextField
      {...rest}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parse(next));
      }}
    />
  );
};

export type Choice = { value: string; label: string };

/** Adds the current value when it is not among the choices, so an unknown value still shows. */
const withCurrent = (choices: Choice[], current: string[], t: Translate) => [
  ...choices,
  ...current
    .filter((value) => value !== '' && !choices.some((choice) => choice.value === value))
    .map((value) => ({ value, label: t('workflow.editor.unknownChoice', '{value} (unknown)', { value }) })),
];

type SelectFieldProps = Omit<FieldFrameProps, 'children'> & {
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  /** A button that empties the field (then the placeholder says what applies), named `clearLabel`. */
  onClear?: () => void;
  clearLabel?: string;
};

export const SelectField = ({ value, choices, onChange, placeholder, disabled, onClear, clearLabel, ...frame }: SelectFieldProps) => {
  const { readOnly, t } = useEditor();
  const clearable = onClear && !readOnly && !disabled;
  return (
    <FieldFrame {...frame}>
      <SingleSelect
        value={value || undefined}
        onChange={(next: string | number) => onChange(String(next))}
        placeholder={placeholder}
        disabled={disabled || readOnly}
        onClear={clearable ? () => onClear() : undefined}
        clearLabel={clearable ? clearLabel : undefined}
      >
        {withCurrent(choices, [value], t).map((choice) => (
          <SingleSelectOption key={choice.value} value={choice.value}>
            {choice.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </FieldFrame>
  );
};

type MultiSelectFieldProps = Omit<FieldFrameProps, 'children'> & {
  value: string[];
  choices: Choice[];
  onChange: (value: string[]) => void;
  placeholder?: string;
};

export const MultiSelectField = ({ value, choices, onChange, placeholder, ...frame }: MultiSelectFieldProps) => {
  const { readOnly, t } = useEditor();
  return (
    <FieldFrame {...frame}>
      <MultiSelect
        value={value}
        onChange={(next: string[]) => onChange(next)}
        placeholder={placeholder}
        disabled={readOnly}
        withTags
      >
        {withCurrent(choices, value, t).map((choice) => (
          <MultiSelectOption key={choice.value} value={choice.value}>
            {choice.label}
          </MultiSelectOption>
        ))}
      </MultiSelect>
    </FieldFrame>
  );
};

type CheckboxFieldProps = {
  anchor: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
};

export const CheckboxField = ({ anchor, label, checked, onChange, hint }: CheckboxFieldProps) => {
  const { problems, readOnly } = useEditor();
  const messages = problems.at(anchor);
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-anchor={anchor}>
      <Checkbox
        id={fieldId(anchor)}
        checked={checked}
        onCheckedChange={(next: boolean | 'indeterminate') => onChange(next === true)}
        disabled={readOnly}
      >
        {label}
      </Checkbox>
      {hint && !messages.length ? (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ) : null}
      <ProblemList anchor={anchor} messages={messages} />
    </Flex>
  );
};

/* ---- rows ----------------------------------------------------------------------------------- */

type RowActionsProps = {
  index: number;
  count: number;
  what: string;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/** Move up, move down, remove: the actions of a row in an ordered list. */
export const RowActions = ({ index, count, what, onMove, onRemove }: RowActionsProps) => {
  const { readOnly, t } = useEditor();
  if (readOnly) return null;
  return (
    <Flex gap={1}>
      <IconButton
        label={t('workflow.editor.moveUp', 'Move {what} up', { what })}
        onClick={() => onMove(index - 1)}
        disabled={index === 0}
        variant="ghost"
      >
        <ArrowUp />
      </IconButton>
      <IconButton
        label={t('workflow.editor.moveDown', 'Move {what} down', { what })}
        onClick={() => onMove(index + 1)}
        disabled={index === count - 1}
        variant="ghost"
      >
        <ArrowDown />
      </IconButton>
      <IconButton
        label={t('workflow.editor.remove', 'Remove {what}', { what })}
        onClick={onRemove}
        variant="ghost"
      >
        <Trash />
      </IconButton>
    </Flex>
  );
};

/** A white card with a heading: one section of the form. */
export const Section = ({
  title,
  description,
  actions,
  children,
  testId,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius data-testid={testId}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          {description ? (
            <Typography variant="pi" textColor="neutral600">
              {description}
            </Typography>
          ) : null}
        </Flex>
        {actions ? <Box style={{ flexShrink: 0 }}>{actions}</Box> : null}
      </Flex>
      {children}
    </Flex>
  </Box>
);

/** The heading of a sub-list (actors, guards, effects) with its "Add" button. */
export const ListHeader = ({ title, hint, addLabel, onAdd }: { title: string; hint: string; addLabel: string; onAdd: () => void }) => {
  const { readOnly } = useEditor();
  return (
    <Flex justifyContent="space-between" alignItems="center" gap={2}>
      <Flex direction="column" alignItems="flex-start">
        <Typography variant="sigma" textColor="neutral600">
          {title}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      </Flex>
      {readOnly ? null : (
        <Button size="S" variant="tertiary" startIcon={<Plus />} style={{ flexShrink: 0, whiteSpace: 'nowrap' }} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </Flex>
  );
};

/** Suggestions for a text input (`list` attribute). */
export const Suggestions = ({ id, values }: { id: string; values: string[] }) => (
  <datalist id={id}>
    {values.map((value) => (
      <option key={value} value={value} />
    ))}
  </datalist>
);

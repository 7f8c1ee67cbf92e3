import * as React from 'react';

import { Field, Flex, Typography } from '@strapi/design-system';
import { useField, type InputProps } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { formatMinorGrouped, parseMoneyInput } from '../../../shared/money';
import { usePmoSettings } from '../api/client';
import { getTranslation } from '../utils/getTranslation';

type MoneyInputProps = InputProps & { labelAction?: React.ReactNode };

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
const isMinor = (value: unknown) => /^-?\d+$/.test(String(value));

/** Minor units as the editor reads them; anything else (an amount being corrected) as it is. */
const display = (value: unknown) =>
  isEmpty(value) ? '' : isMinor(value) ? formatMinorGrouped(String(value)) : String(value);

/**
 * Editors type an amount as `1234.50` or `1,234.50`; the form holds integer minor units
 * ("123450"), which is what the API stores and carries.
 */
export const MoneyInput = React.forwardRef<HTMLInputElement, MoneyInputProps>(
  ({ hint, disabled = false, labelAction, label, name, required = false, placeholder }, ref) => {
    const { formatMessage } = useIntl();
    const { onChange, value, error } = useField(name);
    const { data: settings } = usePmoSettings();
    const [text, setText] = React.useState(() => display(value));
    const [parseError, setParseError] = React.useState<string | null>(null);
    const editing = React.useRef(false);

    // Follow the form when it changes underneath us (load, reset), not while the user types.
    React.useEffect(() => {
      if (editing.current) return;
      setText(display(value));
      if (isEmpty(value) || isMinor(value)) setParseError(null);
    }, [value]);

    const commit = (next: string) => {
      if (next.trim() === '') {
        setParseError(null);
        onChange(name, null);
        return;
      }
      const parsed = parseMoneyInput(next);
      if (parsed.ok) {
        setParseError(null);
        onChange(name, parsed.minor);
      } else {
        // The form must not keep the last amount that parsed (12.34 of 12.345, 1,234 of 1,2345):
        // it gets the text as typed, which is not minor units, so the Content Manager's
        // validation refuses to save it (and the API would too).
        onChange(name, next);
        setParseError(
          formatMessage(
            { id: getTranslation('money.invalid'), defaultMessage: 'The amount {problem}' },
            { problem: parsed.error }
          )
        );
      }
    };

    return (
      <Field.Root name={name} id={name} error={parseError ?? error} hint={hint} required={required}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Field.Label action={labelAction}>{label}</Field.Label>
          <Field.Input
            ref={ref}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            disabled={disabled}
            placeholder={placeholder || '0.00'}
            value={text}
            data-money-field={name}
            startAction={
              <Typography variant="pi" textColor="neutral600" data-testid="money-currency">
                {settings?.currency ?? ''}
              </Typography>
            }
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              editing.current = true;
              setText(event.target.value);
              commit(event.target.value);
            }}
            onBlur={() => {
              editing.current = false;
              if (!parseError) setText(display(value));
            }}
          />
          <Field.Hint />
          <Field.Error />
        </Flex>
      </Field.Root>
    );
  }
);

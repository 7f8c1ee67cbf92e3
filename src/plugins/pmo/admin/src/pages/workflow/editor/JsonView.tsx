import * as React from 'react';

import { Field, Textarea } from '@strapi/design-system';

import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import { useTranslate } from '../../../utils/useTranslate';
import { normalizeDefinition } from './model';

type JsonViewProps = {
  definition: WorkflowDefinition;
  onChange: (definition: WorkflowDefinition) => void;
  readOnly: boolean;
};

const pretty = (definition: WorkflowDefinition) => JSON.stringify(definition, null, 2);

/** Where a JSON.parse error points, as "line 3, column 7" (V8 reports a character position). */
function locate(text: string, message: string) {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

/**
 * The definition as JSON for power users. Every edit that parses goes straight into the form (and
 * the diagram); text that does not parse stays here with the reason, and the form keeps the last
 * definition that did.
 */
export const JsonView = ({ definition, onChange, readOnly }: JsonViewProps) => {
  const t = useTranslate();
  const [text, setText] = React.useState(() => pretty(definition));
  const [error, setError] = React.useState<string | null>(null);
  const formatted = pretty(definition);

  // A definition changed elsewhere (saved, reloaded) replaces the text unless it says the same.
  React.useEffect(() => {
    setText((current) => {
      try {
        return pretty(normalizeDefinition(JSON.parse(current))) === formatted ? current : formatted;
      } catch {
        return current;
      }
    });
  }, [formatted]);

  const edit = (next: string) => {
    setText(next);
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (caught) {
      setError(locate(next, caught instanceof Error ? caught.message : String(caught)));
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError(t('workflow.json.notObject', 'A workflow definition is a JSON object: { "key": …, "states": […], … }'));
      return;
    }
    setError(null);
    onChange(normalizeDefinition(parsed as Record<string, unknown>));
  };

  return (
    <Field.Root
      name="definition-json"
      id="pmo-wf-json"
      error={error ?? undefined}
      hint={t(
        'workflow.json.hint',
        'Edits that parse update the form and the diagram at once; Validate checks them against the server.'
      )}
    >
      <Field.Label>{t('workflow.json.label', 'Definition (JSON)')}</Field.Label>
      <Textarea
        value={text}
        disabled={readOnly}
        spellCheck={false}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => edit(event.target.value)}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, minHeight: 560 }}
        data-testid="pmo-wf-json"
      />
      {error ? <Field.Error /> : <Field.Hint />}
    </Field.Root>
  );
};

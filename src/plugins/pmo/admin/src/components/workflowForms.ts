/**
 * The admin side of the guard and effect catalogue. The server's capabilities register their
 * guard and effect types with the engine (server/src/<capability>/index.ts: registerGuard,
 * registerEffect); their admin modules register here, by the same type key, what the workflow
 * editor shows for it: a name, a sentence, a one-line summary of a configuration, its defaults
 * and its form (fields described as data, or a component of its own). A type registered on the
 * server only is shown read-only, as JSON, with a sentence saying so.
 */
import type * as React from 'react';

import type { WorkflowDefinition, WorkflowSummary } from '../../../shared/contracts/workflow';

/** What a form reads of a content type or component (the Content Manager's /init, as api/client types it). */
type AttributeInfo = { type: string; target?: string; component?: string };
type ContentTypeInfo = { uid: string; info: { displayName: string }; attributes: Record<string, AttributeInfo> };
type ComponentInfo = { uid: string; attributes: Record<string, AttributeInfo> };

export type Config = Record<string, unknown> & { type: string };
export type Choice = { value: string; label: string };

/** What a form may read: the workflow being edited, the schemas, the other workflows, role names. */
export type FormContext = {
  definition: WorkflowDefinition;
  contentTypes: ContentTypeInfo[];
  components: ComponentInfo[];
  workflows: WorkflowSummary[];
  roles: Array<{ code: string; name: string }>;
};

type Common = {
  /** The option's key in the configuration. */
  name: string;
  label: string;
  hint?: string;
  /** Left out of the configuration when empty (the server's default applies). */
  optional?: boolean;
};

/** One field of a form described as data; the editor draws it with its own controls. */
export type FieldSpec =
  | (Common & { kind: 'text'; placeholder?: string; suggestions?: (context: FormContext) => string[] })
  | (Common & { kind: 'number'; min?: number; max?: number })
  | (Common & { kind: 'select'; choices: Choice[] | ((context: FormContext) => Choice[]); numeric?: boolean })
  | (Common & { kind: 'multiselect'; choices: Choice[] | ((context: FormContext) => Choice[]) });

/** A form drawn by its own component, for what fields described as data cannot say. */
export type FormProps = { anchor: string; config: Config; onChange: (config: Config) => void };

export type TypeForm = {
  type: string;
  /** What a person calls it: "Gate review decided". */
  label: string;
  /** One sentence: what it checks or does. */
  description: string;
  /** One line, in words, for a configuration: "Gate 3's review decided go or conditional go". */
  summary?: (config: Config, context: FormContext) => string;
  defaults: () => Record<string, unknown>;
  fields?: FieldSpec[];
  Form?: React.ComponentType<FormProps>;
};

const guards = new Map<string, TypeForm>();
const effects = new Map<string, TypeForm>();

function register(into: Map<string, TypeForm>, what: string, form: TypeForm) {
  if (into.has(form.type)) throw new Error(`the ${what} form "${form.type}" is already registered`);
  into.set(form.type, form);
}

export const registerGuardForm = (form: TypeForm) => register(guards, 'guard', form);
export const registerEffectForm = (form: TypeForm) => register(effects, 'effect', form);

export const guardForm = (type: string) => guards.get(type);
export const effectForm = (type: string) => effects.get(type);
export const guardForms = () => [...guards.values()];
export const effectForms = () => [...effects.values()];

/** A configuration to start from for a type: its defaults (an unknown type: none). */
export const defaultConfig = (kind: 'guards' | 'effects', type: string): Config => ({
  ...((kind === 'guards' ? guards : effects).get(type)?.defaults() ?? {}),
  type,
});

/* ---- words every form may use --------------------------------------------------------------- */

/** `sponsor` → "Sponsor", `project.manager` → "Project's manager", `impact.cost` → "Impact's cost". */
export function fieldWords(path: string): string {
  const words = path
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join("'s ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "a", "a or b", "a, b or c". */
export function orList(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** A role's name, or its code when the server has not named it. */
export const roleName = (context: Pick<FormContext, 'roles'>, code: string) =>
  context.roles.find((role) => role.code === code)?.name ?? code;

/** The names of states of the workflow that governs `uid` (e.g. change requests'), by key. */
export function statesOf(context: FormContext, uid: string): Choice[] {
  const definition = uid === context.definition.appliesTo ? context.definition : context.workflows.find((w) => w.appliesTo === uid)?.definition;
  return (definition?.states ?? []).filter((state) => state.key).map((state) => ({ value: state.key, label: state.name || state.key }));
}

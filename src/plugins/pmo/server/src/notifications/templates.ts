/**
 * Templates as data: seeded from default-templates.ts when absent, edited by a PMO administrator
 * (placeholders checked at save), rendered when a message is queued. No template engine: the
 * renderer (shared/notification-render.ts) substitutes `{{placeholders}}` and nothing else.
 */
import type { Core } from '@strapi/strapi';
import {
  COMMON_PLACEHOLDERS,
  FALLBACK_TEMPLATE,
  NOTIFICATION_TEMPLATE_UID,
  TEMPLATE_KEYS,
  TEMPLATE_PLACEHOLDERS,
  placeholdersOf,
  type TemplateAnswer,
  type TemplateInput,
  type TemplateKey,
} from '../../../shared/contracts/notifications';
import { renderTemplate, unknownPlaceholders, type TemplateParts } from '../../../shared/notification-render';
import { errors, invalidFields } from '../platform/errors';
import { DEFAULT_TEMPLATES } from './default-templates';
import { newDocumentId } from './ids';
import { notificationsConfig } from './settings';

type TemplateRow = { id: number; key: string; subject: string; text: string; html: string; updatedAt?: string | Date | null };

const query = (strapi: Core.Strapi) => strapi.db.query(NOTIFICATION_TEMPLATE_UID as never);
/** Own keys only: `constructor` or `toString` name no template (`in` would find them on Object.prototype). */
const isKnown = (key: string): key is TemplateKey => Object.prototype.hasOwnProperty.call(TEMPLATE_PLACEHOLDERS, key);

/** Seeds every default template that is absent; an existing one (perhaps edited) is kept. */
export async function seedTemplates(strapi: Core.Strapi) {
  const existing = (await query(strapi).findMany({ select: ['key'] })) as Array<{ key: string }>;
  const have = new Set(existing.map((row) => row.key));
  for (const key of TEMPLATE_KEYS) {
    if (have.has(key)) continue;
    const at = new Date();
    // Two instances starting together: the unique index keeps one row.
    await strapi.db
      .queryBuilder(NOTIFICATION_TEMPLATE_UID as never)
      .insert({ documentId: newDocumentId(), key, ...DEFAULT_TEMPLATES[key], createdAt: at, updatedAt: at, publishedAt: at })
      .onConflict(['key'])
      .ignore()
      .execute();
  }
}

/** The stored template of a key, else its default, else the fallback (a notify naming a key PMO Hub does not know). */
export async function templateFor(strapi: Core.Strapi, key: string): Promise<TemplateParts> {
  const row = (await query(strapi).findOne({ where: { key }, select: ['subject', 'text', 'html'] })) as TemplateParts | null;
  if (row) return row;
  if (isKnown(key)) return DEFAULT_TEMPLATES[key];
  if (key !== FALLBACK_TEMPLATE) return templateFor(strapi, FALLBACK_TEMPLATE);
  return DEFAULT_TEMPLATES[FALLBACK_TEMPLATE];
}

/** Renders a template with the values; `appUrl` is always PMO_APP_URL. */
export async function render(strapi: Core.Strapi, key: string, values: Record<string, string>, trusted: Record<string, string> = {}) {
  const template = await templateFor(strapi, key);
  return renderTemplate(template, { ...values, appUrl: notificationsConfig(strapi).appUrl }, trusted);
}

const PLACEHOLDER_WORDS: Record<string, string> = { ...COMMON_PLACEHOLDERS };

function describe(key: TemplateKey) {
  const entry = TEMPLATE_PLACEHOLDERS[key];
  const words: Record<string, string> = { ...PLACEHOLDER_WORDS, ...entry.placeholders };
  return {
    description: entry.description,
    placeholders: placeholdersOf(key).map((name) => ({ name, description: words[name] ?? '' })),
  };
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value ? new Date(String(value)).toISOString() : null);

function answer(key: TemplateKey, row: TemplateRow | null): TemplateAnswer {
  const parts = row ?? DEFAULT_TEMPLATES[key];
  return { key, ...describe(key), subject: parts.subject, text: parts.text, html: parts.html, updatedAt: iso(row?.updatedAt) };
}

function known(key: string): TemplateKey {
  if (!isKnown(key)) throw new errors.NotFoundError(`PMO Hub has no email template "${key}"`);
  return key;
}

export async function listTemplates(strapi: Core.Strapi): Promise<TemplateAnswer[]> {
  const rows = (await query(strapi).findMany({})) as TemplateRow[];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return TEMPLATE_KEYS.map((key) => answer(key, byKey.get(key) ?? null));
}

export async function getTemplate(strapi: Core.Strapi, key: string): Promise<TemplateAnswer> {
  const known_ = known(key);
  return answer(known_, (await query(strapi).findOne({ where: { key } })) as TemplateRow | null);
}

/** Refuses, by field, anything between double braces that the template does not offer. */
function checkPlaceholders(key: TemplateKey, parts: Partial<TemplateParts>) {
  const allowed = placeholdersOf(key);
  const problems: Array<{ path: string[]; message: string }> = [];
  for (const field of ['subject', 'text', 'html'] as const) {
    const value = parts[field];
    if (value === undefined) continue;
    const unknown = unknownPlaceholders(value, allowed);
    if (unknown.length) {
      problems.push({
        path: [field],
        message: `The ${field === 'html' ? 'HTML' : field} uses ${unknown.slice(0, 3).join(', ')}, which this template does not offer: use only ${allowed
          .map((name) => `{{${name}}}`)
          .join(', ')}`,
      });
    }
  }
  if (problems.length) throw invalidFields(problems);
}

export async function updateTemplate(strapi: Core.Strapi, key: string, input: TemplateInput): Promise<TemplateAnswer> {
  const known_ = known(key);
  checkPlaceholders(known_, input);
  const at = new Date();
  const updated = await query(strapi).updateMany({ where: { key }, data: { ...input, updatedAt: at } });
  if (updated.count === 0) {
    await strapi.db
      .queryBuilder(NOTIFICATION_TEMPLATE_UID as never)
      .insert({ documentId: newDocumentId(), key, ...input, createdAt: at, updatedAt: at, publishedAt: at })
      .onConflict(['key'])
      .merge(['subject', 'text', 'html', 'updated_at'])
      .execute();
  }
  return getTemplate(strapi, key);
}

/** Sample values: each placeholder's own name in brackets, unless given. */
export async function previewTemplate(
  strapi: Core.Strapi,
  key: string,
  input: Partial<TemplateParts> & { values?: Record<string, string> }
): Promise<TemplateParts> {
  const known_ = known(key);
  checkPlaceholders(known_, input);
  const stored = await templateFor(strapi, key);
  const parts: TemplateParts = { subject: input.subject ?? stored.subject, text: input.text ?? stored.text, html: input.html ?? stored.html };
  const samples = Object.fromEntries(placeholdersOf(known_).map((name) => [name, SAMPLE_VALUES[name] ?? `[${name}]`]));
  const values: Record<string, string> = { ...samples, ...(input.values ?? {}), appUrl: notificationsConfig(strapi).appUrl };
  const trusted: Record<string, string> =
    known_ === 'digest' && !input.values?.items ? { items: '<li><a href="#">Review due on 2 Dec 2026: Risk register</a></li>' } : {};
  if (known_ === 'digest' && !input.values?.items) values.items = '- Review due on 2 Dec 2026: Risk register';
  return renderTemplate(parts, values, trusted);
}

const SAMPLE_VALUES: Record<string, string> = {
  title: 'Add single sign-on',
  reference: 'CR-ALPHA-001',
  url: 'http://localhost:1337/admin/plugins/pmo/change-requests/sample',
  workflow: 'Change control',
  step: 'Authorise (project manager)',
  from: 'Authorise',
  to: 'Scheduled',
  actor: 'Pat Manager',
  comment: 'Within tolerance.',
  date: '2 Dec 2026',
  project: 'Alpha',
  owner: 'Rita Raiser',
  dueDate: '2 Dec 2026',
  daysLeft: '14',
  daysOverdue: '3',
  count: '1',
};

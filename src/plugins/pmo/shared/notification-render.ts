/**
 * The notification templates' renderer: `{{placeholder}}` substitution and nothing else, so a
 * template or a value can never run code (Strapi's own email templates had a server-side template
 * injection, CVE-2023-22621). One pass over the template: a value is inserted as it is (text) or
 * HTML-escaped (html) and never read again, so a title such as `<%= process.exit() %>` or
 * `{{constructor.constructor('return process')()}}` arrives as the text it is. A placeholder the
 * values do not hold renders empty. Pure: server and admin both use it.
 */

/** `{{ name }}`: a letter, then letters and digits; spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
/** Anything between double braces, placeholder or not (what a save is checked for). */
const BRACES = /\{\{([\s\S]*?)\}\}/g;

export type TemplateParts = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const own = (values: Record<string, string>, name: string) =>
  Object.prototype.hasOwnProperty.call(values, name) && typeof values[name] === 'string' ? values[name] : '';

/** Text: each placeholder replaced by its value as it is. */
export function renderText(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => own(values, name));
}

/**
 * HTML: each placeholder replaced by its value HTML-escaped; `trusted` holds the few values PMO Hub
 * builds as HTML itself from escaped parts (the digest's list of items), inserted as they are.
 */
export function renderHtml(template: string, values: Record<string, string>, trusted: Record<string, string> = {}): string {
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    Object.prototype.hasOwnProperty.call(trusted, name) ? trusted[name] : escapeHtml(own(values, name))
  );
}

/** A subject is one line: line breaks in the template or the values become spaces. */
export function renderSubject(template: string, values: Record<string, string>): string {
  return renderText(template, values).replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function renderTemplate(parts: TemplateParts, values: Record<string, string>, trusted: Record<string, string> = {}): TemplateParts {
  return { subject: renderSubject(parts.subject, values), text: renderText(parts.text, values), html: renderHtml(parts.html, values, trusted) };
}

/**
 * What a template writes between double braces that is not one of `allowed`: unknown names and
 * anything that is no placeholder at all (`{{constructor.constructor(…)}}`). Empty when it is fine.
 */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  const found = new Set<string>();
  for (const match of template.matchAll(BRACES)) {
    const inner = match[1].trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(inner) || !allowed.includes(inner)) found.add(match[0]);
  }
  return [...found];
}

/**
 * Which content type a Content Manager or Content API request writes, and with what data, read
 * from the URL before Strapi's router runs, so a write can be checked before Strapi's own
 * sanitizers and validators touch it. Pure.
 */
export type WriteTarget = {
  uid: string;
  /** The document written (a clone's source); null for creates and single types. */
  documentId: string | null;
  /** The fields written: the Content Manager's body, the Content API's `body.data`. */
  data: unknown;
};

const CONTENT_MANAGER = /^\/content-manager\/(collection-types|single-types)\/([^/]+)(?:\/(.*))?$/;
const CONTENT_API = /^\/api\/([^/]+)(?:\/([^/]+))?$/;

/** `pluralName → uid` of the app's content types, which the Content API serves at `/api/<plural>`. */
export type PluralLookup = (pluralName: string) => string | undefined;

export function writeTarget(method: string, path: string, body: unknown, plural: PluralLookup): WriteTarget | null {
  if (method !== 'POST' && method !== 'PUT') return null;
  const cm = CONTENT_MANAGER.exec(path);
  if (cm) {
    const [, kind, encodedUid, rest] = cm;
    const uid = safeDecode(encodedUid);
    if (!uid) return null;
    const target = (documentId: string | null): WriteTarget => ({ uid, documentId, data: body });
    if (kind === 'single-types') return (method === 'PUT' && !rest) || (method === 'POST' && rest === 'actions/publish') ? target(null) : null;
    if (method === 'POST' && (!rest || rest === 'actions/publish')) return target(null);
    const clone = rest ? /^clone\/([^/]+)$/.exec(rest) : null;
    if (method === 'POST' && clone) return target(safeDecode(clone[1]));
    if (method === 'PUT' && rest && !rest.includes('/')) return target(safeDecode(rest));
    const publish = rest ? /^([^/]+)\/actions\/publish$/.exec(rest) : null;
    if (method === 'POST' && publish && publish[1] !== 'actions') return target(safeDecode(publish[1]));
    return null;
  }
  const api = CONTENT_API.exec(path);
  if (api) {
    const uid = plural(api[1]);
    if (!uid) return null;
    const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
    if (data === undefined) return null; // Strapi answers "Missing data payload" itself
    if (method === 'POST' && !api[2]) return { uid, documentId: null, data };
    if (method === 'PUT' && api[2]) return { uid, documentId: safeDecode(api[2]), data };
  }
  return null;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The content type a Content Manager or Content API read (a list or one document) is about. */
export function readTarget(method: string, path: string, plural: PluralLookup): string | null {
  if (method !== 'GET') return null;
  const cm = CONTENT_MANAGER.exec(path);
  if (cm) return safeDecode(cm[2]);
  const api = CONTENT_API.exec(path);
  return api ? plural(api[1]) ?? null : null;
}

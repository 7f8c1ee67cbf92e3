/**
 * Strapi's own prompts off for every user of PMO Hub, before the panel first renders:
 *
 * - the "new Media Library" banner above every page (Strapi 5.54's MediaLibraryBanner) reads
 *   `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_<useLegacyMediaLibrary>:<project uuid>` from
 *   localStorage (useScopedPersistentState); it is written dismissed for both flag values and
 *   every uuid the panel can hold (none yet, `false` when telemetry is off, the project's own);
 * - the guided tours (the home page's "Create your schema … Deploy to Strapi Cloud" overview and
 *   the Content Manager's popovers) read `STRAPI_GUIDED_TOUR`; it is written with `enabled: false`,
 *   as Strapi's own "Skip all tours" does, keeping whatever else was stored.
 *
 * Neither has a configuration option in 5.54, hence the stored state.
 */
export const MEDIA_LIBRARY_BANNER_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_';
export const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const readJson = (store: Store, key: string): unknown => {
  try {
    return JSON.parse(store.getItem(key) ?? 'null');
  } catch {
    return null;
  }
};

/** Writes the dismissed and skipped states; `uuid` is the project's (from /admin/init), when known. */
export function quietStrapi(store: Store, uuid?: string | false | null) {
  const scopes = new Set<string>(['undefined', 'false']);
  if (uuid) scopes.add(String(uuid));
  for (const legacy of ['true', 'false']) {
    for (const scope of scopes) store.setItem(`${MEDIA_LIBRARY_BANNER_KEY}${legacy}:${scope}`, 'true');
  }
  const tour = readJson(store, GUIDED_TOUR_KEY);
  const kept = tour && typeof tour === 'object' && !Array.isArray(tour) ? tour : {};
  store.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...kept, enabled: false }));
}

/** The project's uuid as the panel scopes its stored state by it (false when telemetry is off). */
export async function projectUuid(backendURL: string): Promise<string | false | null> {
  try {
    const response = await fetch(new URL('/admin/init', backendURL), { credentials: 'same-origin' });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: { uuid?: string | false } };
    return body.data?.uuid ?? null;
  } catch {
    return null;
  }
}

/**
 * The browser tab's title in PMO Hub's name: Strapi's pages set "<page> | Strapi" and its document
 * "Strapi Admin"; each is rewritten as Strapi sets it.
 */
export function keepPmoHubTitle(doc: Document, name = 'PMO Hub') {
  const rename = () => {
    const next = doc.title.replace(/\s*\|\s*Strapi$/, ` | ${name}`).replace(/^Strapi Admin$/, name);
    if (next !== doc.title) doc.title = next;
  };
  rename();
  const head = doc.querySelector('head');
  if (head) new MutationObserver(rename).observe(head, { subtree: true, childList: true, characterData: true });
}

/**
 * Strapi's home-page widgets that speak to developers, not to a PMO: "Project statistics" (counts
 * of content types, components, webhooks and API tokens, under a title a PMO reads as its own
 * projects) and the content "Entries" chart (drafts against published, which most PMO records do
 * not have). Unregistered, so "Add widget" does not offer them either.
 */
export const HIDDEN_WIDGETS = ['admin.key-statistics', 'content-manager.chart-entries'];

type Widget = { id: string; pluginId?: string };

/** `widgets`: Strapi's widget registry (StrapiApp['widgets']), as far as this needs it. */
export function hideStrapiWidgets<W extends Widget>(widgets: { register(reducer: (all: W[]) => W[]): void }) {
  widgets.register((all) => all.filter((widget) => !HIDDEN_WIDGETS.includes(`${widget.pluginId}.${widget.id}`)));
}

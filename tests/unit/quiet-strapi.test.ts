/**
 * Strapi's prompts off (src/admin/quiet-strapi.ts): the stored state Strapi 5.54's media-library
 * banner and guided tours read, and the developer widgets taken off the home page.
 */
import {
  GUIDED_TOUR_KEY,
  MEDIA_LIBRARY_BANNER_KEY,
  hideStrapiWidgets,
  quietStrapi,
} from '../../src/admin/quiet-strapi';

const store = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

test('the media-library banner is stored dismissed for both of its messages, before and after the project is known', () => {
  const s = store();
  quietStrapi(s, 'f8ed7771-03ee-43a6-aa38-3e6d620e072c');
  for (const legacy of ['true', 'false']) {
    for (const scope of ['undefined', 'false', 'f8ed7771-03ee-43a6-aa38-3e6d620e072c']) {
      expect(JSON.parse(s.getItem(`${MEDIA_LIBRARY_BANNER_KEY}${legacy}:${scope}`)!)).toBe(true);
    }
  }
});

test('with telemetry off (no project uuid) the banner is still dismissed under the key the panel uses', () => {
  const s = store();
  quietStrapi(s, false);
  expect(s.getItem(`${MEDIA_LIBRARY_BANNER_KEY}false:false`)).toBe('true');
  expect([...s.items.keys()].filter((key) => key.startsWith(MEDIA_LIBRARY_BANNER_KEY))).toHaveLength(4);
});

test('the guided tours are switched off, keeping what a user had already done', () => {
  const done = { tours: { contentManager: { currentStep: 2, isCompleted: true } }, enabled: true, completedActions: ['x'] };
  const s = store({ [GUIDED_TOUR_KEY]: JSON.stringify(done) });
  quietStrapi(s);
  expect(JSON.parse(s.getItem(GUIDED_TOUR_KEY)!)).toEqual({ ...done, enabled: false });
});

test('a missing or unreadable tour state becomes a switched-off one', () => {
  for (const initial of [{} as Record<string, string>, { [GUIDED_TOUR_KEY]: '{not json' }, { [GUIDED_TOUR_KEY]: '[1,2]' }]) {
    const s = store(initial);
    quietStrapi(s);
    expect(JSON.parse(s.getItem(GUIDED_TOUR_KEY)!)).toEqual({ enabled: false });
  }
});

test("Strapi's developer widgets leave the home page; the others, PMO Hub's included, stay in order", () => {
  let widgets = [
    { id: 'pmo-hub', pluginId: 'pmo' },
    { id: 'last-edited-entries', pluginId: 'content-manager' },
    { id: 'profile-info', pluginId: 'admin' },
    { id: 'chart-entries', pluginId: 'content-manager' },
    { id: 'key-statistics', pluginId: 'admin' },
  ];
  const registry = { register: (reducer: (all: typeof widgets) => typeof widgets) => void (widgets = reducer(widgets)) };
  hideStrapiWidgets(registry as never);
  expect(widgets.map((w) => `${w.pluginId}.${w.id}`)).toEqual(['pmo.pmo-hub', 'content-manager.last-edited-entries', 'admin.profile-info']);
});

/**
 * The admin panel's English lives in the code (`t('key', 'English')`); translations/en.json is the
 * list a translator starts from. It must hold every message the panel shows, in the same words,
 * and nothing the panel no longer shows (`node scripts/translations.js --write` brings it in line).
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { compare } = require('../../scripts/translations');

describe('the admin panel translations (en.json)', () => {
  const result = compare();

  it('finds the panel messages in the code', () => {
    // Not an empty walk: the sign-in access message and the money field are among them.
    expect(Object.keys(result.messages).length).toBeGreaterThan(500);
    expect(result.messages['access.backHome']).toBe('Back to PMO Hub home');
    expect(result.messages['money.label']).toBe('Money');
  });

  it('gives each key one English text across the panel', () => {
    expect(result.conflicts).toEqual([]);
  });

  it('holds every message the panel shows, in the same words, and no message it no longer shows', () => {
    expect({ missing: result.missing, different: result.different, unused: result.unused }).toEqual({ missing: [], different: [], unused: [] });
  });

  it('writes British English: no American spellings in the panel texts', () => {
    const american = /\b(authoriz\w*|organiz\w*|cancel(ed|ing)\b|color\w*|favor\w*|behavior\w*|prioritiz\w*|analyz\w*|program\b|programs\b|center\b|license\b)/i;
    const found = Object.entries(result.messages as Record<string, string>).filter(([, text]) => american.test(text));
    expect(found).toEqual([]);
  });
});

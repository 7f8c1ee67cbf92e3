/**
 * Case- and accent-insensitive matching, the same in SQL and in JavaScript, on SQLite and
 * PostgreSQL alike (pure: no Strapi import).
 *
 * Neither database folds accents by itself (PostgreSQL's `unaccent` is an extension; SQLite has
 * nothing, and its LOWER() lowers ASCII only). So a text is folded the same way on both sides:
 * lower-cased, then every letter of Latin-1 and Latin Extended-A (U+00C0 to U+017F: the accented
 * letters of the European languages, upper and lower case) replaced by its base letters ("Ë" →
 * "e", "ß" → "ss", "Ø" → "o"). In SQL that is LOWER() wrapped in one REPLACE() per letter, a
 * plain expression both databases run; the query is folded in JavaScript with the same table.
 *
 * The limitation accepted: letters beyond that table (Greek, Cyrillic, Vietnamese stacked marks,
 * text stored decomposed) are not folded, and on SQLite they match case-sensitively. Matching by
 * substring reads every row of the type (as the Content Manager's own search does); each query
 * answers at most the number of results asked for.
 */

/** Letters whose base form is not what Unicode decomposition gives. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ħ: 'h',
  Ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  ł: 'l',
  Ł: 'l',
  ŀ: 'l',
  Ŀ: 'l',
  ĳ: 'ij',
  Ĳ: 'ij',
  ŉ: 'n',
  ŋ: 'n',
  Ŋ: 'n',
  ŧ: 't',
  Ŧ: 't',
  þ: 'th',
  Þ: 'th',
  ſ: 's',
};

const baseOf = (letter: string) => SPECIAL[letter] ?? letter.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every folded letter and its base letters, e.g. ['Ë', 'e']. */
export const FOLDED_LETTERS: ReadonlyArray<readonly [string, string]> = Array.from({ length: 0x17f - 0xc0 + 1 }, (_, i) =>
  String.fromCharCode(0xc0 + i)
)
  .map((letter) => [letter, baseOf(letter)] as const)
  .filter(([letter, base]) => /^\p{L}$/u.test(letter) && /^[a-z]+$/.test(base));

const FOLD = new Map(FOLDED_LETTERS);

/** A text as it is compared: "Zoë Ångström" → "zoe angstrom". */
export function fold(text: string): string {
  let folded = '';
  for (const character of text.normalize('NFC')) folded += FOLD.get(character) ?? character.toLowerCase();
  return folded;
}

/**
 * The SQL of a folded column, the column bound as `??` (knex): REPLACE(REPLACE(LOWER(??), 'À',
 * 'a'), …). The letters are written into the SQL: each is one letter of the table above, and its
 * base is a–z, so none can close the quoted string.
 */
export const FOLDED_COLUMN_SQL = FOLDED_LETTERS.reduce((sql, [letter, base]) => `REPLACE(${sql}, '${letter}', '${base}')`, 'LOWER(??)');

/** How many times `foldedColumnSql` names its column (each a `??` to bind). */
export const FOLDED_COLUMN_BINDINGS = 4;

/**
 * The folded column as a search reads it, the column bound as `??` four times: the ~190 REPLACEs
 * only for a text with a letter beyond ASCII (its UTF-8 bytes outnumber its characters), LOWER()
 * alone for the rest — the same value, since folding changes no ASCII text but its case. Most names,
 * codes and emails are ASCII, and the REPLACEs were most of a search's time at 20,000 people.
 */
export function foldedColumnSql(dialect: 'postgres' | 'sqlite'): string {
  const bytes = dialect === 'postgres' ? 'OCTET_LENGTH(??)' : 'LENGTH(CAST(?? AS BLOB))';
  return `(CASE WHEN ${bytes} = LENGTH(??) THEN LOWER(??) ELSE ${FOLDED_COLUMN_SQL} END)`;
}

/** A LIKE pattern's own characters escaped (with `ESCAPE '\'`), so "50%" looks for "50%". */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/* ---------------------------------------------------------------------------------------------
 * Ranking
 * -------------------------------------------------------------------------------------------*/

/** What an item is matched on: its code (projects and the like), its label (the name a person reads) and other texts (email). */
export type Candidate = { code?: string | null; label: string | null; also?: Array<string | null | undefined> };

type Field = 'code' | 'label' | 'also';
type Test = 'equals' | 'starts' | 'word' | 'contains';

/**
 * The tiers of a match, best first; an item's rank is the first tier it meets. The database is
 * asked tier by tier (service.ts) and JavaScript ranks with the same list, so both agree.
 */
export const MATCH_TIERS: ReadonlyArray<{ fields: Field[]; test: Test }> = [
  { fields: ['code'], test: 'equals' },
  { fields: ['label', 'also'], test: 'equals' },
  { fields: ['code'], test: 'starts' },
  { fields: ['label', 'also'], test: 'starts' },
  { fields: ['label'], test: 'word' },
  { fields: ['code', 'label', 'also'], test: 'contains' },
];

const PASSES: Record<Test, (text: string, query: string) => boolean> = {
  equals: (text, query) => text === query,
  starts: (text, query) => text.startsWith(query),
  word: (text, query) => text.includes(` ${query}`),
  contains: (text, query) => text.includes(query),
};

const textsOf = (candidate: Candidate, field: Field): string[] =>
  (field === 'code' ? [candidate.code] : field === 'label' ? [candidate.label] : candidate.also ?? []).filter(
    (text): text is string => Boolean(text)
  );

/**
 * An item's rank for a folded query, best first, or null when it does not match: its code is the
 * query (0), its name or email is (1), its code starts with it (2), its name or email does (3), a
 * word of its name does (4), the query is found inside (5).
 */
export function matchRank(query: string, candidate: Candidate): number | null {
  const rank = MATCH_TIERS.findIndex(({ fields, test }) =>
    fields.some((field) => textsOf(candidate, field).some((text) => PASSES[test](fold(text), query)))
  );
  return rank < 0 ? null : rank;
}

/** The SQL test of a tier on a folded column, and the value it binds: `= 'atlas'`, `LIKE 'atlas%'`. */
export function tierTest(test: Test, query: string): { sql: string; value: string } {
  if (test === 'equals') return { sql: '= ?', value: query };
  const like = escapeLike(query);
  const value = test === 'starts' ? `${like}%` : test === 'word' ? `% ${like}%` : `%${like}%`;
  return { sql: `LIKE ? ESCAPE '\\'`, value };
}

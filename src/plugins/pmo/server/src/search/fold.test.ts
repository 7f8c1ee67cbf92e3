import { FOLDED_COLUMN_BINDINGS, FOLDED_COLUMN_SQL, FOLDED_LETTERS, escapeLike, fold, foldedColumnSql, matchRank, tierTest } from './fold';

describe('fold', () => {
  it('lower-cases and takes the accents off European letters, upper and lower case', () => {
    expect(fold('Zoë Ångström')).toBe('zoe angstrom');
    expect(fold('ZOË ÅNGSTRÖM')).toBe('zoe angstrom');
    expect(fold('Łódź, Straße, Ærø, Þór, Čapek, Dvořák')).toBe('lodz, strasse, aero, thor, capek, dvorak');
  });

  it('reads a decomposed accent (e + combining acute) as the composed letter', () => {
    expect(fold('Noe\u0308l')).toBe('noel');
  });

  it('leaves letters beyond Latin as they are, lower-cased', () => {
    expect(fold('Σοφία')).toBe('σοφία');
  });

  it('folds every letter of the table to plain a–z letters', () => {
    expect(FOLDED_LETTERS.length).toBeGreaterThan(150);
    for (const [letter, base] of FOLDED_LETTERS) {
      expect(letter).toMatch(/^\p{L}$/u);
      expect(base).toMatch(/^[a-z]+$/);
      expect(fold(letter)).toBe(base);
    }
  });

  it('writes the SQL as one REPLACE per letter around LOWER of the bound column', () => {
    expect(FOLDED_COLUMN_SQL.startsWith('REPLACE('.repeat(FOLDED_LETTERS.length) + 'LOWER(??)')).toBe(true);
    expect(FOLDED_COLUMN_SQL).toContain(", 'Ë', 'e')");
    expect(FOLDED_COLUMN_SQL.split('??')).toHaveLength(2);
  });
});

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('matchRank', () => {
  const project = (code: string, label: string) => ({ code, label });

  it('ranks an exact code, then an exact name, then prefixes of code, name and words, then the inside', () => {
    const q = 'atl';
    expect(matchRank(q, project('ATL', 'Something'))).toBe(0);
    expect(matchRank(q, project('X-1', 'Atl'))).toBe(1);
    expect(matchRank(q, project('ATL-2', 'Something'))).toBe(2);
    expect(matchRank(q, project('X-2', 'Atlas platform'))).toBe(3);
    expect(matchRank(q, project('X-3', 'Data atlas'))).toBe(4);
    expect(matchRank(q, project('X-4', 'Matlab tools'))).toBe(5);
    expect(matchRank(q, project('XATL-5', 'Borealis'))).toBe(5);
    expect(matchRank(q, project('X-6', 'Borealis'))).toBeNull();
  });

  it('matches people on their name or email, without a code, accents aside', () => {
    const zoe = { label: 'Zoë Ångström', also: ['z.angstrom@pmo.test'] };
    expect(matchRank('zoe', zoe)).toBe(3);
    expect(matchRank('angstrom', zoe)).toBe(4);
    expect(matchRank('z.angstrom@pmo.test', zoe)).toBe(1);
    expect(matchRank('angstrom@', zoe)).toBe(5);
    expect(matchRank('zoe', { label: 'Ann Smith', also: [null] })).toBeNull();
  });
});

describe('tierTest', () => {
  it('compares exactly, or with LIKE for starts (of the text or of a word) and the inside, wildcards escaped', () => {
    expect(tierTest('equals', 'a_b')).toEqual({ sql: '= ?', value: 'a_b' });
    expect(tierTest('starts', 'a_b')).toEqual({ sql: "LIKE ? ESCAPE '\\'", value: 'a\\_b%' });
    expect(tierTest('word', 'a_b').value).toBe('% a\\_b%');
    expect(tierTest('contains', 'a_b').value).toBe('%a\\_b%');
  });
});

describe('foldedColumnSql', () => {
  it('folds only texts with a letter beyond ASCII, naming its column as often as it says', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const sql = foldedColumnSql(dialect);
      expect(sql.split('??')).toHaveLength(FOLDED_COLUMN_BINDINGS + 1);
      expect(sql).toContain(FOLDED_COLUMN_SQL);
      expect(sql).toContain('THEN LOWER(??) ELSE');
    }
    expect(foldedColumnSql('postgres')).toContain('OCTET_LENGTH(??) = LENGTH(??)');
    expect(foldedColumnSql('sqlite')).toContain('LENGTH(CAST(?? AS BLOB)) = LENGTH(??)');
  });
});

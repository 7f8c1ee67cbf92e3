/** The e2e sweep's text checks (tests/e2e/support/sweep.ts): what they flag and what they let through. */
import { moneyProblems, wordingProblems, type Vocabulary } from '../e2e/support/sweep';

const vocabulary: Vocabulary = {
  keysByType: { 'api::project.project': ['workflowState', 'changeBudget'] },
  allKeys: ['workflowState', 'changeBudget', 'percentComplete'],
  enumKeys: ['management-reserve'],
  currency: 'EUR',
};
const check = (text: string, pathname = '/admin/plugins/pmo', uid?: string) =>
  wordingProblems(text, { pathname, uid, vocabulary, documentIds: ['abc123def456ghi789jkl012'] });

it('lets PMO words, "2 Dec 2026", "Sep 2026" and "1,234.50 EUR" through', () => {
  expect(check('Billing system replacement · executing since 2 Dec 2026 · budget 1,234.50 EUR · Sep 2026\tOct 2026')).toEqual([]);
  expect(moneyProblems('Jun 2027\tEUR\nPV (planned value)', 'EUR')).toEqual([]);
  expect(moneyProblems('Jun 2026\tEUR\t10,000.00', 'EUR')).toEqual([]);
});

it('flags keys (also upper-cased by CSS), values as keys, documentIds and role codes', () => {
  const problems = check('WORKFLOWSTATE\tPERCENTCOMPLETE management-reserve abc123def456ghi789jkl012 the pmo-manager role');
  expect(problems.join('\n')).toMatch(/attribute keys shown.*WORKFLOWSTATE/);
  expect(problems.join('\n')).toMatch(/values shown as keys.*management-reserve/);
  expect(problems.join('\n')).toMatch(/documentIds shown/);
  expect(problems.join('\n')).toMatch(/role codes shown.*pmo-manager/);
});

it('checks only the content type’s own keys on its Content Manager views', () => {
  expect(check('percentComplete', '/admin/content-manager/collection-types/api::project.project', 'api::project.project')).toEqual([]);
  expect(check('changeBudget', '/admin/content-manager/collection-types/api::project.project', 'api::project.project')).toHaveLength(1);
});

it('flags "Strapi" outside Strapi’s own settings pages', () => {
  expect(check('Welcome to Strapi!')).toHaveLength(1);
  expect(check('Strapi version 5.54.0', '/admin/settings/application-infos')).toEqual([]);
  expect(check('Deploy to Strapi Cloud', '/admin/settings/pmo/workflows')).toHaveLength(1);
});

it('flags dates in any other format', () => {
  for (const text of ['Nov 30, 2026', '2026-11-30', '11/30/2026', 'Friday, August 1, 2025', 'axis Sep 25']) {
    expect([text, check(text).length > 0 && check(text).every((problem) => /date|month/.test(problem))]).toEqual([text, true]);
  }
});

it('flags money in any other format', () => {
  for (const text of ['45000.00 of 320040.00', '2,300,000 EUR', 'EUR 1,234.50', '€1,234.50', '1234.5 EUR']) {
    expect([text, moneyProblems(text, 'EUR')]).toEqual([text, [expect.stringMatching(/^money not as/)]]);
  }
});

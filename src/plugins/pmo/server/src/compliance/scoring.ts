/**
 * A compliance assessment's derived figures (DESIGN.md): `score` is met ÷ applicable criteria as a
 * whole percentage, rounded half up (2 of 3 met is 67); with no applicable criterion it is 100
 * (nothing is missing). `passed` holds when every must-meet criterion is met; a must-meet
 * criterion cannot be marked not applicable (mustMeetProblems). Pure: no Strapi import.
 */
import type { Criterion, CriterionResult, ResultRow } from '../../../shared/contracts/compliance';

export function scoreOf(results: ReadonlyArray<{ result: CriterionResult }>): number {
  const applicable = results.filter((row) => row.result !== 'not-applicable');
  if (applicable.length === 0) return 100;
  const met = applicable.filter((row) => row.result === 'met').length;
  return Math.floor((met * 100) / applicable.length + 0.5);
}

export const passedOf = (results: ReadonlyArray<Pick<ResultRow, 'mustMeet' | 'result'>>) =>
  results.every((row) => !row.mustMeet || row.result === 'met');

/** The must-meet criteria not met, in checklist order. */
export const unmetMustMeet = (results: ReadonlyArray<ResultRow>) => results.filter((row) => row.mustMeet && row.result !== 'met');

/**
 * The answers joined to the checklist they answer, or the problems by path: one answer per
 * criterion, in order, and never "not applicable" for a must-meet criterion.
 */
export function resultsFor(
  checklist: ReadonlyArray<Criterion>,
  answers: ReadonlyArray<{ result: CriterionResult; evidence?: string | null }>
): { results: ResultRow[]; problems: Array<{ path: Array<string | number>; message: string }> } {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  if (answers.length !== checklist.length) {
    problems.push({
      path: ['results'],
      message: `Answer each criterion of the standard once: it has ${checklist.length} ${checklist.length === 1 ? 'criterion' : 'criteria'}, ${answers.length} ${answers.length === 1 ? 'answer was' : 'answers were'} given`,
    });
    return { results: [], problems };
  }
  const results = checklist.map((criterion, index) => {
    const answer = answers[index];
    if (criterion.mustMeet && answer.result === 'not-applicable') {
      problems.push({ path: ['results', index, 'result'], message: `"${criterion.text}" must be met: a must-meet criterion cannot be marked not applicable` });
    }
    const evidence = answer.evidence?.trim() ? answer.evidence.trim() : null;
    return { criterion: criterion.text, mustMeet: criterion.mustMeet, result: answer.result, evidence };
  });
  return { results, problems };
}

import { RESPONSES_BY_TYPE, RISK_RESPONSES, heatmapQuery, responseMismatch, riskScore, scoreBand } from './raid';
import { parseWith } from './common';

describe("a risk's score", () => {
  it('is probability × impact, each a whole number from 1 to 5, else none', () => {
    expect([riskScore(3, 4), riskScore(5, 5), riskScore(1, 1), riskScore('2', '3')]).toEqual([12, 25, 1, 6]);
    expect([riskScore(null, 3), riskScore(3, undefined), riskScore(0, 3), riskScore(6, 1), riskScore(2.5, 2)]).toEqual([null, null, null, null, null]);
  });

  it('falls in a band: low up to 4, medium up to the default tolerance of 12, high above', () => {
    expect([1, 4, 5, 12, 15, 25].map(scoreBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

describe("a risk's response", () => {
  it('fits its type: every response answers a threat, an opportunity or both', () => {
    for (const response of RISK_RESPONSES) {
      expect(RESPONSES_BY_TYPE.threat.includes(response) || RESPONSES_BY_TYPE.opportunity.includes(response)).toBe(true);
    }
    expect([responseMismatch('threat', 'share'), responseMismatch('opportunity', 'accept'), responseMismatch('opportunity', 'exploit')]).toEqual([null, null, null]);
    expect(responseMismatch('opportunity', 'avoid')).toBe('"Avoid" is a response to a threat, not to an opportunity; for an opportunity choose exploit, enhance, share or accept');
  });
});

describe('the heat map query', () => {
  it('needs a project or programme to be named, and takes residual as 0 or 1', () => {
    expect(parseWith(heatmapQuery, { scope: 'portfolio' }, 'query')).toEqual({ ok: true, value: { scope: 'portfolio' } });
    expect(parseWith(heatmapQuery, { scope: 'programme', documentId: ' PRG-1 ', residual: '1' }, 'query')).toEqual({
      ok: true,
      value: { scope: 'programme', documentId: 'PRG-1', residual: true },
    });
    const refused = parseWith(heatmapQuery, { scope: 'project', residual: '2' }, 'query');
    expect(refused.ok ? [] : refused.problems.map((problem) => problem.path.join('.'))).toEqual(['residual', 'documentId']);
  });
});

import { EMPTY, toBody, validate, type Draft } from './raise-form';

// The form helpers reach the admin's fetch client; nothing here fetches, so the admin app is not loaded.
jest.mock('@strapi/strapi/admin', () => ({ isFetchError: () => false, useFetchClient: () => ({}) }));
jest.mock('react-query', () => ({}));

const draft = (change: Partial<Draft> = {}, impact: Partial<Draft['impact']> = {}): Draft => ({
  ...EMPTY,
  project: { documentId: 'p1', code: 'PRJ-1', label: 'Atlas' },
  title: '  Add card payments ',
  ...change,
  impact: { ...EMPTY.impact, ...impact },
});

/** What Strapi's Form shows beside each field when `validate` refuses. */
async function refusal(values: Draft) {
  try {
    await validate(values);
  } catch (error) {
    return Object.fromEntries((error as { inner: Array<{ path: string; message: string }> }).inner.map(({ path, message }) => [path, message]));
  }
  throw new Error('the form was accepted');
}

describe('the raise form', () => {
  it('sends what the route takes: trimmed texts, empty ones as null, days as a number', async () => {
    const values = draft({ description: '  ', reason: 'Customers ask' }, { cost: '250000', scheduleDays: '-5', benefits: 'More orders ' });
    expect(await validate(values)).toEqual({
      project: 'p1',
      title: 'Add card payments',
      type: 'normal',
      category: 'request-for-change',
      description: null,
      reason: 'Customers ask',
      priority: 'medium',
      severity: 'moderate',
      impact: { cost: '250000', scheduleDays: -5, scope: null, quality: null, risk: null, benefits: 'More orders' },
    });
  });

  it('refuses before sending, beside the field, in the words the server would use', async () => {
    expect(await refusal(draft({ project: null, title: ' ' }))).toEqual({
      project: 'Choose a project',
      title: 'Give a title',
    });
    expect(await refusal(draft({}, { scheduleDays: '1.5' }))).toEqual({ 'impact.scheduleDays': 'The schedule impact must be a whole number of days' });
    // The money input keeps an amount it cannot read as typed: the contract names it.
    expect(Object.keys(await refusal(draft({}, { cost: '12,34' })))).toEqual(['impact.cost']);
  });

  it('leaves a malformed number as typed, for the contract to name', () => {
    expect((toBody(draft({}, { scheduleDays: 'soon' })) as { impact: { scheduleDays: unknown } }).impact.scheduleDays).toBe('soon');
  });
});

import { classify } from './dispatch';
import { dispatchPattern } from './jobs';

describe('what a delivery failure means', () => {
  it('fails for good on an SMTP 5xx, and tries again on a 4xx', () => {
    expect(classify(Object.assign(new Error('Message failed'), { responseCode: 550, response: '550 5.1.1 No such mailbox' }))).toEqual({
      permanent: true,
      words: 'The mail server refused the message for good (SMTP 550): 550 5.1.1 No such mailbox',
    });
    expect(classify(Object.assign(new Error('Message failed'), { responseCode: 451, response: '451 Try later' })).permanent).toBe(false);
  });

  it('tries again when the server cannot be reached or does not answer', () => {
    expect(classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' }))).toMatchObject({
      permanent: false,
      words: expect.stringMatching(/could not be reached/),
    });
    expect(classify(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }))).toMatchObject({ permanent: false, words: expect.stringMatching(/did not answer in time/) });
    expect(classify(new Error('something odd')).permanent).toBe(false);
  });

  it('fails a message that cannot be sent as it is', () => {
    expect(classify(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' })).permanent).toBe(true);
  });
});

describe('the dispatch schedule', () => {
  it('turns seconds into a cron pattern', () => {
    expect(dispatchPattern(15)).toBe('*/15 * * * * *');
    expect(dispatchPattern(120)).toBe('0 */2 * * * *');
    expect(dispatchPattern(3600)).toBe('0 0 */1 * * *');
  });
});

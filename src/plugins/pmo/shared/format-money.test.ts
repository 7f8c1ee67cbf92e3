import { formatMoney } from './money';

describe('formatMoney: one money format for the server\'s messages and the admin', () => {
  it('writes minor units grouped with two decimals and the currency', () => {
    expect(formatMoney({ minor: '123450' }, 'EUR')).toBe('1,234.50 EUR');
    expect(formatMoney({ minor: 5 }, 'EUR')).toBe('0.05 EUR');
    expect(formatMoney({ minor: '-100000000' })).toBe('-1,000,000.00');
    expect(formatMoney({ minor: BigInt('900719925474099100') }, 'GBP')).toBe('9,007,199,254,740,991.00 GBP');
  });

  it('writes a decimal string from a computed answer the same way', () => {
    expect(formatMoney({ decimal: '1234.5' }, 'EUR')).toBe('1,234.50 EUR');
    expect(formatMoney({ decimal: '-40000.00' })).toBe('-40,000.00');
    expect(formatMoney({ decimal: '7' }, 'EUR')).toBe('7.00 EUR');
  });

  it('shows a dash for no amount and anything else as it came', () => {
    expect(formatMoney({ minor: null }, 'EUR')).toBe('—');
    expect(formatMoney({ decimal: '' }, 'EUR')).toBe('—');
    expect(formatMoney({ minor: '12.34' })).toBe('12.34');
  });

  it('writes what a server message holds as a sentence reads it', () => {
    expect(`The change budget ${formatMoney({ decimal: '45000.00' }, 'EUR')} is less than ${formatMoney({ decimal: '320040.00' }, 'EUR')}`).toBe(
      'The change budget 45,000.00 EUR is less than 320,040.00 EUR'
    );
  });
});

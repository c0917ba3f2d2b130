import { addCalendarMonths, extendedDeadline, firstDeadline, isOverdue } from './legal-clock';

describe('The legal clock of data-subject requests', () => {
  it.each([
    ['2027-01-31T12:00:00Z', '2027-02-28'],
    ['2028-01-31T12:00:00Z', '2028-02-29'],
    ['2032-01-31T09:00:00Z', '2032-02-29'],
    ['2027-03-31T00:00:00Z', '2027-04-30'],
    ['2027-12-15T00:00:00Z', '2028-01-15'],
    ['2027-08-31T23:59:59Z', '2027-09-30'],
  ])('one month after %s is %s', (received, due) => {
    expect(firstDeadline(new Date(received))).toBe(due);
  });

  it('a tenant may count 30 days instead', () => {
    expect(firstDeadline(new Date('2028-01-31T12:00:00Z'), 'THIRTY_DAYS')).toBe('2028-03-01');
  });

  it('extends from the first deadline by calendar months', () => {
    expect(extendedDeadline('2028-02-29', 2)).toBe('2028-04-29');
    expect(addCalendarMonths('2027-12-31', 2)).toBe('2028-02-29');
  });

  it('is overdue from the day after the due day', () => {
    expect(isOverdue('2028-02-29', new Date('2028-02-29T23:59:59Z'))).toBe(false);
    expect(isOverdue('2028-02-29', new Date('2028-03-01T00:00:00Z'))).toBe(true);
  });
});

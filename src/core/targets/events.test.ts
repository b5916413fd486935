import { describe, expect, it } from 'vitest';
import { dayOfYear, elapsedDays, isCalendarDate, shanghaiDate } from './dates';
import { deriveFacts, normalizeTitle } from './events';

describe('dates in Asia/Shanghai', () => {
  it('takes the calendar date in UTC+8, never the UTC date', () => {
    expect(shanghaiDate('2023-12-31T16:30:00Z')).toBe('2024-01-01');
    expect(shanghaiDate('2023-12-31T15:59:59Z')).toBe('2023-12-31');
    expect(shanghaiDate('2024-01-01T00:10:00+08:00')).toBe('2024-01-01');
  });

  it('validates calendar dates and counts days of the year', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-1-5')).toBe(false);
    expect(dayOfYear('2023-12-31')).toBe(365);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(elapsedDays(2023, '2022-06-01')).toBe(0);
    expect(elapsedDays(2023, '2024-06-01')).toBe(365);
  });
});

describe('the event log', () => {
  it('derives the status in order 拟报 → 已报送 → 已采用 / 未采用 → 已刊发', () => {
    expect(deriveFacts([]).status).toBe('planned');
    expect(deriveFacts([{ type: 'submitted', on: '2023-01-02' }]).status).toBe('submitted');
    expect(deriveFacts([{ type: 'submitted', on: '2023-01-02' }, { type: 'adopted', on: '2023-01-03' }]).status).toBe('adopted');
    expect(deriveFacts([{ type: 'adopted', on: '2023-01-03' }, { type: 'published', on: '2023-01-05' }])).toMatchObject({
      status: 'published', submittedOn: '2023-01-03', adoptedOn: '2023-01-03', publishedOn: '2023-01-05',
    });
  });

  it('applies events by date, not by the order they were recorded', () => {
    const facts = deriveFacts([{ type: 'rejected', on: '2023-03-09' }, { type: 'adopted', on: '2023-03-05' }]);
    expect(facts).toMatchObject({ status: 'rejected', adoptedOn: null, firstOn: '2023-03-05', lastOn: '2023-03-09' });
  });

  it('lets a later adoption correct a rejection', () => {
    const facts = deriveFacts([{ type: 'rejected', on: '2023-03-05' }, { type: 'adopted', on: '2023-03-09' }]);
    expect(facts).toMatchObject({ status: 'adopted', adoptedOn: '2023-03-09' });
  });

  it('keeps ratings and instructions with their levels', () => {
    const facts = deriveFacts([
      { type: 'rated', on: '2023-05-01', level: 'city' }, { type: 'instructed', on: '2023-05-02', level: 'central' },
      { type: 'missed', on: '2023-05-03' }]);
    expect(facts.ratings).toEqual([{ on: '2023-05-01', level: 'city' }]);
    expect(facts.instructions).toEqual([{ on: '2023-05-02', level: 'central' }]);
    expect(facts.missed).toEqual(['2023-05-03']);
  });

  it('counts nothing for a row voided as a mistake, whatever else its log holds', () => {
    const facts = deriveFacts([
      { type: 'submitted', on: '2023-01-02' }, { type: 'published', on: '2023-01-05' }, { type: 'rated', on: '2023-02-01', level: 'city' },
      { type: 'voided', on: '2023-02-03' }, { type: 'adopted', on: '2023-03-01' },
    ]);
    expect(facts).toEqual({
      status: 'voided', submittedOn: null, adoptedOn: null, publishedOn: null, ratings: [], instructions: [], missed: [],
      // The dates of what was recorded, not of the voiding: the row stays in its year's ledger.
      firstOn: '2023-01-02', lastOn: '2023-03-01',
    });
    expect(deriveFacts([{ type: 'voided', on: '2023-02-03' }])).toMatchObject({ status: 'voided', firstOn: null, lastOn: null });
  });

  it('normalizes titles for manual entries', () => {
    expect(normalizeTitle(' 《关于 新区  发展》 ')).toBe('关于 新区 发展');
    expect(normalizeTitle('ＡＢＣ')).toBe('abc');
  });
});

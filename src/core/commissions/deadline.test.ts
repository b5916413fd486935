import { describe, expect, it } from 'vitest';
import { commissionStatus, daysUntil, missedEventDue, scoreAfterMisses, type CommissionFacts } from './deadline';
import { shanghaiDate } from '../targets/dates';
import { targetProgress } from '../targets/counting';
import { defaultPointsTable, defaultTargets } from '../targets/defaults';
import { deriveFacts } from '../targets/events';
import type { LedgerEntry, OutletRef } from '../targets/model';

const due = (over: Partial<CommissionFacts> = {}): CommissionFacts => ({ deadline: '2023-06-30', warnDays: 3, answeredOn: null, cancelled: false, ...over });

describe('约稿 deadlines on Shanghai dates', () => {
  it('counts whole calendar days, across months and leap days', () => {
    expect(daysUntil('2023-06-30', '2023-06-27')).toBe(3);
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysUntil('2023-06-30', '2023-07-01')).toBe(-1);
  });

  it('is open before the warning window, due soon within it through the deadline day, missed the day after', () => {
    expect(commissionStatus(due(), '2023-06-26')).toBe('open');
    expect(commissionStatus(due(), '2023-06-27')).toBe('due-soon');
    expect(commissionStatus(due(), '2023-06-30')).toBe('due-soon');
    expect(commissionStatus(due(), '2023-07-01')).toBe('missed');
    expect(commissionStatus(due({ warnDays: 0 }), '2023-06-29')).toBe('open');
  });

  it('reads an answer by its Shanghai date: 23:30 on the deadline day in Beijing is on time, 00:30 the next day is late', () => {
    const onTime = shanghaiDate('2023-06-30T15:30:00Z');
    const late = shanghaiDate('2023-06-30T16:30:00Z');
    expect(onTime).toBe('2023-06-30');
    expect(late).toBe('2023-07-01');
    expect(commissionStatus(due({ answeredOn: onTime }), '2023-07-05')).toBe('answered');
    expect(commissionStatus(due({ answeredOn: late }), '2023-07-05')).toBe('missed');
    // Before the deadline passes, an answer shows as answered.
    expect(commissionStatus(due({ answeredOn: '2023-06-01' }), '2023-06-10')).toBe('answered');
  });

  it('records the missed event once, only for an unanswered, not cancelled 约稿 past its deadline', () => {
    expect(missedEventDue(due(), '2023-06-30', false)).toBe(false);
    expect(missedEventDue(due(), '2023-07-01', false)).toBe(true);
    expect(missedEventDue(due(), '2023-07-01', true)).toBe(false);
    expect(missedEventDue(due({ cancelled: true }), '2023-07-01', false)).toBe(false);
    expect(missedEventDue(due({ answeredOn: '2023-06-29' }), '2023-07-01', false)).toBe(false);
  });
});

describe('the two-miss rule', () => {
  it('zeroes the score at the limit, and does nothing without one', () => {
    expect(scoreAfterMisses(40, 1, 2)).toBe(40);
    expect(scoreAfterMisses(40, 2, 2)).toBe(0);
    expect(scoreAfterMisses(40, 5, undefined)).toBe(40);
    expect(scoreAfterMisses(40, 5, 0)).toBe(40);
  });

  it('is data in the points table: two missed 约稿 in the year set the information score to zero', () => {
    const channel: OutletRef = { id: 'o-city', name: '市政府信息', level: 'city', kind: 'channel' };
    const media: OutletRef = { id: 'o-paper', name: '临沂日报', level: 'city', kind: 'media' };
    const entry = (id: string, outlet: OutletRef, events: Parameters<typeof deriveFacts>[0]): LedgerEntry => ({
      id, pieceKey: `title:${id}`, title: id, pieceKind: 'info', authors: ['张明'], outlet, facts: deriveFacts(events),
    });
    const adopted = Array.from({ length: 10 }, (_, i) => entry(`a${i}`, channel, [{ type: 'adopted', on: '2023-03-10' }]));
    const missed = [entry('m1', media, [{ type: 'missed', on: '2023-04-01' }]), entry('m2', media, [{ type: 'missed', on: '2023-05-01' }])];
    const ranking = defaultTargets().find((t) => t.rule.type === 'score');
    if (!ranking) throw new Error('no score target');
    const table = { ...defaultPointsTable(), missedLimit: 2 };
    expect(targetProgress(ranking, [...adopted, missed[0]], table, 2023, '2023-12-31').actual).toBe(20);
    expect(targetProgress(ranking, [...adopted, ...missed], table, 2023, '2023-12-31').actual).toBe(0);
    expect(targetProgress(ranking, [...adopted, ...missed], defaultPointsTable(), 2023, '2023-12-31').actual).toBe(20);
    // A miss of another year does not count toward this year's limit.
    const lastYear = entry('m0', media, [{ type: 'missed', on: '2022-12-20' }]);
    expect(targetProgress(ranking, [...adopted, missed[0], lastYear], table, 2023, '2023-12-31').actual).toBe(20);
  });
});

import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';
import type { ProofingData } from '../types';

const data: ProofingData = {
  phrasing: [],
  sensitive: [],
  leaders: [
    { name: '张建国', titles: ['党工委书记', '书记'], rank: 1 },
    { name: '李文华', titles: ['管委会主任', '主任'], rank: 2 },
    { name: '王志强', titles: ['党工委副书记', '副书记'], rank: 3 },
    { name: '赵明', titles: ['管委会副主任', '副主任'], rank: 4 },
  ],
};

describe('leader roster', () => {
  it('flags a title that is not the leader’s', () => {
    expect(findings('党工委书记李文华出席会议。', 'leader.title', data)).toMatchObject([{ text: '党工委书记', severity: 'error', suggestions: ['管委会主任', '主任'] }]);
    expect(flagged('张建国主任讲话。', 'leader.title', data)).toEqual(['主任']);
  });

  it('flags leaders listed out of rank order in one enumeration', () => {
    expect(findings('区领导李文华、张建国、赵明出席。', 'leader.order', data)).toMatchObject([{ severity: 'warning', text: '李文华、张建国、赵明' }]);
  });

  it('accepts right titles, rank order, narrative sentences, and a title that belongs to the previous name', () => {
    for (const text of [
      '党工委书记张建国，管委会主任李文华出席。', '张建国书记、李文华主任、王志强副书记出席。',
      '李文华主持会议。会上，张建国作讲话。', '李文华主持会议，党工委书记张建国讲话并部署工作。', '张建国书记赵明同志一行。',
      '管委会常务副主任赵明出席。',
    ]) {
      expect([...flagged(text, 'leader', data)], text).toEqual([]);
    }
  });
});

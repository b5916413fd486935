import { describe, expect, it } from 'vitest';
import { titleLines } from './titleLines';

describe('a long title on two lines', () => {
  it('keeps a title of 20 characters or fewer on one line', () => {
    expect(titleLines('关于进一步规范政务信息报送工作的通知')).toEqual(['关于进一步规范政务信息报送工作的通知']);
  });

  it('breaks between whole words, the lines as even as that allows', () => {
    // Not 沂河新区“四个一”机 / 制推动…: 机制 stays whole.
    expect(titleLines('沂河新区“四个一”机制推动重点项目提速增效')).toEqual(['沂河新区“四个一”机制', '推动重点项目提速增效']);
    expect(titleLines('关于做好2023年度政务信息报送和考核工作的补充通知')).toEqual(['关于做好2023年度政务信息', '报送和考核工作的补充通知']);
  });

  it('keeps a postposition with the phrase it closes', () => {
    expect(titleLines('关于进一步加强和改进新形势下政务信息工作的实施意见')).toEqual(['关于进一步加强和改进新形势下', '政务信息工作的实施意见']);
  });

  it('breaks before 关于, where the issuing body’s name ends', () => {
    expect(titleLines('临沂沂河新区党政办公室关于印发2023年工作要点的通知')).toEqual(['临沂沂河新区党政办公室', '关于印发2023年工作要点的通知']);
  });

  it('breaks a long book title between whole terms; never inside a number, nor before 的 or a closing mark', () => {
    expect(titleLines('关于印发《沂河新区政务信息报送考核细则》的通知')).toEqual(['关于印发《沂河新区政务信息', '报送考核细则》的通知']);
    // A short book title stays whole.
    expect(titleLines('关于印发《政务信息工作制度》和《考核办法》的通知')).toEqual(['关于印发《政务信息工作制度》', '和《考核办法》的通知']);
    for (const title of ['关于2023年第一季度12345热线工单办理情况的通报', '新区召开“三亮”活动推进会议部署下一阶段重点工作']) {
      const lines = titleLines(title);
      expect(lines.join('')).toBe(title);
      expect(lines[1]).not.toMatch(/^[的”》，。]/);
      for (const number of title.match(/[0-9]+/g) ?? []) expect(lines.some((line) => line.includes(number))).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { cleanFileName, cleanTitle } from './cleanText';

describe('cleanTitle', () => {
  it('leaves nothing of a title made of zero-width characters', () => {
    for (const title of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', ' \u200B\u3000\u2060 ']) expect(cleanTitle(title)).toBe('');
  });

  it('removes bidi overrides, isolates and marks wherever they are', () => {
    expect(cleanTitle('\u202E关于\u2066开展\u2069检查\u202C的\u200F通知')).toBe('关于开展检查的通知');
    expect(cleanTitle('报告\u202Excod.exe')).toBe('报告xcod.exe');
  });

  it('turns control characters into spaces and trims, keeping inner spaces as typed', () => {
    expect(cleanTitle('\t第一季度\n工作\u0000总结 ')).toBe('第一季度 工作 总结');
    expect(cleanTitle('区政府办公室　关于  通知')).toBe('区政府办公室　关于  通知');
  });

  it('drops unpaired surrogates and keeps paired ones (CJK Extension B, emoji)', () => {
    expect(cleanTitle('标\uD800题\uDC00')).toBe('标题');
    expect(cleanTitle('𠀀家📄')).toBe('𠀀家📄');
  });

  it('changes no visible character: no Unicode normalization', () => {
    expect(cleanTitle('\uF900\u0041\u030A')).toBe('\uF900\u0041\u030A');
  });
});

describe('cleanFileName', () => {
  it('removes bidi controls and replaces what file systems refuse', () => {
    expect(cleanFileName('扫描\u202Efdp.exe', '材料')).toBe('扫描fdp.exe');
    expect(cleanFileName('a/b:c*?.docx', '文稿')).toBe('a_b_c__.docx');
    expect(cleanFileName('..\\..\\etc\\passwd', 'x')).toBe('_.._etc_passwd');
  });

  it('falls back when nothing visible is left', () => {
    expect(cleanFileName('\u200B\u202E .', '证明材料')).toBe('证明材料');
  });

  it('shortens a long name and keeps its extension', () => {
    const name = cleanFileName(`${'长'.repeat(300)}.xlsx`, 'x', 120);
    expect([...name].length).toBe(120);
    expect(name.endsWith('长.xlsx')).toBe(true);
  });
});

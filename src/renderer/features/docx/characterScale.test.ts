import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../core/docx/docxExporter';
import { parseSample } from '../../../../test/support/samples';
import { scaledRuns, scaledRunsOfDocx } from './characterScale';

describe('character scaling for the preview', () => {
  it('finds the narrowed masthead of an exported 公文 and nothing else', async () => {
    const sample = parseSample('notice-official.md');
    const bytes = await exportDocx({ kind: sample.kind, title: sample.title, properties: sample.properties, body: sample.blocks, final: true });
    const runs = scaledRunsOfDocx(bytes);
    expect(runs.map((r) => r.text)).toEqual([sample.properties['发文机关标志']]);
    expect(runs[0].scale).toBeGreaterThan(0.5);
    expect(runs[0].scale).toBeLessThan(1);
  });

  it('reads the scale and the unescaped text of a run, and skips 100 %', () => {
    const xml = '<w:p><w:r><w:rPr><w:w w:val="80"/></w:rPr><w:t xml:space="preserve">A&amp;B</w:t><w:t>甲</w:t></w:r>'
      + '<w:r><w:rPr><w:w w:val="100"/></w:rPr><w:t>乙</w:t></w:r><w:r><w:t>丙</w:t></w:r></w:p>';
    expect(scaledRuns(xml)).toEqual([{ text: 'A&B甲', scale: 0.8 }]);
  });
});

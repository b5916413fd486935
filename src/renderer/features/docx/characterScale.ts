/**
 * Character scaling (`w:w`, Word's 字符缩放) for the 预览. docx-preview does not render it, so a red
 * masthead narrowed to fit the type area, as offices print it, wrapped onto two lines in the preview
 * though Word and LibreOffice set it on one. After docx-preview has rendered, the runs the file scales
 * are found by their text and narrowed the same way with a CSS transform.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface ScaledRun { text: string; scale: number }

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The runs of a document.xml that carry a character scale other than 100 %, with their text. */
export function scaledRuns(documentXml: string): ScaledRun[] {
  const runs: ScaledRun[] = [];
  for (const [, run] of documentXml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*)<\/w:r>/g)) {
    const scale = /<w:w w:val="(\d+)"\/>/.exec(run);
    if (!scale || scale[1] === '100') continue;
    const text = [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
      .replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]);
    if (text !== '') runs.push({ text, scale: Number(scale[1]) / 100 });
  }
  return runs;
}

/** The scaled runs of a .docx file. */
export function scaledRunsOfDocx(bytes: Uint8Array): ScaledRun[] {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  return xml ? scaledRuns(strFromU8(xml)) : [];
}

/**
 * Narrows the rendered runs: each span whose text is a scaled run's is kept on one line, scaled about
 * its centre, and given negative margins for the width it no longer takes, so a centred line stays
 * centred.
 */
export function applyCharacterScale(container: HTMLElement, runs: readonly ScaledRun[]): void {
  if (runs.length === 0) return;
  const spans = [...container.querySelectorAll('span')].filter((span) => span.children.length === 0);
  for (const { text, scale } of runs) {
    for (const span of spans.filter((s) => s.textContent === text)) {
      span.style.display = 'inline-block';
      span.style.whiteSpace = 'nowrap';
      const width = span.offsetWidth;
      const saved = (width * (1 - scale)) / 2;
      span.style.transform = `scaleX(${scale})`;
      span.style.transformOrigin = 'center';
      span.style.marginLeft = `${-saved}px`;
      span.style.marginRight = `${-saved}px`;
    }
  }
}

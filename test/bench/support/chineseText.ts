/**
 * Deterministic Chinese body text for benchmarks, in the register of the office's drafts: paragraph
 * `index` is always the same `length` characters, and neighbouring paragraphs differ. No Node or DOM
 * imports: the browser bench page uses it too.
 */
const PHRASES = [
  '坚持以人民为中心的发展思想，',
  '统筹推进经济社会高质量发展。',
  '进一步优化营商环境，',
  '切实加强基层治理能力建设，',
  '全面落实安全生产责任制，',
  '扎实推进重点项目建设，',
  '着力保障和改善民生。',
  '深化“放管服”改革，',
  '持续提升政务服务效能，',
  '加快推动城乡融合发展，',
  '严格落实各项工作部署，',
  '确保各项目标任务如期完成。',
] as const;

export function chineseParagraph(index: number, length: number): string {
  let text = `第${index + 1}段：`;
  for (let i = index; text.length < length; i++) text += PHRASES[i % PHRASES.length];
  return text.slice(0, length);
}

/** Document kinds, their API keys and the names on the screen. */
export const DOCUMENT_KINDS = ['comprehensive', 'research', 'info', 'media', 'official'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const KIND_LABELS: Record<DocumentKind, string> = {
  comprehensive: '综合文稿',
  research: '调研报告',
  info: '政务信息',
  media: '媒体稿件',
  official: '公文',
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return DOCUMENT_KINDS.some((kind) => kind === value);
}

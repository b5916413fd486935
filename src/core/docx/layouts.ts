/** The three Word layouts and which kind exports in which: shared by the exporter and the UI (no docx import). */
export const DOCX_LAYOUTS = ['official', 'info', 'manuscript'] as const;
export type DocxLayout = (typeof DOCX_LAYOUTS)[number];

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The layout a kind exports in unless told otherwise. */
export function layoutForKind(kind: string): DocxLayout {
  return kind === 'official' ? 'official' : kind === 'info' ? 'info' : 'manuscript';
}

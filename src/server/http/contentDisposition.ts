import { cleanFileName } from '../../core/text/cleanText';

/** The longest file name the server stores (an upload's) or sends (a download's), in characters. */
export const FILE_NAME_MAX = 200;

/**
 * `attachment` for a download: the name cleaned (cleanFileName: no bidi controls or characters file
 * systems refuse, even in names stored before names were cleaned), with an ASCII fallback and the
 * real name as RFC 5987 UTF-8 (`filename*`).
 */
export function contentDisposition(fileName: string, fallback = '文件'): string {
  const name = cleanFileName(fileName, fallback, FILE_NAME_MAX);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Word export and import over HTTP: the .docx bytes of a document, and a .docx upload that becomes a new one. */
import type { ApiError as ApiErrorBody } from '../../../shared/api';
import { ApiError, getToken } from '../../api/client';
import type { DocxLayout } from '../../../core/docx/layouts';

export interface ExportedDocx { fileName: string; bytes: Uint8Array }

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
  if (body?.error) return new ApiError(body.error.code, body.error.message, response.status);
  return new ApiError(response.status >= 500 ? 'internal' : 'bad_request', '操作失败，请稍后再试', response.status);
}

/** The file name from `Content-Disposition` (its UTF-8 `filename*`), or a fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (!encoded) return fallback;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return fallback;
  }
}

/** Downloads the .docx of a document, reporting the share received so far (0–1) when the size is known. */
export async function fetchDocx(id: string, layout: DocxLayout, onProgress?: (share: number) => void): Promise<ExportedDocx> {
  let response: Response;
  try {
    response = await fetch(`/api/documents/${encodeURIComponent(id)}/export.docx?layout=${layout}`, { headers: authHeaders() });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (!response.ok) throw await failure(response);
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (reader) {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      received += part.value.length;
      if (total > 0) onProgress?.(received / total);
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { fileName: dispositionFileName(response.headers.get('content-disposition'), '文稿.docx'), bytes };
}

/** Uploads a .docx; resolves the id of the new document. */
export async function uploadDocx(name: string, bytes: Uint8Array): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart]), name);
  let response: Response;
  try {
    response = await fetch('/api/import', { method: 'POST', headers: authHeaders(), body: form });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { id: string }).id;
}

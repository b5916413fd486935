import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { cleanFileName } from '../../core/text/cleanText';
import { DeskError } from '../errors';
import { FILE_NAME_MAX } from './contentDisposition';

/** What one upload route accepts and says. */
export interface UploadRule {
  /** Bytes at most for the file. */
  limit: number;
  /** The refusal when no file came (or the body is not a form): `请选择 .xlsx 或 .csv 文件`. */
  missing: string;
  /** The 413 refusal, naming the limit: `导入文件不能超过 10 MB`. */
  tooLarge: string;
  /** The file's name when it has none left after cleaning. */
  fallbackName: string;
}

/** An uploaded file: its part, and its name as cleanFileName leaves it. */
export interface Upload { file: MultipartFile; fileName: string }

function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}

/** A multipart parser's own failure (a form without a boundary, cut short): plain Errors, no code or status. */
function isMalformedForm(error: unknown): boolean {
  return error instanceof Error && !('code' in error) && !('statusCode' in error) && !(error instanceof DeskError);
}

/**
 * Receives the one file of a multipart request and hands it to `read` (which streams or buffers it),
 * turning every way an upload goes wrong into a Chinese refusal: no form or no file (400, `missing`),
 * a file over `rule.limit` (413, `tooLarge`), a damaged form (400). `read` should only read: what it
 * throws is judged the same way (a file system error passes as it is).
 */
export async function receiveUpload<T>(request: FastifyRequest, rule: UploadRule, read: (upload: Upload) => Promise<T>): Promise<T> {
  if (!request.isMultipart()) throw new DeskError('bad_request', rule.missing);
  try {
    const file = await request.file({ limits: { fileSize: rule.limit, files: 1 } });
    if (!file) throw new DeskError('bad_request', rule.missing);
    const result = await read({ file, fileName: cleanFileName(file.filename, rule.fallbackName, FILE_NAME_MAX) });
    if (file.file.truncated) throw new DeskError('payload_too_large', rule.tooLarge);
    return result;
  } catch (error) {
    if (isTooLarge(error)) throw new DeskError('payload_too_large', rule.tooLarge);
    if (isMalformedForm(error)) throw new DeskError('bad_request', '上传的表单不完整或格式有误');
    throw error;
  }
}

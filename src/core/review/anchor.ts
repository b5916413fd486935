/**
 * Where a review thread sits in the body: two Yjs relative positions (the first and the last
 * commented character), so the anchor follows edits made around it and the body is never touched.
 * The client computes them from the selection; the server keeps them as opaque base64 text
 * (Y.encodeRelativePosition) and only checks that they decode and whether they still resolve.
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';

/** Start and end of a thread's anchor, each an encoded Y.RelativePosition in base64. */
export interface EncodedAnchor { start: string; end: string }

export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/**
 * The relative position an anchor end encodes, or null when the text is not exactly what
 * `encodeAnchorPosition` writes (not base64, not a relative position, or with bytes left over).
 */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  if (encoded === '') return null;
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    return encodeAnchorPosition(position) === encoded ? position : null;
  } catch {
    return null;
  }
}

/** True when both ends of the anchor still resolve in `body` (false once the commented text is deleted). */
export function anchorHolds(body: Y.Doc, anchor: EncodedAnchor): boolean {
  const resolves = (encoded: string): boolean => {
    const position = decodeAnchorPosition(encoded);
    if (!position) return false;
    try {
      return Y.createAbsolutePositionFromRelativePosition(position, body) !== null;
    } catch {
      return false;
    }
  };
  return resolves(anchor.start) && resolves(anchor.end);
}

/** A reader of the Server-Sent Events wire format (the parts this app uses: `event:`, `data:`, comments). */

export interface SseMessage { event: string; data: string }

/**
 * Splits a text stream into SSE messages, whatever the chunk boundaries: feed each decoded chunk,
 * get the messages it completed. Lines may end in LF, CRLF or CR; comment lines (`: ping`) and
 * fields other than `event` and `data` are skipped; several `data:` lines join with LF.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  feed(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const messages: SseMessage[] = [];
    let end = this.buffer.search(/\r\n|\r|\n/);
    // A lone CR at the very end may be the first half of a CRLF: wait for the next chunk.
    while (end >= 0 && !(this.buffer[end] === '\r' && end === this.buffer.length - 1)) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const message = this.line(line);
      if (message) messages.push(message);
      end = this.buffer.search(/\r\n|\r|\n/);
    }
    return messages;
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      const message = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}

/**
 * The contract between the typing bench page (main.ts, in Chromium) and its runner
 * (typingLatency.ts, in Node): the query string that configures the page and the object the page
 * puts on `window` for the runner to drive through `page.evaluate`.
 */

/**
 * `bare`: Lexical alone. `collab`: the same editor bound to a Y.Doc synced with the desk server.
 * `suggest`: the bare editor with 修订 on (registerSuggesting) and 200 pending suggestions seeded.
 */
export type TypingMode = 'bare' | 'collab' | 'suggest';

/** One keystroke, in page milliseconds (performance.now) after its keydown/beforeinput. */
export interface KeystrokeSample {
  /** The first MutationObserver callback on the editor root after the keystroke (`idle` if none came). */
  dom: number;
  /** Lexical's update listener (registered after the Yjs binding's) for the keystroke's update. */
  commit: number;
  /** The next task after the commit: every synchronous consequence of the keystroke is done. */
  idle: number;
}

export interface OpenedBody { paragraphs: number; characters: number }

export interface TypingBenchApi {
  /** Resolves once the body is in the DOM (seeded, or synced from the server). */
  ready: Promise<OpenedBody>;
  /** Focuses the editor and puts the caret at the end of paragraph `index`. */
  placeCaret(index: number): void;
  /** Resolves once `count` samples are recorded (rejects after `timeoutMs`). */
  samplesReached(count: number, timeoutMs: number): Promise<void>;
  samples(): KeystrokeSample[];
  /** The text of paragraph `index`. */
  paragraphText(index: number): string;
  /** Collab mode: local changes the server has not acknowledged yet (0 in bare mode). */
  unacknowledged(): number;
}

declare global {
  interface Window { typingBench?: TypingBenchApi }
}

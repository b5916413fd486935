/**
 * 字数 as Word shows it in 字数统计, for Chinese text.
 *
 * Which code points count one each ("wide" characters):
 * - CJK scripts: Han ideographs of every block and extension (incl. 〇 々), Bopomofo, Hiragana,
 *   Katakana, Hangul;
 * - the CJK Symbols and Punctuation block U+3001–U+303F (、。〈〉《》「」『』【】〔〕 …; U+3000, the
 *   ideographic space, is whitespace), Halfwidth and Fullwidth Forms U+FF00–U+FFEF (，：；？！（）
 *   and full-width letters and digits alike), CJK Compatibility Forms U+FE30–U+FE4F, Vertical Forms
 *   U+FE10–U+FE1F;
 * - the General Punctuation marks Chinese typing produces: U+2010–U+2027 (‐ – — ― ‘ ’ “ ” • … etc.),
 *   the middle dot · U+00B7 and the double em dash ⸺ ⸻ U+2E3A–U+2E3B.
 *
 * Everything else that is not whitespace counts as Word counts English: a maximal run of such
 * characters, bounded by whitespace or by wide characters, counts one. So `2023` is one, `126.5`
 * is one, `78.3%` is one (Word keeps punctuation attached to a word inside that word), `don’t` is
 * one (a ’ between two Latin letters or digits stays in the run), and ASCII punctuation standing
 * alone, like the `-` in `a - b`, counts one. Whitespace (incl. U+3000 and line breaks) counts none.
 */
export function countWords(text: string): number {
  let count = 0;
  let inRun = false;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i];
    if (WHITESPACE.test(ch)) {
      inRun = false;
    } else if (isWide(ch) && !isApostropheInWord(chars, i)) {
      count += 1;
      inRun = false;
    } else if (!inRun) {
      count += 1;
      inRun = true;
    }
  }
  return count;
}

const WHITESPACE = /^\s$/u;
const CJK_SCRIPT = /^[\p{Script=Han}\p{Script=Bopomofo}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LATIN_OR_DIGIT = /^[A-Za-z0-9]$/;

function isWide(ch: string): boolean {
  if (CJK_SCRIPT.test(ch)) return true;
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x3001 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    cp === 0x00b7 ||
    cp === 0x2e3a ||
    cp === 0x2e3b
  );
}

// English typed with curly quotes (don’t) should stay one word, as it does in Word.
function isApostropheInWord(chars: readonly string[], i: number): boolean {
  return chars[i] === '\u2019' && i > 0 && i + 1 < chars.length
    && LATIN_OR_DIGIT.test(chars[i - 1]) && LATIN_OR_DIGIT.test(chars[i + 1]);
}

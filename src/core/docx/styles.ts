/**
 * The styles every layout shares: document defaults (仿宋_GB2312 三号, black, exact 28.95 pt lines),
 * Word's Heading 1–4 restyled for the four structure levels (so Word's navigation pane and importers
 * see the structure), and named paragraph styles for the body, the title and the small print. Runs
 * carry only what differs from their paragraph's style, which keeps the XML small and export fast.
 */
import {
  AlignmentType, LevelFormat, LineRuleType,
  type IFontAttributesProperties, type INumberingOptions, type IParagraphStyleOptions, type IStylesOptions,
} from 'docx';
import { BLACK, CHAR, CHAR_SMALL, CHAR_SPACING, FONT, LATIN_FONT, LINE_PITCH, SIZE } from './gbt9704';

/** rFonts with `eastAsia` set to an official font name and Times New Roman for Latin text. */
export function fonts(eastAsia: string): IFontAttributesProperties {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia };
}

/** Paragraph style ids, used by the layouts and known to the structural checker. */
export const STYLE = {
  /** Body text is Word's Normal style, so most paragraphs need no properties of their own. */
  body: 'Normal',
  plain: 'GwPlain',
  title: 'GwTitle',
  small: 'GwSmall',
  table: 'GwTable',
  list: 'GwList',
} as const;

/** The character style of body text inside a heading paragraph (a run-in heading's rest). */
export const BODY_TEXT_STYLE = 'GwBodyText';

export const LIST_REF = { bullet: 'gw-bullet', number: 'gw-number' } as const;

const exactLine = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

const heading = (eastAsia: string, outlineLevel: number) => ({
  run: { font: fonts(eastAsia), size: SIZE.三号, bold: false, italics: false, color: BLACK },
  paragraph: {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: exactLine(LINE_PITCH),
    outlineLevel,
  },
});

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.body, name: 'Normal', quickFormat: true,
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR } },
  },
  { id: STYLE.plain, name: '公文无缩进', basedOn: 'Normal', paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 } } },
  {
    id: STYLE.title, name: '公文标题', basedOn: 'Normal', quickFormat: true,
    run: { font: fonts(FONT.小标宋), size: SIZE.二号, bold: false },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, indent: { firstLine: 0 } },
  },
  {
    id: STYLE.small, name: '公文版记', basedOn: 'Normal',
    run: { size: SIZE.四号 },
    paragraph: { alignment: AlignmentType.LEFT, indent: { left: CHAR_SMALL, right: CHAR_SMALL, firstLine: 0 } },
  },
  {
    id: STYLE.table, name: '公文表格', basedOn: 'Normal',
    run: { size: SIZE.四号 },
    paragraph: { alignment: AlignmentType.LEFT, spacing: exactLine(440), indent: { firstLine: 0 } },
  },
  { id: STYLE.list, name: '公文列表', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 0 } } },
];

// docx types no widowControl on styles but writes it: off, so LibreOffice too fills every page with 22 lines.
const defaultParagraph = { spacing: exactLine(LINE_PITCH), widowControl: false };

/** The styles part shared by all three layouts. */
export const DESK_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts(FONT.仿宋), size: SIZE.三号, color: BLACK, characterSpacing: CHAR_SPACING },
      paragraph: defaultParagraph,
    },
    heading1: heading(FONT.黑体, 0),
    heading2: heading(FONT.楷体, 1),
    heading3: heading(FONT.仿宋, 2),
    heading4: heading(FONT.仿宋, 3),
  },
  paragraphStyles,
  characterStyles: [{ id: BODY_TEXT_STYLE, name: '公文正文字体', basedOn: 'DefaultParagraphFont', run: { font: fonts(FONT.仿宋), bold: false } }],
};

const listLevels = (ordered: boolean) => Array.from({ length: 5 }, (_, level) => ({
  level,
  format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
  text: ordered ? `%${level + 1}.` : '•',
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: (3 + level) * CHAR, hanging: CHAR } } },
}));

/** Bullet and numbered lists; each numbered list is its own instance, so it counts from 1. */
export const DESK_NUMBERING: INumberingOptions = {
  config: [
    { reference: LIST_REF.bullet, levels: listLevels(false) },
    { reference: LIST_REF.number, levels: listLevels(true) },
  ],
};

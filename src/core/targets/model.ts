/**
 * The vocabulary of the submission ledger and the annual targets (shared/spec/annual-targets.md):
 * outlets, the dated events of a submission, target rules and points tables. Plain data, so the
 * server stores it as JSON and the renderer shows it.
 */

/** Outlet levels, high to low: 中央, 省级, 市级, 区级. */
export const OUTLET_LEVELS = ['central', 'provincial', 'city', 'district'] as const;
export type OutletLevel = (typeof OUTLET_LEVELS)[number];

/** 刊物 (journal), 媒体 (media), 信息渠道 (the upper-level government information system). */
export const OUTLET_KINDS = ['journal', 'media', 'channel'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

/**
 * The events of a submission's log: 报送, 采用, 未采用, 刊发, 批示, 获评优秀, a missed 约稿 (a penalty),
 * and 作废: the row was recorded by mistake, counts nothing from then on and takes no further events.
 */
export const EVENT_TYPES = ['submitted', 'adopted', 'rejected', 'published', 'instructed', 'rated', 'missed', 'voided'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A submission's current status, derived from its event log: 拟报 → 已报送 → 已采用 / 未采用 → 已刊发; or 已作废. */
export const SUBMISSION_STATUSES = ['planned', 'submitted', 'adopted', 'rejected', 'published', 'voided'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** A calendar date in the office's time zone (Asia/Shanghai), `YYYY-MM-DD`. */
export type CalendarDate = string;

/** One dated event of a submission. `level` is the leader's level (批示) or the rating level (获评优秀). */
export interface LedgerEvent {
  type: EventType;
  on: CalendarDate;
  level?: OutletLevel | null;
}

export interface LevelledDate { on: CalendarDate; level: OutletLevel }

/** The part of a submission's facts that counting and scoring read. */
export interface CountingFacts {
  submittedOn: CalendarDate | null;
  adoptedOn: CalendarDate | null;
  publishedOn: CalendarDate | null;
  ratings: readonly LevelledDate[];
  instructions: readonly LevelledDate[];
  missed: readonly CalendarDate[];
}

/** What a submission's event log amounts to now; a later correcting event overrides an earlier one. */
export interface SubmissionFacts extends CountingFacts {
  status: SubmissionStatus;
  /** The first date it was sent (an adoption or publication implies it was sent). */
  submittedOn: CalendarDate | null;
  /** Null when not adopted or when a later 未采用 corrected the adoption. */
  adoptedOn: CalendarDate | null;
  publishedOn: CalendarDate | null;
  ratings: LevelledDate[];
  instructions: LevelledDate[];
  missed: CalendarDate[];
  /** Earliest and latest event dates (null without events). */
  firstOn: CalendarDate | null;
  lastOn: CalendarDate | null;
}

export interface OutletRef { id: string; name: string; level: OutletLevel; kind: OutletKind }

/** One row of the ledger as the counting sees it: a piece sent to one outlet, with its derived facts. */
export interface LedgerEntry {
  id: string;
  /** The same piece has the same key: `doc:<document id>`, or `title:<normalized title>` for manual entries. */
  pieceKey: string;
  title: string;
  /** The document kind (comprehensive, research, info, media, official). */
  pieceKind: string;
  authors: readonly string[];
  outlet: OutletRef;
  facts: CountingFacts;
}

/** Which event a rule counts; `level` of the rule applies to the outlet or, for 获评优秀 and 批示, to the event. */
export type CountedEvent = 'submitted' | 'adopted' | 'published' | 'rated' | 'instructed';

export interface CountRule {
  type: 'rule';
  pieceKinds: string[];
  /** Empty: any outlet kind. */
  outletKinds: OutletKind[];
  minLevel: OutletLevel;
  /** Whether `minLevel` applies to the outlet or to the event's own level (rating, instruction). */
  levelFrom: 'outlet' | 'event';
  event: CountedEvent;
  /** Distinct pieces, or publications (piece × outlet). */
  unit: 'pieces' | 'publications';
}

/** Points from the year's points table for qualifying submissions (e.g. the information ranking). */
export interface ScoreRule {
  type: 'score';
  pieceKinds: string[];
  outletKinds: OutletKind[];
}

/** A count the clerk enters (lectures held, topics opened). */
export interface ManualRule { type: 'manual'; count: number }

export type TargetRule = CountRule | ScoreRule | ManualRule;

export interface TargetDefinition {
  key: string;
  name: string;
  /** The yearly number; 0 means no number is set (shown without pace). */
  target: number;
  rule: TargetRule;
}

export type LevelPoints = Record<OutletLevel, number>;

/** 考核办法: points per event and level; a penalty per missed commissioned piece (约稿). */
export interface PointsTable {
  adopted: LevelPoints;
  published: LevelPoints;
  instructed: LevelPoints;
  missed: number;
  /**
   * The two-miss rule of some schemes: this many missed 约稿 in a year set the year's score targets
   * (the information ranking) to zero. Absent or 0: no such rule.
   */
  missedLimit?: number;
}

export interface YearTargets { year: number; targets: TargetDefinition[]; points: PointsTable }

const LEVEL_RANK: Record<OutletLevel, number> = { central: 4, provincial: 3, city: 2, district: 1 };

/** True when `level` is `min` or higher (中央 > 省级 > 市级 > 区级). */
export function atLeast(level: OutletLevel, min: OutletLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[min];
}

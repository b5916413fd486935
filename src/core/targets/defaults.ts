/**
 * Default targets for a new year, from the office's 2023 work plan (沂河新区党政办公室2023年工作打算)
 * as the spec tabulates it, and a default points table (考核办法). Both are data the clerk edits.
 */
import type { PointsTable, TargetDefinition, YearTargets } from './model';

const COMPREHENSIVE_KINDS = ['comprehensive', 'research', 'official'];

export function defaultTargets(): TargetDefinition[] {
  return [
    {
      key: 'journal-articles', name: '市级以上刊物发表综合文稿', target: 10,
      rule: { type: 'rule', pieceKinds: COMPREHENSIVE_KINDS, outletKinds: ['journal'], minLevel: 'city', levelFrom: 'outlet', event: 'published', unit: 'pieces' },
    },
    {
      key: 'research-awards', name: '获评省市级优秀调研成果', target: 5,
      rule: { type: 'rule', pieceKinds: ['research'], outletKinds: [], minLevel: 'city', levelFrom: 'event', event: 'rated', unit: 'pieces' },
    },
    { key: 'research-topics', name: '确立调研课题', target: 10, rule: { type: 'manual', count: 0 } },
    {
      key: 'info-reports', name: '报送政务信息', target: 300,
      rule: { type: 'rule', pieceKinds: ['info'], outletKinds: ['channel'], minLevel: 'district', levelFrom: 'outlet', event: 'submitted', unit: 'pieces' },
    },
    // The rank itself comes from the city; the desk shows the score its points table gives.
    { key: 'info-ranking', name: '政务信息考核得分', target: 0, rule: { type: 'score', pieceKinds: ['info'], outletKinds: ['channel'] } },
    {
      key: 'central-provincial-media', name: '中央、省级媒体发稿', target: 20,
      rule: { type: 'rule', pieceKinds: ['media'], outletKinds: ['media'], minLevel: 'provincial', levelFrom: 'outlet', event: 'published', unit: 'publications' },
    },
    {
      key: 'city-plus-media', name: '市级以上媒体发稿', target: 2000,
      rule: { type: 'rule', pieceKinds: ['media'], outletKinds: ['media'], minLevel: 'city', levelFrom: 'outlet', event: 'published', unit: 'publications' },
    },
    { key: 'lecture-series', name: '举办“沂河大讲堂”', target: 12, rule: { type: 'manual', count: 0 } },
  ];
}

/** Adoption 2 / 5 / 10 points at city / provincial / central level; instruction 5 / 10 / 20; missed 约稿 −10. */
export function defaultPointsTable(): PointsTable {
  return {
    adopted: { central: 10, provincial: 5, city: 2, district: 0 },
    published: { central: 0, provincial: 0, city: 0, district: 0 },
    instructed: { central: 20, provincial: 10, city: 5, district: 0 },
    missed: -10,
  };
}

export function defaultYearTargets(year: number): YearTargets {
  return { year, targets: defaultTargets(), points: defaultPointsTable() };
}

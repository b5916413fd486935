import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAINS } from '../../core/domain/workflow';
import {
  CorruptColumnError, documentChainColumn, documentPropertiesColumn, proofingListColumn, proofReportColumn,
  submissionExtrasColumn, submissionFactsColumn, userRolesColumn, yearTargetsColumn,
} from './jsonColumns';
import { defaultYearTargets } from '../../core/targets/defaults';

describe('JSON columns', () => {
  it('read back what the stores write', () => {
    const chain = DEFAULT_CHAINS.official;
    expect(documentChainColumn.parse(documentChainColumn.stringify(chain), 'd1')).toEqual(chain);
    const properties = { 发文字号: '京政发〔2024〕3号', 主送机关: ['各区政府', '各委办局'] };
    expect(documentPropertiesColumn.parse(documentPropertiesColumn.stringify(properties), 'd1')).toEqual(properties);
    const report = { checkedAt: '2024-05-01T00:00:00Z', error: 0, warning: 2, hint: 1, ignored: 0 };
    expect(proofReportColumn.parse(proofReportColumn.stringify(report), '7')).toEqual(report);
    const { targets, points } = defaultYearTargets(2024);
    // The plan's defaults are what a year saved unchanged stores: they pass the request's schema.
    expect(yearTargetsColumn.parse(JSON.stringify({ targets, points }), '2024')).toEqual({ targets, points });
    const phrasing = [{ wrong: '二零二四年', right: '2024年' }];
    expect(proofingListColumn('phrasing').parse(JSON.stringify(phrasing), 'phrasing')).toEqual(phrasing);
  });

  it('name the column and the row when the text is not JSON', () => {
    expect(() => documentPropertiesColumn.parse('{"发文字号": ', 'doc-1'))
      .toThrow(new CorruptColumnError('documents.properties', 'doc-1', 'not JSON'));
    expect(() => userRolesColumn.parse('', 'user-1')).toThrow('users.roles of user-1 is corrupt: not JSON');
  });

  it('refuse a value of the wrong shape instead of handing it on', () => {
    expect(() => documentPropertiesColumn.parse('[]', 'doc-1')).toThrow(/documents\.properties of doc-1 is corrupt/);
    expect(() => documentPropertiesColumn.parse('{"期号": 3}', 'doc-1')).toThrow(/documents\.properties of doc-1 is corrupt: 期号/);
    expect(() => documentChainColumn.parse('{"draftName": "起草", "checkpoints": []}', 'doc-2')).toThrow(/documents\.chain of doc-2 is corrupt: checkpoints/);
    expect(() => submissionFactsColumn.parse('{"status": "lost"}', 'sub-1')).toThrow(/ledger_submissions\.facts of sub-1 is corrupt/);
    expect(() => submissionExtrasColumn.parse('{"ratings": [{"on": "2024-01-02", "level": "galactic"}], "instructions": [], "missed": []}', 'sub-1'))
      .toThrow(/ledger_submissions\.extras of sub-1 is corrupt: ratings\.0\.level/);
    expect(() => proofReportColumn.parse('null', '9')).toThrow(/transitions\.proof_report of 9 is corrupt/);
    expect(() => userRolesColumn.parse('"admin"', 'user-1')).toThrow(/users\.roles of user-1 is corrupt/);
  });

  it('drop a role word no longer known, as the directory always did', () => {
    expect(userRolesColumn.parse('["writer", "editor-in-chief", "admin"]', 'user-1')).toEqual(['writer', 'admin']);
  });
});

// The reviewer's words for changes to bonus pools and the budget (engine/review/money-diff.ts): a
// pool moved from a fixed amount to a share of a metric, a yes/no setting, a team budget removed —
// said as finance says them, never as a key path with JSON (`fund.share_of — → {"metric":"gmv",…}`,
// `预算 teams {"一组":17000} → —`, `暂扣者不参与 — → true`).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// 团队奖金池 ¥1,000 per team from grade B, a budget of ¥40,000 with 一组 ¥17,000
const BEFORE = 'test/money/fixtures/pool-policy.yaml';
const dir = mkdtempSync(join(tmpdir(), 'yardstick-money-diff-'));
const AFTER = join(dir, 'after.yaml');
writeFileSync(
  AFTER,
  readFileSync(BEFORE, 'utf8')
    .replace('    fund: { fixed: 1000 }', '    fund: { share_of: { metric: gmv, rate: 0.01 } }')
    .replace('    min_grade: B\n', '    min_grade: B\n    exclude_held: true\n')
    .replace('  teams: { 一组: 17000 }\n', ''),
);

const changes = async (lang: 'zh' | 'en') => {
  const r = await yardstick('diff', BEFORE, AFTER, '--lang', lang);
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter((l) => /^ {4}[-+~] /.test(l));
};

describe('pool and budget changes in words', () => {
  it('says them in Chinese', async () => {
    expect(await changes('zh')).toEqual([
      '    - 奖金池 团队奖金池 金额 ¥1,000.00 → —',
      '    + 奖金池 团队奖金池 资金 — → GMV 合计 × 1%',
      '    + 奖金池 团队奖金池 暂扣者不参与 — → 是',
      '    - 预算 团队 一组 ¥17,000.00 → —',
    ]);
  });

  it('and in English', async () => {
    expect(await changes('en')).toEqual([
      '    - pool 团队奖金池 amount ¥1,000.00 → —',
      '    + pool 团队奖金池 fund — → 1% of the GMV total',
      '    + pool 团队奖金池 held people left out — → yes',
      '    - budget team 一组 ¥17,000.00 → —',
    ]);
  });

  it('says a change of the metric a pool is funded from by its label', async () => {
    const gmvFunded = readFileSync(AFTER, 'utf8');
    const other = join(dir, 'other.yaml');
    writeFileSync(
      other,
      gmvFunded
        .replace(
          '  gmv: { label: GMV, unit: money, default: 0 }\n',
          '  gmv: { label: GMV, unit: money, default: 0 }\n  sales: { label: 成交额, unit: money, default: 0 }\n',
        )
        .replace('share_of: { metric: gmv, rate: 0.01 }', 'share_of: { metric: sales, rate: 0.015 }'),
    );
    writeFileSync(
      join(dir, 'before-gmv.yaml'),
      gmvFunded.replace(
        '  gmv: { label: GMV, unit: money, default: 0 }\n',
        '  gmv: { label: GMV, unit: money, default: 0 }\n  sales: { label: 成交额, unit: money, default: 0 }\n',
      ),
    );
    const r = await yardstick('diff', join(dir, 'before-gmv.yaml'), other);
    expect(r.stdout.split('\n').filter((l) => /^ {4}[-+~] /.test(l))).toEqual([
      '    ~ 奖金池 团队奖金池 提成基数 GMV → 成交额',
      '    ~ 奖金池 团队奖金池 提成比例 1% → 1.5%',
    ]);
  });
});

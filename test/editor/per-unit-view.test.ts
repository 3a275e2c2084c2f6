// The visual panels show a per-unit award or points rule in business words (read-only): what is
// counted, by its label, the amount per unit and the rule's own max.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policyView } from '../../editor/app/lib/model.js';
import { words } from '../../editor/app/lib/i18n.js';

const DOC = parse(`
metrics:
  viral_videos: { label: 爆款视频数, unit: count }
  leads: { label: 新增线索, unit: count }
stages: { only: { title: 常规 } }
roles: {}
adjustments:
  viral_award:
    title: 爆款奖励
    when: { fact: viral_videos, operator: greaterThan, value: 0 }
    award: { per: viral_videos, amount: 500, max: 5000 }
    points: 2
  lead_bonus:
    title: 超额线索奖励
    when: { fact: tier, operator: absent }
    award: { per: leads - 50, amount: 0.5 }
`);

describe('per-unit rules in the panels', () => {
  const view = policyView(DOC)!;

  it('lists each per-unit effect with the label of what is counted', () => {
    expect(view.rules.map((r) => [r.id, r.perUnit])).toEqual([
      ['viral_award', [{ kind: 'award', per: '爆款视频数', amount: 500, max: 5000 }]],
      ['lead_bonus', [{ kind: 'award', per: 'leads - 50', amount: 0.5 }]],
    ]);
  });

  it('words them in Chinese and English', () => {
    expect(words.zh.perUnit('award', '爆款视频数', '¥500.00', '¥5,000.00')).toBe(
      '按件计：每 1 个「爆款视频数」奖励 ¥500.00，最多 ¥5,000.00',
    );
    expect(words.zh.perUnit('points', '百万播放视频数', '2', '10')).toBe(
      '按件计：每 1 个「百万播放视频数」加 2 分，最多 10 分',
    );
    expect(words.en.perUnit('award', 'leads - 50', '¥0.50', undefined)).toBe('per unit: ¥0.50 for each 「leads - 50」');
    expect(words.zh.operators.absent).toBe('为空（没有）');
  });
});

// The scorecard the editor shows: rules that fired in business words (never 「等级 C = C」), caps
// that block the next grade and tier, and the formula with the employee's numbers. The sample
// month's rows are read by hand in each case.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PreviewSession } from '../../editor/app/lib/preview-session.js';

const session = new PreviewSession();
beforeAll(async () => {
  await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
  await session.evaluate(1, readFileSync('policies/short-video-team.yaml', 'utf8'), undefined, 'zh', () => 0);
});
const card = (id: string) => {
  const view = session.explain(1, id);
  if (!view) throw new Error(`no scorecard for ${id}`);
  return view;
};

describe('the scorecard view', () => {
  it('a hold says its conditions with the values: SV0021 has 350,000 plays and 800 likes (800 / 350,000 = 0.23%)', () => {
    expect(card('SV0021').holds).toEqual([
      {
        title: '疑似刷量',
        why: '播放量 350,000 > 100,000，且 点赞率 0.23% < 0.5%，播放量超过10万但点赞率低于0.5%，请用蝉妈妈或飞瓜核实数据后再发放',
      },
    ]);
  });

  it('a veto caps the score at 60 and the grade at C, so no next grade or tier is offered (SV0034, 1 violation)', () => {
    const v = card('SV0034');
    expect(v.adjustments).toEqual([
      { title: '内容违规一票否决', why: '违规次数 1 > 0', effect: '总分封顶 60，等级封顶 C' },
    ]);
    expect([v.grade, v.nextGrade, v.nextTier]).toEqual([
      'C',
      '等级或总分已封顶，本期不能再升级',
      '总分已封顶，本期到不了下一档',
    ]);
  });

  it('the improvement plan of someone graded C reads 「等级为 C」', () => {
    const v = card('SV0008');
    expect(v.grade).toBe('C');
    expect(v.triggers[0]).toEqual({
      title: '绩效改进计划(PIP)',
      action: '绩效改进计划，30 天，需培训，一个月改进期，仍未达标则调岗或退出',
      why: '等级为 C',
    });
  });
});

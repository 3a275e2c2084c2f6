// Team names are free text: one team may arrive as 短视频一组, 短視頻一組, 短视频1组 or ＳＶ１组.
// Width, spaces and invisible characters never make a new team (with a warning when they merged
// spellings); traditional/simplified characters and 一/1 are warned about without a declaration,
// and with the policy's `teams:` only declared spellings are teams: anything else is an error.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, type DataContract } from '../../engine/data/index.js';
import { teamFold, teamName, TeamDirectory } from '../../engine/language/teams.js';
import { loadPolicy, localise } from '../../engine/index.js';
import { compiledPolicy, csvText, dataContract, policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

const contract = dataContract({
  metrics: { rating: { label: '评分', unit: 'score', range: [0, 100] } },
  roles: { staff: '员工' },
  stages: { only: '常规' },
});
const declared: DataContract = {
  ...contract,
  teams: [
    { id: 'sv1', title: '短视频一组', aliases: ['短视频1组', '短視頻一組'] },
    { id: 'sv2', title: '短视频二组' },
  ],
};

const csv = (...teams: string[]) =>
  csvText(
    '工号,姓名,岗位,团队,阶段,月份,评分',
    ...teams.map((t, i) => `E${i + 1},员工${i + 1},员工,${t},常规,2026-10,80`),
  );
const cells = (r: ReturnType<typeof readRecords>) =>
  r.diagnostics.map((d) => [d.code, d.severity, d.message, d.cell?.row, d.cell?.column, d.cell?.value]);

describe('team names', () => {
  it('are grouped after NFKC, removing invisible characters, trimming and collapsing spaces', () => {
    expect(teamName('ＳＶ１组')).toBe('SV1组');
    expect(teamName(' 直播\u3000 二组 ')).toBe('直播 二组');
    expect(teamName('短视频\u200b一组')).toBe('短视频一组');
  });

  it('fold traditional characters, Chinese numerals, every space and case only to compare', () => {
    expect(teamFold('短視頻一組')).toBe('短视频1组');
    expect(teamFold('短视频 1 组')).toBe('短视频1组');
    expect(teamFold('運營十二組')).toBe('运营12组');
    expect(teamFold('二十组')).toBe('20组');
    expect(teamFold('十组')).toBe('10组');
    expect(teamFold('Live A')).toBe('livea');
  });

  it('a declared team is found by its title, id or alias, whatever the width, spaces and letter case', () => {
    const d = new TeamDirectory(declared.teams!);
    expect(
      ['短视频一组', 'sv1', 'ｓｖ１', 'SV1', ' 短视频1组 ', '短視頻一組', '短视频二组'].map((t) => d.find(t)),
    ).toEqual(['短视频一组', '短视频一组', '短视频一组', '短视频一组', '短视频一组', '短视频一组', '短视频二组']);
    expect(d.find('短视频三组')).toBeUndefined();
    // the nearest: the same fold first, then a small edit; never a team that differs only by its number
    expect(d.nearest('短视頻1組')).toBe('短视频一组');
    expect(d.nearest('短视频二組 ')).toBe('短视频二组');
    expect(d.nearest('短视屏二组')).toBe('短视频二组');
    expect(d.nearest('短视频三组')).toBeUndefined();
    expect(d.nearest('直播组')).toBeUndefined();
  });
});

describe('reading teams without a declaration', () => {
  it('merges width and space variants into one team, with a warning at the first merged spelling', () => {
    const r = readRecords(csv('AB组', 'ＡＢ组', 'AB组', 'A\u200bB组', 'CD  组'), 'csv', contract, { file: 'm.csv' });
    expect(r.records.map((x) => x.team)).toEqual(['AB组', 'AB组', 'AB组', 'AB组', 'CD 组']);
    expect(cells(r)).toEqual([
      [
        'data_team_spelling_merged',
        'warning',
        'team `ＡＢ组` differs from `AB组` only in width, spaces or invisible characters and is counted as team `AB组`',
        3,
        '团队',
        'ＡＢ组',
      ],
      [
        'data_team_spelling_merged',
        'warning',
        'team `A\u200bB组` differs from `AB组` only in width, spaces or invisible characters and is counted as team `AB组`',
        5,
        '团队',
        'A\u200bB组',
      ],
    ]);
  });

  it('warns about traditional/simplified, 一/1 and inner-space variants, which stay separate teams', () => {
    const r = readRecords(
      csv('短视频一组', '短视频二组', '短視頻一組', '短视频1组', '短视频 二组', '短视频一组'),
      'csv',
      contract,
      { file: 'm.csv' },
    );
    expect(r.records.map((x) => x.team)).toEqual([
      '短视频一组',
      '短视频二组',
      '短視頻一組',
      '短视频1组',
      '短视频 二组',
      '短视频一组',
    ]);
    expect(cells(r)).toEqual([
      [
        'data_similar_teams',
        'warning',
        'teams `短視頻一組` and `短视频一组` look like one team written two ways, but are counted as two teams',
        4,
        '团队',
        '短視頻一組',
      ],
      [
        'data_similar_teams',
        'warning',
        'teams `短视频1组` and `短视频一组` look like one team written two ways, but are counted as two teams',
        5,
        '团队',
        '短视频1组',
      ],
      [
        'data_similar_teams',
        'warning',
        'teams `短视频 二组` and `短视频二组` look like one team written two ways, but are counted as two teams',
        6,
        '团队',
        '短视频 二组',
      ],
    ]);
    expect(r.diagnostics[0].help).toBe(
      'if they are one team, declare the teams in the policy (`teams:`) with `短視頻一組` among the aliases of `短视频一组`, or write it one way in the data; if they are two teams, declare both in `teams:`',
    );
  });

  it('a team cell holding only invisible characters is empty', () => {
    const r = readRecords(csv('AB组', '\u200b\u200b'), 'csv', contract, { file: 'm.csv' });
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
    expect(r.excluded[0].reasons.map((d) => [d.code, d.message, d.cell])).toEqual([
      [
        'data_missing_field',
        'empty `团队` (team): the cell holds only invisible characters',
        { row: 3, column: '团队', value: '\u200b\u200b' },
      ],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('different teams are not near-duplicates', () => {
    expect(
      readRecords(csv('短视频一组', '短视频二组', '直播一组', '短视频十一组', '短视频十二组'), 'csv', contract)
        .diagnostics,
    ).toEqual([]);
  });

  // the fold (teamFold) drops a number's leading zeros: 短视频01组 was folded as `短视频01组`, no warning
  it('a number written with a leading zero is the same number: 短视频01组 beside 短视频1组 is warned about', () => {
    expect(cells(readRecords(csv('短视频1组', '短视频01组', '短视频001组'), 'csv', contract))).toEqual([
      [
        'data_similar_teams',
        'warning',
        'teams `短视频01组` and `短视频1组` look like one team written two ways, but are counted as two teams',
        3,
        '团队',
        '短视频01组',
      ],
      [
        'data_similar_teams',
        'warning',
        'teams `短视频001组` and `短视频1组` look like one team written two ways, but are counted as two teams',
        4,
        '团队',
        '短视频001组',
      ],
    ]);
  });

  it('but 短视频10组 and 短视频0组 beside 短视频1组 are other numbers', () => {
    expect(readRecords(csv('短视频1组', '短视频10组', '短视频0组'), 'csv', contract).diagnostics).toEqual([]);
  });
});

describe('reading teams the policy declares', () => {
  it('every spelling becomes the team title; there is nothing to warn about', () => {
    const r = readRecords(csv('短视频一组', '短視頻一組', '短视频1组', ' ｓｖ１ ', 'sv2'), 'csv', declared, {
      file: 'm.csv',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.excluded).toEqual([]);
    expect(r.records.map((x) => x.team)).toEqual([
      '短视频一组',
      '短视频一组',
      '短视频一组',
      '短视频一组',
      '短视频二组',
    ]);
  });

  it('an undeclared team is an error at its cell, with the nearest declared team', () => {
    const r = readRecords(csv('短视频一组', '短视频1組', '短视频三组'), 'csv', declared, { file: 'm.csv' });
    expect(r.records.map((x) => x.employee_id)).toEqual(['E1']);
    expect(
      r.excluded.map((x) => x.reasons.map((d) => [x.employee_id, d.code, d.message, d.help, d.file, d.cell])),
    ).toEqual([
      [
        [
          'E2',
          'data_unknown_team',
          'unknown team `短视频1組`',
          "did you mean `短视频一组`? declared teams: 短视频一组, 短视频二组; a team written another way goes under that team's `aliases` in the policy",
          'm.csv',
          { row: 3, column: '团队', value: '短视频1組' },
        ],
      ],
      [
        [
          'E3',
          'data_unknown_team',
          'unknown team `短视频三组`',
          "declared teams: 短视频一组, 短视频二组; a team written another way goes under that team's `aliases` in the policy",
          'm.csv',
          { row: 4, column: '团队', value: '短视频三组' },
        ],
      ],
    ]);
  });
});

describe('the policy key `teams:`', () => {
  const POLICY = `policy: teams
title: 团队
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
teams:
  sv1: { title: 短视频一组, aliases: [ 短视频1组 ] }
  sv2: { title: 短视频二组 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      rating: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
  const problems = (text: string) => {
    const r = loadPolicy(text, 'p.yaml');
    return r.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column]);
  };

  it('loads, and its teams reach the data contract', () => {
    expect(compiledPolicy(POLICY, 'p.yaml').contract.teams).toEqual([
      { id: 'sv1', title: '短视频一组', aliases: ['短视频1组'] },
      { id: 'sv2', title: '短视频二组' },
    ]);
  });

  it('a spelling may name one team only (width and spaces do not count as a difference)', () => {
    expect(
      problems(POLICY.replace('sv2: { title: 短视频二组 }', 'sv2: { title: 短视频二组, aliases: [ 短视频１组 ] }')),
    ).toEqual([['policy_duplicate_team_name', 'team name `短视频１组` is used by both `sv1` and `sv2`', 10, 35]]);
  });

  it('a team condition compares with a declared title', () => {
    const withRule = (value: string) =>
      POLICY.replace(
        'grades:',
        `adjustments:\n  bonus: { title: 加分, when: { all: [ { fact: team, operator: equal, value: ${value} } ] }, points: 1 }\ngrades:`,
      );
    expect(problems(withRule('短视频一组'))).toEqual([]);
    expect(problems(withRule('短视频1组'))).toEqual([
      [
        'policy_team_not_title',
        "`短视频1组` is another spelling of team `短视频一组`: conditions compare with the team's title",
        18,
        76,
      ],
    ]);
    expect(problems(withRule('短视频三组'))).toEqual([['policy_unknown_team', 'unknown team `短视频三组`', 18, 76]]);
  });

  it('the schema refuses a team without a title and an id that is not an id', () => {
    expect(problems(POLICY.replace('sv2: { title: 短视频二组 }', 'SV2: { aliases: [ 二组 ] }'))).toEqual([
      ['schema_bad_id', '`SV2` in `teams` is not a valid id', 10, 3],
      ['schema_missing_key', '`teams.SV2` is missing required key `title`', 10, 3],
    ]);
  });
});

describe('the bundled livestream policy declares its teams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-teams-'));
  const sample = readFileSync('examples/livestream-2026-10.csv', 'utf8').replace(/^\uFEFF/, '');
  const lines = sample.trimEnd().split('\n');
  const teamCol = lines[0].split(',').indexOf('团队');
  const rowsOf = (team: string) => lines.slice(1).filter((l) => l.split(',')[teamCol] === team).length;

  it('an export writing 直播1组 / 直播二組 counts in 直播一组 / 直播二组, and ranks in that cohort, identically in every run', async () => {
    // every 直播一组 row written 直播1组, the first 直播二组 row written with a traditional 組
    let traditional = false;
    const variant =
      [
        lines[0],
        ...lines.slice(1).map((l) => {
          const c = l.split(',');
          if (c[teamCol] === '直播一组') c[teamCol] = '直播1组';
          else if (c[teamCol] === '直播二组' && !traditional) {
            // 組 is not a declared spelling: this row is an error naming the nearest team
            traditional = true;
            c[teamCol] = '直播二組';
          }
          return c.join(',');
        }),
      ].join('\n') + '\n';
    writeFileSync(join(dir, 'variant.csv'), variant);
    const original = JSON.parse(
      (
        await yardstick(
          'run',
          'policies/livestream-team.yaml',
          '--data',
          'examples/livestream-2026-10.csv',
          '--format',
          'json',
          '--exclude-invalid',
        )
      ).stdout,
    );
    const r = await yardstick(
      'run',
      'policies/livestream-team.yaml',
      '--data',
      join(dir, 'variant.csv'),
      '--format',
      'json',
      '--exclude-invalid',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.summary.by_team)).toEqual(['直播一组', '直播二组', '直播三组', '直播四组']);
    // 直播一组 is whole again: its employees, pay and calibration are the original's
    expect(out.summary.by_team['直播一组']).toEqual(original.summary.by_team['直播一组']);
    const cohort = (o: { scorecards: { team: string; employee_id: string; calibration: unknown }[] }) =>
      o.scorecards.filter((c) => c.team === '直播一组').map((c) => [c.employee_id, c.calibration]);
    expect(cohort(out)).toEqual(cohort(original));
    // the 直播二組 row is excluded, with the hint
    expect(out.summary.by_team['直播二组'].employees).toBe(original.summary.by_team['直播二组'].employees - 1);
    expect(r.stderr).toContain('error[data_unknown_team]: unknown team `直播二組`');
    expect(r.stderr).toContain('help: did you mean `直播二组`? declared teams: 直播一组, 直播二组, 直播三组, 直播四组');
    expect(rowsOf('直播一组')).toBe(
      out.summary.by_team['直播一组'].employees +
        original.excluded.filter((x: { row: number }) => lines[x.row - 1].split(',')[teamCol] === '直播一组').length,
    );
  });
});

describe('whole-file, joined and streaming runs read teams identically', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-teams-stream-'));
  const teamsPolicy = () => policy().set('policy', 'teams').set('title', '团队');
  const POLICY = teamsPolicy().yaml();
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'm.csv'), csv('短视频一组', 'ＡＢ组', '短視頻一組', 'AB组'));
  writeFileSync(
    join(dir, 'roster.csv'),
    csvText(
      '工号,姓名,岗位,团队,阶段',
      'E1,员工1,员工,短视频一组,常规',
      'E2,员工2,员工,ＡＢ组,常规',
      'E3,员工3,员工,短視頻一組,常规',
      'E4,员工4,员工,AB组,常规',
    ),
  );
  writeFileSync(join(dir, 'reviews.csv'), csvText('工号,评分', 'E1,80', 'E2,80', 'E3,80', 'E4,80'));
  writeFileSync(
    join(dir, 'month.data.yaml'),
    'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: reviews.csv\n    key: { column: 工号 }\n',
  );
  const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('warning[data_'));

  it('the same teams and the same warnings', async () => {
    const whole = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'm.csv'), '--format', 'json');
    const out = JSON.parse(whole.stdout);
    // 4 × 800: ＡＢ组 joins AB组; 短視頻一組 stays apart, with a warning
    expect(Object.keys(out.summary.by_team).map((t) => [t, out.summary.by_team[t].employees])).toEqual([
      ['短视频一组', 1],
      ['AB组', 2],
      ['短視頻一組', 1],
    ]);
    const expected = [
      // row 3's ＡＢ组 is met first: row 5's AB组 is the other spelling
      `${join(dir, 'm.csv')}:4: warning[data_similar_teams]: teams \`短視頻一組\` and \`短视频一组\` look like one team written two ways, but are counted as two teams`,
      `${join(dir, 'm.csv')}:5: warning[data_team_spelling_merged]: team \`AB组\` differs from \`ＡＢ组\` only in width, spaces or invisible characters and is counted as team \`AB组\``,
    ];
    expect(warnings(whole.stderr)).toEqual(expected);
    for (const workers of ['1', '2']) {
      const streamed = await yardstick(
        'run',
        join(dir, 'p.yaml'),
        '--data',
        join(dir, 'm.csv'),
        '--format',
        'csv',
        '--out',
        join(dir, `r${workers}.csv`),
        '--workers',
        workers,
      );
      expect(warnings(streamed.stderr)).toEqual(expected);
      expect(
        readFileSync(join(dir, `r${workers}.csv`), 'utf8')
          .split('\r\n')
          .slice(1, 5)
          .map((l) => l.split(',')[2]),
      ).toEqual(['短视频一组', 'AB组', '短視頻一組', 'AB组']);
    }
    const joined = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'month.data.yaml'),
      '--format',
      'json',
    );
    const j = JSON.parse(joined.stdout);
    expect(Object.keys(j.summary.by_team).map((t) => [t, j.summary.by_team[t].employees])).toEqual([
      ['短视频一组', 1],
      ['AB组', 2],
      ['短視頻一組', 1],
    ]);
    expect(warnings(joined.stderr)).toEqual(expected.map((l) => l.replace(join(dir, 'm.csv'), 'roster.csv')));
  });

  it("a data mapping may declare the roster's teams, for a policy that does not", async () => {
    writeFileSync(
      join(dir, 'teams.data.yaml'),
      'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: reviews.csv\n    key: { column: 工号 }\nteams:\n  sv1: { title: 短视频一组, aliases: [ 短視頻一組 ] }\n  ab: { title: AB组 }\n',
    );
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'teams.data.yaml'), '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 短視頻一組 is an alias of 短视频一组, ＡＢ组 is AB组 in full width: two teams of two, 800 each
    expect(out.summary.by_team).toEqual({
      短视频一组: { employees: 2, payout_total: 1600 },
      AB组: { employees: 2, payout_total: 1600 },
    });
    expect(warnings(r.stderr)).toEqual([]);

    writeFileSync(
      join(dir, 'short.data.yaml'),
      'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: reviews.csv\n    key: { column: 工号 }\nteams:\n  sv1: { title: 短视频一组 }\n  ab: { title: AB组 }\n',
    );
    const short = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'short.data.yaml'),
      '--format',
      'json',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('roster.csv:4: error[data_unknown_team]: unknown team `短視頻一組`');
    expect(short.stderr).toContain('help: did you mean `短视频一组`? declared teams: 短视频一组, AB组');

    // one list only: a policy with teams: and a mapping with teams: is refused
    writeFileSync(join(dir, 'declared.yaml'), teamsPolicy().team('sv1', '短视频一组').yaml());
    const both = await yardstick('run', join(dir, 'declared.yaml'), '--data', join(dir, 'teams.data.yaml'));
    expect(both.code).toBe(1);
    expect(both.stderr).toBe(
      `error: ${join(dir, 'teams.data.yaml')}: the policy declares its teams already, so the data mapping may not\n  help: keep one list: add the other spellings to the policy's \`teams:\` as \`aliases\`, and remove \`teams:\` from the mapping`,
    );
  });
});

describe('teams that look like one, when the policy shares pay by team', () => {
  const loaded = (set: (b: ReturnType<typeof policy>) => ReturnType<typeof policy>) => {
    const r = loadPolicy(set(policy()).yaml(), 'p.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return r.policy.contract;
  };

  it('a team budget: 短视频 一组 beside 短视频一组 is an error at its cell, naming what is shared by team', () => {
    const c = loaded((b) => b.set('budget', { total: 100000, teams: { 短视频一组: 50000 } }));
    const r = readRecords(csv('短视频一组', '短视频 一组'), 'csv', c, { file: 'm.csv' });
    expect(cells(r)).toEqual([
      [
        'data_similar_teams',
        'error',
        'teams `短视频 一组` and `短视频一组` look like one team written two ways, and the policy shares pay by team (team budgets): as two teams they would be paid differently',
        3,
        '团队',
        '短视频 一组',
      ],
    ]);
  });

  it('forced distribution within teams and a pool per team are named, in Chinese too', () => {
    const c = loaded((b) =>
      b
        .set('calibration', { within: 'team', quotas: { A: { max: 0.5 } } })
        .set('pools', { bonus: { title: '团队奖金池', per: 'team', fund: { fixed: 1000 }, weight: 'score' } }),
    );
    const r = readRecords(csv('直播一组', '直播1组'), 'csv', c, { file: 'm.csv' });
    expect(r.diagnostics.map((d) => [d.severity, localise(d, 'zh').message])).toEqual([
      [
        'error',
        '团队 `直播1组` 和 `直播一组` 像是同一团队的两种写法，而政策按团队分配（团队内强制分布、奖金池 `bonus` 按团队）：按两个团队计算会改变发放结果',
      ],
    ]);
  });

  it('a policy sharing nothing by team only warns, as before', () => {
    const r = readRecords(
      csv('短视频一组', '短视频 一组'),
      'csv',
      loaded((b) => b),
      { file: 'm.csv' },
    );
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['data_similar_teams', 'warning']]);
  });
});

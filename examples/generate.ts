// Seeded generator of synthetic "last month" data for the bundled policies (no real people).
//
//   npm run gen:sample                                   → examples/*-2026-10.csv
//   npm run gen:sample -- --count 100000 --out FILE      → N flagship records for benchmarks
//                        [--seed S] [--with-errors]
//
// Deliberate edge cases in sample-2026-10.csv (flagship), each exactly once:
//   SV0007 zero plays (director: 播放量 0, 点赞量 0)     SV0013 missing 完播率 (director)
//   SV0021 suspected fake traffic (35万 plays, 800 likes) SV0034 a content violation (违规次数 1)
//   SV0042 viral hit (单条最高播放 1,200,000)             SV0055 bad cell `12..5` in 发布视频数
//   SV0068 completion rate exactly on target (40.0%)
// livestream-2026-10.csv: LS0006 GMV with 0 orders (hold), LS0011 GMV target 0 (cannot be scored),
//   LS0019 a live-room violation (−20 points).
// content-2026-10.csv: CT0004 plagiarism (veto), CT0009 no ad spend (ROI defaults to 0),
//   CT0012 three trending campaigns (+5 points).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './prng.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PERIOD = '2026-10';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建新宇浩然欣怡子轩梓涵一诺佳琪雨桐思远晨曦若汐'.split('');

class Sampler {
  constructor(readonly random: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.random();
  }
  name(): string {
    return this.pick(SURNAMES) + this.pick(GIVEN) + (this.random() < 0.6 ? this.pick(GIVEN) : '');
  }
  /**
   * How well a person did this month, on the scale of an indicator's threshold (0) to challenge
   * (1): roughly 15% below threshold, 40% between threshold and target, 33% around target, 12%
   * beyond, so grades spread over C, B, A and A+.
   */
  level(): number {
    const p = this.random();
    if (p < 0.15) return -0.25 + (0.25 * p) / 0.15; // −0.25 … 0
    if (p < 0.55) return 0.04 + 0.525 * (p - 0.15); // 0.04 … 0.25
    if (p < 0.88) return 0.26 + (0.24 * (p - 0.55)) / 0.33; // 0.26 … 0.50
    return 0.5 + 2.5 * (p - 0.88); // 0.50 … 0.80
  }
  /** The person's level plus a little noise for one indicator. */
  around(level: number): number {
    return level + this.between(-0.06, 0.06);
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const lerp = (lo: number, hi: number, x: number) => lo + (hi - lo) * x;

/** Writes numbers the way export tools do: some as 1.2万 / 3.5w, some with separators, some plain. */
function count(s: Sampler, n: number): string {
  const r = s.random();
  if (n >= 10000 && r < 0.3) return `${Number((n / 10000).toFixed(2))}万`;
  if (n >= 10000 && r < 0.45) return `${Number((n / 10000).toFixed(1))}w`;
  if (n >= 1000 && r < 0.7) return n.toLocaleString('en-US');
  return String(n);
}

function ratio(s: Sampler, x: number): string {
  return s.random() < 0.6 ? `${(x * 100).toFixed(1)}%` : x.toFixed(3);
}

function csvLine(cells: (string | number)[]): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

// ---------------------------------------------------------------- short-video team (flagship)

const SV_HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '播放量', '点赞量', '完播率', '粉丝增长率', '爆款数', '单条最高播放', '主页访问量', '引流线索数', '创意采纳率', '24小时交付率', '剪辑质量评分', '热点匹配度', '出镜表现评分', '配合度评分', '粉丝互动率', '违规次数'];
const SV_TEAMS = ['短视频一组', '短视频二组', '短视频三组', '短视频四组', '短视频五组', '短视频六组', '短视频七组', '短视频八组'];
/** 25 people a team: 2 ops managers, 8 directors, 9 editors, 6 on-camera talents. */
const SV_ROLES = [...Array(2).fill('运营经理'), ...Array(8).fill('编导'), ...Array(9).fill('剪辑师'), ...Array(6).fill('演员/主播')];
const SV_FORCED_DIRECTORS = new Set([7, 13, 55, 68]);

function shortVideoRow(s: Sampler, n: number, role: string, team: string, stage: string): Record<string, string> {
  const x = s.level();
  const plays = Math.round(s.between(3, 300) * 10000);
  const likeRate = s.between(0.01, 0.05);
  const row: Record<string, string> = {
    工号: `SV${String(n).padStart(4, '0')}`,
    姓名: s.name(),
    岗位: role,
    团队: team,
    阶段: stage,
    月份: PERIOD,
    播放量: count(s, plays),
    点赞量: count(s, Math.round(plays * likeRate)),
    单条最高播放: count(s, Math.round(plays * s.between(0.05, 0.3))),
    违规次数: s.random() < 0.5 ? '0' : '',
  };
  if (role === '运营经理') {
    const videos = Math.round(s.between(20, 40));
    const visits = Math.round(s.between(5000, 50000));
    Object.assign(row, {
      发布视频数: String(videos),
      粉丝增长率: ratio(s, clamp(lerp(0.05, 0.25, s.around(x)), -0.05, 0.5)),
      爆款数: String(Math.max(0, Math.round(videos * lerp(0.05, 0.2, s.around(x))))),
      主页访问量: count(s, visits),
      引流线索数: count(s, Math.max(0, Math.round(visits * lerp(0.01, 0.05, s.around(x))))),
    });
  } else if (role === '编导') {
    Object.assign(row, {
      发布视频数: String(Math.max(0, Math.round(14 + 36 * s.around(x)))),
      完播率: ratio(s, clamp(lerp(0.3, 0.5, s.around(x)), 0.05, 0.9)),
      创意采纳率: ratio(s, clamp(lerp(0.2, 0.7, s.around(x)), 0, 1)),
    });
  } else if (role === '剪辑师') {
    Object.assign(row, {
      '24小时交付率': ratio(s, clamp(lerp(0.8, 1.0, s.around(x)), 0.5, 1)),
      剪辑质量评分: String(Math.round(clamp(60 + 70 * s.around(x), 30, 100))),
      热点匹配度: ratio(s, clamp(0.55 + 0.4 * s.around(x), 0, 1)),
    });
  } else {
    Object.assign(row, {
      出镜表现评分: clamp(3 + 3 * s.around(x), 1, 5).toFixed(1),
      配合度评分: String(Math.round(clamp(60 + 70 * s.around(x), 30, 100))),
      粉丝互动率: ratio(s, clamp(lerp(0.02, 0.08, s.around(x)), 0.001, 0.2)),
    });
  }
  return row;
}

/** The deliberate edge cases, applied to the rows with these ids. */
function applyEdgeCases(n: number, row: Record<string, string>): void {
  switch (n) {
    case 7: Object.assign(row, { 播放量: '0', 点赞量: '0', 单条最高播放: '0' }); break;
    case 13: row['完播率'] = ''; break;
    case 21: Object.assign(row, { 播放量: '35万', 点赞量: '800', 单条最高播放: '12万' }); break;
    case 34: row['违规次数'] = '1'; break;
    case 42: Object.assign(row, { 播放量: '420万', 点赞量: '12.6万', 单条最高播放: '1,200,000' }); break;
    case 55: row['发布视频数'] = '12..5'; break;
    case 68: row['完播率'] = '40.0%'; break;
  }
}

export function shortVideoCsv(count: number, seed: number, withErrors: boolean): string {
  const rows = shortVideoRows(count, seed, withErrors);
  return '\uFEFF' + [csvLine(SV_HEADER), ...rows.map((row) => csvLine(SV_HEADER.map((h) => row[h] ?? '')))].join('\n') + '\n';
}

function shortVideoRows(count: number, seed: number, withErrors: boolean): Record<string, string>[] {
  const s = new Sampler(prng(seed));
  const rows: Record<string, string>[] = [];
  for (let n = 1; n <= count; n++) {
    const t = Math.floor((n - 1) / 25) % SV_TEAMS.length;
    const team = count > 200 ? `${SV_TEAMS[t]}-${Math.floor((n - 1) / 200) + 1}` : SV_TEAMS[t];
    const stage = t < 4 ? '初创期' : '成熟期';
    const role = withErrors && SV_FORCED_DIRECTORS.has(n) ? '编导' : SV_ROLES[(n - 1) % 25];
    const row = shortVideoRow(s, n, role, team, stage);
    if (withErrors) applyEdgeCases(n, row);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------- the month as exports look

/** The roster's account name for an employee: what the creator back-office export is keyed by. */
const account = (row: Record<string, string>) => `@${row['姓名']}_${row['工号'].slice(2)}`;

const ROSTER = ['工号', '姓名', '岗位', '团队', '阶段', '抖音账号'];
/** The creator back-office export: per account, with its own header for plays. */
const CREATOR = ['账号名称', '作品播放量', '点赞量', '完播率', '单条最高播放', '发布视频数', '粉丝增长率', '爆款数', '主页访问量', '引流线索数'];
/** Internal reviews and delivery tracking, by 工号. */
const REVIEW = ['工号', '创意采纳率', '24小时交付率', '剪辑质量评分', '热点匹配度', '出镜表现评分', '配合度评分', '粉丝互动率', '违规次数'];

async function xlsx(header: string[], rows: string[][], sheet: string): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const cell = (v: string) => ({ value: v, type: String });
  return (writeXlsxFile as unknown as (d: unknown, o: unknown) => { toBuffer: () => Promise<Buffer> })([header.map(cell), ...rows.map((r) => r.map(cell))], { sheet }).toBuffer();
}

/** Writes a workbook unless one with the same cells is there: zip timestamps would churn git. */
async function writeWorkbook(path: string, bytes: Buffer): Promise<void> {
  if (existsSync(path)) {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const same = JSON.stringify(await readXlsxFile(readFileSync(path))) === JSON.stringify(await readXlsxFile(bytes));
    if (same) return;
  }
  writeFileSync(path, bytes);
}

async function gbk(text: string): Promise<Buffer> {
  const { default: iconv } = await import('iconv-lite');
  return iconv.encode(text, 'gbk');
}

async function writeExports(seed: number): Promise<void> {
  const rows = shortVideoRows(200, seed, true);
  const dir = join(HERE, `exports-${PERIOD}`);
  mkdirSync(dir, { recursive: true });
  const pick = (row: Record<string, string>, cols: string[]) => cols.map((c) => row[c] ?? '');
  // the same month, whole, in the forms HR receives it: GBK CSV from Excel, and an Excel workbook
  const csvText = [csvLine(SV_HEADER), ...rows.map((r) => csvLine(pick(r, SV_HEADER)))].join('\r\n') + '\r\n';
  writeFileSync(join(dir, 'sample-gbk.csv'), await gbk(csvText));
  await writeWorkbook(join(dir, 'sample.xlsx'), await xlsx(SV_HEADER, rows.map((r) => pick(r, SV_HEADER)), '十月'));
  // the same month split the way the exports come: roster, creator back-office (GBK, by account), reviews
  await writeWorkbook(join(dir, '花名册.xlsx'), await xlsx(ROSTER, rows.map((r) => [...pick(r, ROSTER.slice(0, 5)), account(r)]), '花名册'));
  const creator = rows.map((r) => [account(r), r['播放量'], ...pick(r, CREATOR.slice(2))]);
  creator.push(['@已离职账号_9999', '1.2万', '300', '35%', '5000', '10', '', '', '', '']); // matches nobody: reported
  writeFileSync(join(dir, '创作者后台导出.csv'), await gbk([csvLine(CREATOR), ...creator.map(csvLine)].join('\r\n') + '\r\n'));
  await writeWorkbook(join(dir, '内部评审.xlsx'), await xlsx(REVIEW, rows.map((r) => pick(r, REVIEW)), '评审'));
  writeFileSync(
    join(dir, 'month.data.yaml'),
    `# One month from three files, joined on the roster (see docs/policy-language.md, "Data mappings").
period: ${PERIOD}
roster: { file: 花名册.xlsx }
sources:
  - file: 创作者后台导出.csv # GBK, as Excel on Chinese Windows saves it
    key: { column: 账号名称, roster: 抖音账号 }
    columns: { 作品播放量: 播放量 }
  - file: 内部评审.xlsx
    key: { column: 工号 }
`,
  );
}

// ---------------------------------------------------------------- livestream team

const LS_HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '直播间GMV', 'GMV目标', '直播间订单数', '下单转化率', '平均观看时长', '退货率', 'CPM', '活动执行率', '观看人数周环比', '平均响应时长', '差评率', '询单转化率', '素材点击率', '活动页转化率', '直播违规次数'];
const LS_TEAMS = ['直播一组', '直播二组', '直播三组', '直播四组'];
const LS_ROLES = [...Array(4).fill('主播'), ...Array(4).fill('直播运营'), ...Array(4).fill('客服'), ...Array(3).fill('美工/策划')];

function livestreamCsv(seed: number, period = PERIOD, levelOf?: (n: number, s: Sampler) => number, edgeCases = true): string {
  const s = new Sampler(prng(seed));
  const lines = [csvLine(LS_HEADER)];
  const rooms = LS_TEAMS.map((_, i) => {
    const target = [800000, 1200000, 2000000, 3000000][i];
    const gmv = Math.round(target * [0.85, 0.97, 1.15, 0.72][i]);
    return { target, gmv, orders: Math.round(gmv / s.between(80, 160)) };
  });
  for (let n = 1; n <= 60; n++) {
    const t = Math.floor((n - 1) / 15);
    const role = LS_ROLES[(n - 1) % 15];
    const x = levelOf ? levelOf(n, s) : s.level();
    const room = rooms[t];
    const row: Record<string, string> = {
      工号: `LS${String(n).padStart(4, '0')}`,
      姓名: s.name(),
      岗位: role,
      团队: LS_TEAMS[t],
      阶段: t < 2 ? '初创期' : '成熟期',
      月份: period,
      直播间GMV: `¥${room.gmv.toLocaleString('en-US')}`,
      GMV目标: count(s, room.target),
      直播间订单数: count(s, room.orders),
      直播违规次数: edgeCases && n === 19 ? '1' : '0',
    };
    if (role === '主播') {
      Object.assign(row, {
        下单转化率: ratio(s, clamp(lerp(0.03, 0.07, s.around(x)), 0.005, 0.2)),
        平均观看时长: secondsText(s, Math.round(clamp(lerp(120, 240, s.around(x)), 30, 600))),
        退货率: ratio(s, clamp(lerp(0.15, 0.05, s.around(x)), 0.01, 0.4)),
      });
    } else if (role === '直播运营') {
      Object.assign(row, {
        CPM: `¥${clamp(lerp(30, 15, s.around(x)), 8, 60).toFixed(2)}`,
        活动执行率: ratio(s, clamp(lerp(0.8, 1.0, s.around(x)), 0.5, 1)),
        观看人数周环比: ratio(s, clamp(lerp(0, 0.2, s.around(x)), -0.3, 0.6)),
      });
    } else if (role === '客服') {
      Object.assign(row, {
        平均响应时长: secondsText(s, Math.round(clamp(lerp(130, 20, s.around(x)), 5, 300))),
        差评率: ratio(s, clamp(lerp(0.04, 0.01, s.around(x)), 0.002, 0.1)),
        询单转化率: ratio(s, clamp(lerp(0.2, 0.5, s.around(x)), 0.05, 0.8)),
      });
    } else {
      Object.assign(row, {
        素材点击率: ratio(s, clamp(lerp(0.05, 0.12, s.around(x)), 0.01, 0.3)),
        活动页转化率: ratio(s, clamp(lerp(0.02, 0.06, s.around(x)), 0.002, 0.15)),
      });
    }
    if (edgeCases && n === 6) row['直播间订单数'] = '0';
    if (edgeCases && n === 11) row['GMV目标'] = '0';
    lines.push(csvLine(LS_HEADER.map((h) => row[h] ?? '')));
  }
  return '\uFEFF' + lines.join('\n') + '\n';
}

function secondsText(s: Sampler, seconds: number): string {
  const m = Math.floor(seconds / 60);
  const sec = seconds % 60;
  const r = s.random();
  if (r < 0.4) return `${m ? `${m}分` : ''}${sec}秒`;
  if (r < 0.7) return `00:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  return String(seconds);
}

/**
 * Six months of the livestream team for the results ledger, each person keeping a steady level
 * with monthly noise, and three people on purpose: LS0013 always at the top (A+ twice → promotion
 * review), LS0003 always at the bottom (C twice → improvement plan escalated, exit review), LS0004
 * at the bottom in the first month only (improvement plan, closed when met the next month).
 */
const HISTORY_PERIODS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

function writeHistory(seed: number): void {
  const dir = join(HERE, 'history');
  mkdirSync(dir, { recursive: true });
  const base = new Sampler(prng(seed + 7));
  const steady = Array.from({ length: 61 }, () => base.level());
  HISTORY_PERIODS.forEach((period, month) => {
    const levelOf = (n: number, s: Sampler) =>
      n === 13 ? 0.75 : n === 3 ? -0.25 : n === 4 ? (month === 0 ? -0.25 : 0.6) : steady[n] + s.between(-0.08, 0.08);
    writeFileSync(join(dir, `livestream-${period}.csv`), livestreamCsv(seed + 100 + month, period, levelOf, false));
  });
}

// ---------------------------------------------------------------- three-dimension content team

const CT_HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '原创视频数', '平均完播率', '情感共鸣评分', '新增粉丝增长率', '粉丝留存率', '投放金额', '投放带来收入', '电商转化率', '热点策划次数', '抄袭次数'];

function contentCsv(seed: number): string {
  const s = new Sampler(prng(seed));
  const lines = [csvLine(CT_HEADER)];
  for (let n = 1; n <= 30; n++) {
    const t = Math.floor((n - 1) / 10);
    const x = s.level();
    const spend = Math.round(s.between(5000, 40000));
    const row: Record<string, string> = {
      工号: `CT${String(n).padStart(4, '0')}`,
      姓名: s.name(),
      岗位: '内容运营',
      团队: ['内容一组', '内容二组', '内容三组'][t],
      阶段: t === 0 ? '初创期' : '成熟期',
      月份: PERIOD,
      原创视频数: String(Math.round(clamp(27 + 14 * s.around(x), 5, 60))),
      平均完播率: ratio(s, clamp(lerp(0.5, 0.85, s.around(x)), 0.1, 0.99)),
      情感共鸣评分: clamp(3 + 3 * s.around(x), 1, 5).toFixed(1),
      新增粉丝增长率: ratio(s, clamp(lerp(0.05, 0.3, s.around(x)), -0.05, 0.6)),
      粉丝留存率: ratio(s, clamp(lerp(0.3, 0.7, s.around(x)), 0.05, 0.95)),
      投放金额: count(s, spend),
      投放带来收入: count(s, Math.round(spend * clamp(lerp(1, 3, s.around(x)), 0.2, 5))),
      电商转化率: ratio(s, clamp(lerp(0.01, 0.05, s.around(x)), 0.001, 0.1)),
      热点策划次数: String(Math.floor(s.between(0, 3))),
      抄袭次数: '0',
    };
    if (n === 4) row['抄袭次数'] = '1';
    if (n === 9) Object.assign(row, { 投放金额: '0', 投放带来收入: '0' });
    if (n === 12) row['热点策划次数'] = '3';
    lines.push(csvLine(CT_HEADER.map((h) => row[h] ?? '')));
  }
  return '\uFEFF' + lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- command line

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function generate(args: string[]): Promise<void> {
  const seed = Number(argValue(args, '--seed') ?? 20261015);
  const countArg = argValue(args, '--count');
  if (countArg !== undefined) {
    const n = Number(countArg);
    const out = argValue(args, '--out');
    if (!Number.isInteger(n) || n < 1 || !out) {
      process.stderr.write('usage: tsx examples/generate.ts --count N --out FILE [--seed S] [--with-errors]\n');
      process.exitCode = 2;
      return;
    }
    writeFileSync(out, shortVideoCsv(n, seed, args.includes('--with-errors')));
    process.stderr.write(`wrote ${n} records to ${out}\n`);
    return;
  }
  writeFileSync(join(HERE, `sample-${PERIOD}.csv`), shortVideoCsv(200, seed, true));
  writeFileSync(join(HERE, `livestream-${PERIOD}.csv`), livestreamCsv(seed + 1));
  writeFileSync(join(HERE, `content-${PERIOD}.csv`), contentCsv(seed + 2));
  await writeExports(seed);
  writeHistory(seed);
  process.stderr.write(`wrote examples/sample-${PERIOD}.csv (200), livestream-${PERIOD}.csv (60), content-${PERIOD}.csv (30), exports-${PERIOD}/, history/ (six months)\n`);
}

await generate(process.argv.slice(2));

// Seeded generator of the sample month as raw exports (synthetic, no real people): one row per
// video, per livestream session and per order, consistent with sample-2026-10.csv and
// livestream-2026-10.csv for the metrics the event mappings aggregate.
//
//   npm run gen:events                               → examples/events-2026-10/*
//   npm run gen:events -- --orders 1000000 --out F   → N synthetic order rows (benchmarks)
//
// 作品.csv reproduces, for every short-video employee, 发布视频数 (count), 播放量 (sum),
// 单条最高播放 (max) and 爆款数 (count of videos ≥ 10万, where the sample has it); 直播场次.csv
// reproduces 直播间GMV (the sum of session GMV) of the livestream hosts. SV0051, SV0101, SV0102
// and SV0185 have sample numbers no set of videos gives (3 爆款 with a best video of 34,673
// plays): they get no videos. SV0055's bad cell is a bad cell in 作品.csv too. 订单.csv is a small
// synthetic sample of their orders (some refunded), not the month's thousands.

import { mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseValue, readCsv } from '../engine/data/index.js';
import { prng } from './prng.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'events-2026-10');
const VIRAL = 100_000;

const csvCell = (s: string | number) => (/[",\r\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',');
const pad = (n: number) => String(n).padStart(2, '0');

/** A local (Asia/Shanghai) time in October 2026, written as the back-offices do: mostly naive, some ISO with offset. */
function octoberTime(random: () => number): string {
  const day = 1 + Math.floor(random() * 31);
  const h = Math.floor(random() * 24);
  const m = Math.floor(random() * 60);
  const s = Math.floor(random() * 60);
  return random() < 0.8 ? `2026-10-${pad(day)} ${pad(h)}:${pad(m)}:${pad(s)}` : `2026-10-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}+08:00`;
}

/** Splits `total` into parts with the given floors and caps (sum of floors ≤ total ≤ sum of caps). */
function split(total: number, floors: number[], caps: number[], random: () => number): number[] {
  const parts = [...floors];
  let left = total - floors.reduce((a, b) => a + b, 0);
  while (left > 0) {
    for (let i = 0; i < parts.length && left > 0; i++) {
      const room = caps[i] - parts[i];
      const give = Math.min(room, left, Math.max(1, Math.floor(random() * (left / parts.length) * 2)));
      parts[i] += give;
      left -= give;
    }
  }
  return parts;
}

function table(file: string) {
  const t = readCsv(readFileSync(join(HERE, file), 'utf-8'));
  if (!t.ok) throw new Error(`cannot read ${file}`);
  const col = (h: string) => t.table.header.indexOf(h);
  return { header: t.table.header, rows: t.table.rows, get: (r: string[], h: string) => r[col(h)] ?? '' };
}

const num = (raw: string, unit: 'count' | 'money' = 'count') => {
  const v = parseValue(raw, unit);
  return v.ok && v.value !== undefined ? Number(v.value) : undefined;
};

/** Videos whose count, sum, max and count ≥ 10万 are the sample's; undefined when they cannot be. */
function videosFor(n: number, plays: number, max: number | undefined, viral: number | undefined, random: () => number): number[] | undefined {
  // no 爆款数 in the sample (a role without it): as few viral videos as the plays allow
  if (viral === undefined) {
    for (let v = 0; v <= n; v++) {
      const made = videosFor(n, plays, max, v, random);
      if (made) return made;
    }
    return undefined;
  }
  if (n === 0) return plays === 0 ? [] : undefined;
  const top = max ?? Math.min(plays, Math.max(...[VIRAL - 1, Math.ceil(plays / n)]));
  const rest = n - 1;
  const restViral = viral - (top >= VIRAL ? 1 : 0);
  if (restViral < 0 || restViral > rest || (restViral > 0 && top < VIRAL)) return undefined;
  const floors = Array.from({ length: rest }, (_, i): number => (i < restViral ? VIRAL : 0));
  const caps = Array.from({ length: rest }, (_, i) => (i < restViral ? top : Math.min(top, VIRAL - 1)));
  const remaining = plays - top;
  if (remaining < floors.reduce((a, b) => a + b, 0) || remaining > caps.reduce((a, b) => a + b, 0)) return undefined;
  return [top, ...split(remaining, floors, caps, random)];
}

function writeMonth(seed: number): void {
  const random = prng(seed);
  mkdirSync(OUT, { recursive: true });
  const sv = table('sample-2026-10.csv');
  const ls = table('livestream-2026-10.csv');
  const account = (id: string) => `dy_${id.toLowerCase()}`;
  const roster = (t: typeof sv, accounts: boolean) => [csvLine(['工号', '姓名', '岗位', '团队', '阶段', ...(accounts ? ['抖音账号'] : [])]), ...t.rows.map((r) => csvLine([t.get(r, '工号'), t.get(r, '姓名'), t.get(r, '岗位'), t.get(r, '团队'), t.get(r, '阶段'), ...(accounts ? [account(t.get(r, '工号'))] : [])]))].join('\n') + '\n';
  writeFileSync(join(OUT, '花名册.csv'), roster(sv, true));
  writeFileSync(join(OUT, '直播花名册.csv'), roster(ls, false));

  // the per-employee sheet without the columns the events now give
  const fromEvents = new Set(['姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '播放量', '单条最高播放', '爆款数']);
  const keep = sv.header.map((h, i) => ({ h, i })).filter(({ h }) => !fromEvents.has(h));
  writeFileSync(join(OUT, '月度指标.csv'), [csvLine(keep.map((k) => k.h)), ...sv.rows.map((r) => csvLine(keep.map((k) => r[k.i] ?? '')))].join('\n') + '\n');

  const lsKeep = ls.header.map((h, i) => ({ h, i })).filter(({ h }) => !['姓名', '岗位', '团队', '阶段', '月份', '直播间GMV'].includes(h));
  writeFileSync(join(OUT, '直播月度指标.csv'), [csvLine(lsKeep.map((k) => k.h)), ...ls.rows.map((r) => csvLine(lsKeep.map((k) => r[k.i] ?? '')))].join('\n') + '\n');

  const videos = [csvLine(['账号名称', '作品ID', '发布时间', '播放量', '完播率'])];
  let id = 0;
  const skipped: string[] = [];
  for (const r of sv.rows) {
    const who = sv.get(r, '工号');
    const max = num(sv.get(r, '单条最高播放'));
    // a role without 发布视频数 and 播放量 (editors, talent) still has its best video: that one video
    const written = num(sv.get(r, '播放量'));
    const plays = sv.get(r, '播放量') === '' ? max : written;
    // no 发布视频数 in the sample (a role without it): enough videos for the plays
    const n = sv.get(r, '发布视频数') !== '' ? num(sv.get(r, '发布视频数')) : max === undefined || plays === undefined ? undefined : max === 0 ? 1 : Math.ceil(plays / Math.min(max, VIRAL - 1)) + 1;
    if (n === undefined || plays === undefined) {
      // the sample's bad cell (SV0055 `12..5`) is a bad cell in the export too
      if (sv.get(r, '发布视频数') === '12..5') videos.push(csvLine([account(who), `V${String(++id).padStart(6, '0')}`, octoberTime(random), '12..5', '31.0%']));
      else skipped.push(who);
      continue;
    }
    const made = videosFor(n, plays, max, num(sv.get(r, '爆款数')), random);
    if (!made) {
      skipped.push(who);
      continue;
    }
    for (const p of made) videos.push(csvLine([account(who), `V${String(++id).padStart(6, '0')}`, octoberTime(random), random() < 0.3 && p >= 10_000 ? `${p / 10_000}万` : String(p), `${(20 + random() * 50).toFixed(1)}%`]));
  }
  // one video from an account nobody in the roster has: a warning, not a payout
  videos.push(csvLine(['dy_unknown', 'V999999', '2026-10-15 12:00:00', '5000', '30.0%']));
  writeFileSync(join(OUT, '作品.csv'), videos.join('\n') + '\n');

  // sessions credited to each member of a live room: their GMV adds up to the month's 直播间GMV
  const sessions = [csvLine(['工号', '场次ID', '开播时间', '时长(分钟)', '观看人数', 'GMV'])];
  const orders = [csvLine(['工号', '订单号', '下单时间', '实付金额', '订单状态'])];
  let sid = 0;
  let oid = 0;
  for (const r of ls.rows) {
    // everyone of a room is credited with its sessions (the sample gives each the room's GMV)
    if (ls.get(r, '直播间GMV') === '') continue;
    const who = ls.get(r, '工号');
    const count = num(ls.get(r, '直播间订单数'));
    const gmv = num(ls.get(r, '直播间GMV'), 'money');
    if (count === undefined || gmv === undefined) {
      skipped.push(who);
      continue;
    }
    // amounts in fen, so that the yuan add up exactly
    const fen = Math.round(gmv * 100);
    const nSessions = 8 + Math.floor(random() * 8);
    const perSession = split(fen, Array(nSessions).fill(0), Array(nSessions).fill(fen), random);
    for (let i = 0; i < nSessions; i++) sessions.push(csvLine([who, `S${String(++sid).padStart(5, '0')}`, octoberTime(random), 60 + Math.floor(random() * 180), 1000 + Math.floor(random() * 50_000), (perSession[i] / 100).toFixed(2)]));
    // a sample of the host's orders (the month's thousands would make the folder large): 40 to 80, about 8 % refunded
    const sampled = 40 + Math.floor(random() * 40);
    for (let i = 0; i < sampled; i++) orders.push(csvLine([who, `O${String(++oid).padStart(8, '0')}`, octoberTime(random), (10 + random() * 300).toFixed(2), random() < 0.08 ? '已退款' : '已完成']));
  }
  writeFileSync(join(OUT, '直播场次.csv'), sessions.join('\n') + '\n');
  writeFileSync(join(OUT, '订单.csv'), orders.join('\n') + '\n');
  console.log(`wrote ${OUT}: ${videos.length - 1} videos, ${sessions.length - 1} sessions, ${orders.length - 1} orders${skipped.length ? `; no events for ${skipped.join(', ')} (their sample numbers cannot come from events)` : ''}`);
}

/** N synthetic orders for benchmarks: 2,000 hosts, 8 % refunded, amounts with two decimals. */
async function writeOrders(n: number, out: string, seed: number): Promise<void> {
  const random = prng(seed);
  const file = createWriteStream(out);
  const write = (s: string) => (file.write(s) ? undefined : new Promise<void>((ok) => file.once("drain", () => ok())));
  await write('工号,订单号,下单时间,实付金额,订单状态\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += `LS${String(1 + Math.floor(random() * 2000)).padStart(4, '0')},O${i},${octoberTime(random)},${(1 + random() * 500).toFixed(2)},${random() < 0.08 ? '已退款' : '已完成'}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((ok) => file.end(() => ok()));
}

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const seed = Number(arg('--seed') ?? 20261015);
if (arg('--orders')) await writeOrders(Number(arg('--orders')), arg('--out') ?? 'orders.csv', seed);
else writeMonth(seed);

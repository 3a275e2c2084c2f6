// A roll-up card in words, one line per step: the months used and missing, each fact ("6 个月中
// A+ 4 次"), the score and grade, forced distribution, each award and the total. Built from the
// finished card, as month statements are; recorded with the card so it reprints byte for byte.

import { formatFen } from '../model/money.js';
import type { GradeDef } from '../model/policy.js';
import type { RollupCard, RollupExcluded, RollupFactResult } from '../model/rollup.js';
import { OPERATOR_SIGNS, type Lang } from './explain.js';

const show = (v: unknown): string => (v === undefined ? '—' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

const list = (periods: readonly string[], lang: Lang) => periods.join(lang === 'zh' ? '、' : ', ');

/** The months a period spans, as `2026-01 至 2026-12`. */
function span(months: readonly string[], lang: Lang): string {
  return months.length ? `${months[0]}${lang === 'zh' ? ' 至 ' : ' to '}${months[months.length - 1]}` : '';
}

function factLine(f: RollupFactResult, present: number, lang: Lang): string {
  const name = f.title ? (lang === 'zh' ? `${f.title}（${f.id}）` : `${f.title} (${f.id})`) : f.id;
  const money = f.of === 'payout';
  const value = (v: number | undefined) => (v === undefined ? '—' : money ? formatFen(Math.round(v * 100)) : String(v));
  const zh = lang === 'zh';
  switch (f.kind) {
    case 'months':
      return zh ? `${name}：已记录 ${f.value} 个月` : `${name}: ${f.value} month(s) recorded`;
    case 'count':
      return zh
        ? `${name}：${present} 个月中 ${f.of} ${f.value} 次${
            f.months.length
              ? `（${list(
                  f.months.map((m) => m.period),
                  lang,
                )}）`
              : ''
          }`
        : `${name}: ${f.of} in ${f.value} of ${present} month(s)${
            f.months.length
              ? ` (${list(
                  f.months.map((m) => m.period),
                  lang,
                )})`
              : ''
          }`;
    default: {
      if (f.value === undefined)
        return zh
          ? `${name}：已记录的月份都没有 \`${f.of}\`，无值（以它为条件的规则不成立）`
          : `${name}: no recorded month has \`${f.of}\`, so it has no value (a condition on it does not hold)`;
      const n = f.months.length;
      const each = f.months.map((m) => `${m.period} ${value(m.value)}`).join(' · ');
      const what = {
        average: zh ? `${n} 个月平均` : `average of ${n} month(s)`,
        sum: zh ? `${n} 个月合计` : `sum of ${n} month(s)`,
        min: zh ? `${n} 个月中最低` : `lowest of ${n} month(s)`,
        max: zh ? `${n} 个月中最高` : `highest of ${n} month(s)`,
      }[f.kind];
      const partial =
        n < present ? (zh ? `（${present - n} 个月没有该项）` : ` (${present - n} month(s) without it)`) : '';
      return zh
        ? `${name}：${f.of} ${what} ${value(f.value)}${partial}（${each}）`
        : `${name}: ${f.of}, ${what} ${value(f.value)}${partial} (${each})`;
    }
  }
}

export function explainRollup(
  card: RollupCard,
  o: {
    title: string;
    grades: readonly GradeDef[];
    scoreFact: string;
    minMonths: number;
    periodMonths: readonly string[];
  },
  lang: Lang,
): string[] {
  const zh = lang === 'zh';
  const present = card.months.length;
  const lines: string[] = [];
  lines.push(
    zh
      ? `${o.title} v${card.version} · ${card.period}（${span(o.periodMonths, lang)}）· ${card.employee_id} ${card.name}（${card.role}，${card.team}）`
      : `${o.title} v${card.version} · ${card.period} (${span(o.periodMonths, lang)}) · ${card.employee_id} ${card.name} (${card.role}, ${card.team})`,
  );
  lines.push(
    zh
      ? `${card.months_in_period} 个月中已记录 ${present} 个月${card.missing.length ? `，缺 ${list(card.missing, lang)}` : ''}（至少需要 ${o.minMonths} 个月；平均值按已记录的月份计算）`
      : `${present} of ${card.months_in_period} month(s) recorded${card.missing.length ? `, missing ${list(card.missing, lang)}` : ''} (at least ${o.minMonths} needed; averages are over the months recorded)`,
  );
  for (const m of card.months)
    lines.push(
      zh
        ? `  ${m.period}：得分 ${m.score}，等级 ${m.grade}${m.tier ? `，档位 ${m.tier}` : ''}，应发 ${formatFen(m.payoutFen)}`
        : `  ${m.period}: score ${m.score}, grade ${m.grade}${m.tier ? `, tier ${m.tier}` : ''}, pay ${formatFen(m.payoutFen)}`,
    );
  for (const f of card.facts) if (f.kind !== 'months') lines.push(factLine(f, present, lang));
  const g = o.grades.find((x) => x.grade === card.grade);
  lines.push(
    zh
      ? `汇总得分 = ${o.scoreFact} = ${card.score} → 等级 ${card.grade}${g ? `（≥ ${g.min}）` : ''}`
      : `roll-up score = ${o.scoreFact} = ${card.score} → grade ${card.grade}${g ? ` (≥ ${g.min})` : ''}`,
  );
  const c = card.calibration;
  if (c) {
    const moved = c.initial !== c.calibrated;
    lines.push(
      zh
        ? `强制分布（${c.cohort === '*' ? '全体' : c.cohort}，${c.size} 人）：排名第 ${c.rank}，${c.initial} → ${c.calibrated}${moved && c.moved_by ? `（${c.moved_by}）` : moved ? '' : '（名额内，不变）'}`
        : `forced distribution (${c.cohort === '*' ? 'everyone' : c.cohort}, ${c.size} people): rank ${c.rank}, ${c.initial} → ${c.calibrated}${moved && c.moved_by ? ` (${c.moved_by})` : moved ? '' : ' (within the quotas, unchanged)'}`,
    );
  }
  for (const a of card.awards) {
    const why = a.conditions
      .filter((x) => x.result)
      .map(
        (x) =>
          `${x.fact} ${show(x.actual)} ${OPERATOR_SIGNS[x.operator] ?? x.operator} ${x.params?.fact !== undefined ? `${String(x.params.fact)} ` : ''}${show(x.value)}`,
      )
      .join(zh ? '，' : ', ');
    lines.push(
      zh ? `${a.title}：${why} → ${formatFen(a.amountFen)}` : `${a.title}: ${why} → ${formatFen(a.amountFen)}`,
    );
  }
  lines.push(
    zh
      ? `${card.period} 应发：${formatFen(card.payoutFen)}${card.awards.length ? '（本期只发一次）' : '（没有符合条件的奖励）'}`
      : `pay for ${card.period}: ${formatFen(card.payoutFen)}${card.awards.length ? ' (paid once for the period)' : ' (no award applies)'}`,
  );
  return lines;
}

/** Why an employee is left out of a roll-up, in words. */
export function explainRollupExcluded(
  x: RollupExcluded,
  minMonths: number,
  monthsInPeriod: number,
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const who = `${x.employee_id} ${x.name}`;
  if (x.reason === 'no_score')
    return zh
      ? `${who}：已记录的月份（${list(x.present, lang)}）都没有汇总得分 \`${x.fact}\` 所需的值，未参与汇总`
      : `${who}: none of the recorded months (${list(x.present, lang)}) has a value for the roll-up score \`${x.fact}\`, so they are not rolled up`;
  return zh
    ? `${who}：${monthsInPeriod} 个月中只记录了 ${x.present.length} 个月（${list(x.present, lang)}），少于 min_months: ${minMonths}，未参与汇总`
    : `${who}: only ${x.present.length} of ${monthsInPeriod} month(s) recorded (${list(x.present, lang)}), fewer than min_months: ${minMonths}, so they are not rolled up`;
}

// Team names are free text typed by people: 短视频一组, 短視頻一組, 短视频1组 and ＡＢ组 are easily
// one team written four ways. Two rules (docs/policy-language.md, "Teams"):
//
// - Spellings that differ only in width (full-width letters, digits, spaces), in surrounding
//   spaces or in runs of inner spaces, or by invisible characters, are one team: the name is
//   Unicode NFKC-normalised, invisible characters removed, trimmed and inner spaces collapsed
//   (`teamName`). A run that merged spellings says so in a warning.
// - Traditional vs simplified characters, 一 vs 1 and spaces between characters may or may not
//   be one team, so they are never merged silently. With `teams:` in the policy, only its titles,
//   ids and aliases are teams (anything else is an error at the cell, with the nearest declared
//   team as a hint); without it, names that fold to the same text (`teamFold`) are warned about.

/** Zero-width and other invisible characters exports carry around names. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** The spelling a team is grouped by: NFKC, invisible characters removed, trimmed, inner spaces collapsed. */
export function teamName(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
}

/** How a declared spelling is matched: `teamName`, and letter case ignored (SV1 is the id sv1). */
export function teamKey(text: string): string {
  return teamName(text).toLowerCase();
}

/**
 * Traditional → simplified for characters common in team and department names. Not a full
 * conversion table: enough to notice that 短視頻一組 and 短视频一组 are probably one team.
 */
const SIMPLIFIED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  視: '视',
  頻: '频',
  組: '组',
  運: '运',
  營: '营',
  銷: '销',
  團: '团',
  隊: '队',
  內: '内',
  電: '电',
  務: '务',
  業: '业',
  關: '关',
  係: '系',
  廣: '广',
  場: '场',
  產: '产',
  設: '设',
  計: '计',
  劃: '划',
  編: '编',
  輯: '辑',
  導: '导',
  攝: '摄',
  創: '创',
  製: '制',
  線: '线',
  區: '区',
  華: '华',
  東: '东',
  與: '与',
  後: '后',
  會: '会',
  員: '员',
  號: '号',
  戶: '户',
  網: '网',
  紅: '红',
  達: '达',
  帶: '带',
  貨: '货',
  體: '体',
  驗: '验',
  質: '质',
  優: '优',
  級: '级',
  總: '总',
  點: '点',
  國: '国',
  際: '际',
  傳: '传',
  應: '应',
  數: '数',
  據: '据',
  軟: '软',
  開: '开',
  發: '发',
  測: '测',
  試: '试',
  戰: '战',
  術: '术',
  項: '项',
  個: '个',
  門: '门',
  處: '处',
  長: '长',
  廳: '厅',
  間: '间',
  聯: '联',
  選: '选',
  買: '买',
  賣: '卖',
  題: '题',
  標: '标',
  準: '准',
  實: '实',
  習: '习',
  訓: '训',
  練: '练',
  歐: '欧',
  亞: '亚',
  灣: '湾',
  舊: '旧',
  專: '专',
  資: '资',
  訊: '讯',
  幫: '帮',
  藝: '艺',
  戲: '戏',
  劇: '剧',
  樂: '乐',
  聲: '声',
  錄: '录',
  畫: '画',
  圖: '图',
  鏡: '镜',
  頭: '头',
  腳: '脚',
  屬: '属',
  廠: '厂',
  庫: '库',
  倉: '仓',
  儲: '储',
  車: '车',
  馬: '马',
  龍: '龙',
  鳳: '凤',
  雲: '云',
  風: '风',
  陽: '阳',
  島: '岛',
  漢: '汉',
  滬: '沪',
  蘇: '苏',
  廈: '厦',
  寧: '宁',
  慶: '庆',
  濟: '济',
  遼: '辽',
  貴: '贵',
  鄭: '郑',
  兩: '两',
});

/** Chinese numerals as digits: 一组 → 1组, 十二组 → 12组, 二十组 → 20组. */
const DIGIT: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
});

function numeralRun(run: string): string {
  // 十, 十二, 二十, 二十三; anything longer or odd is read digit by digit (一〇一 → 101)
  const ten = run.indexOf('十');
  if (ten >= 0 && run.indexOf('十', ten + 1) < 0) {
    const tens = ten === 0 ? 1 : ten === 1 ? DIGIT[run.charAt(0)] : undefined;
    const ones = ten === run.length - 1 ? 0 : ten === run.length - 2 ? DIGIT[run.charAt(run.length - 1)] : undefined;
    if (tens !== undefined && ones !== undefined) return String(tens * 10 + ones);
  }
  return [...run].map((c) => (c === '十' ? '10' : String(DIGIT[c]))).join('');
}

/**
 * What a team name looks like with its spelling variants folded away: width, spaces (all of
 * them), traditional characters, Chinese numerals, a number's leading zeros and letter case. Two names with one fold are
 * probably one team; never used to merge, only to warn and to suggest.
 */
export function teamFold(text: string): string {
  let out = '';
  for (const c of teamName(text).replace(/\s+/g, '').toLowerCase()) out += SIMPLIFIED[c] ?? c;
  // and a number's leading zeros: 短视频01组 and 短视频001组 are 短视频1组 written with a zero (0组 stays 0组)
  return out
    .replace(/[〇零一二两三四五六七八九十]+/g, numeralRun)
    .replace(/[0-9]+/g, (d) => d.replace(/^0+(?=[0-9])/, ''));
}

/** Edit distance, for the nearest declared team when the fold finds none. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // rows of y.length + 1 entries, filled left to right: every prev[…] and row[…] below is in range
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

export interface TeamDeclaration {
  id: string;
  title: string;
  aliases?: string[];
}

/** A policy's declared teams: every spelling it accepts → the team's title. */
export class TeamDirectory {
  private readonly byName = new Map<string, string>();
  private readonly byFold = new Map<string, string>();

  constructor(readonly teams: readonly TeamDeclaration[]) {
    for (const t of teams) {
      for (const n of [t.title, t.id, ...(t.aliases ?? [])]) {
        if (!this.byName.has(teamKey(n))) this.byName.set(teamKey(n), t.title);
        if (!this.byFold.has(teamFold(n))) this.byFold.set(teamFold(n), t.title);
      }
    }
  }

  /** The declared team a cell names (after `teamKey`), if any. */
  find(text: string): string | undefined {
    return this.byName.get(teamKey(text));
  }

  /** The declared team a cell most likely meant: the same fold, else the closest title. */
  nearest(text: string): string | undefined {
    const folded = teamFold(text);
    const same = this.byFold.get(folded);
    if (same !== undefined) return same;
    let best: string | undefined;
    let bestDistance = Infinity;
    const digitless = folded.replace(/[0-9]+/g, '#');
    for (const t of this.teams) {
      const other = teamFold(t.title);
      // 短视频三组 is not a misspelling of 短视频一组: names that differ only in a number are other teams
      if (other !== folded && other.replace(/[0-9]+/g, '#') === digitless) continue;
      const d = distance(folded, other);
      if (d < bestDistance) [best, bestDistance] = [t.title, d];
    }
    // a guess that rewrites most of the name is no help
    return best !== undefined && bestDistance <= Math.max(1, Math.floor([...folded].length / 3)) ? best : undefined;
  }
}

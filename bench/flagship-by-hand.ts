// The flagship policy (policies/short-video-team.yaml v1.0.0) written by hand in TypeScript: the
// practical ceiling the benchmark compares the executors with. It computes what the table and CSV
// outputs show (score, grade, payout total, holds and triggers without history); the benchmark
// checks it against the engine on a sample before timing anything.

import { type EmployeeRecord, roundScore, toFen } from '../engine/index.js';

// the project's rounding (engine/money.ts), as any hand-written payroll code here would use
const round2 = (x: number) => roundScore(x, 2);
const fen = (yuan: number) => toFen(yuan, 0.01, 'half_up');

function linear(a: number, t: number, g: number, c: number): number {
  if (a < t) return 0;
  const p = a < g ? 60 + (40 * (a - t)) / (g - t) : 100 + (20 * (a - g)) / (c - g);
  return Math.min(120, Math.max(0, p));
}

const PAY_BASE: Record<string, number> = { ops_manager: 6000, director: 4000, editor: 3000, talent: 5000 };

export interface HandResult {
  score: number;
  grade: string;
  total: number;
  held: boolean;
  triggers: string[];
}

export function flagshipByHand(r: EmployeeRecord): HandResult {
  const m = r.metrics;
  const startup = r.stage === 'startup';
  const parts: [number, number][] = [];
  switch (r.role) {
    case 'ops_manager': {
      const viral = m.videos_published ? m.viral_videos / m.videos_published : 0;
      const conv = m.profile_visits ? m.leads / m.profile_visits : 0;
      parts.push(
        [linear(m.follower_growth_rate, 0.05, 0.15, 0.25), startup ? 40 : 20],
        [linear(viral, 0.05, 0.1, 0.2), startup ? 35 : 30],
        [linear(conv, 0.01, 0.03, 0.05), startup ? 25 : 50],
      );
      break;
    }
    case 'director': {
      const v = m.videos_published;
      parts.push(
        [v >= 32 ? 100 : v >= 24 ? 80 : v >= 16 ? 60 : v >= 0 ? 0 : 0, startup ? 40 : 30],
        [linear(m.completion_rate, 0.3, 0.4, 0.5), 40],
        [linear(m.creative_adoption_rate, 0.2, 0.5, 0.7), startup ? 20 : 30],
      );
      break;
    }
    case 'editor':
      parts.push(
        [linear(m.on_time_rate, 0.8, 0.95, 1), 40],
        [Math.min(120, Math.max(0, m.edit_quality)), 40],
        [m.hot_topic_match >= 0.6 ? 100 : 0, 20],
      );
      break;
    default:
      parts.push(
        [Math.min(120, Math.max(0, (m.performance_rating / 5) * 100)), startup ? 40 : 30],
        [Math.min(120, Math.max(0, m.cooperation_rating)), 20],
        [linear(m.fan_interaction_rate, 0.02, 0.05, 0.08), startup ? 40 : 50],
      );
  }
  let base = 0;
  for (const [points, weight] of parts) base += round2((round2(points) * weight) / 100);
  base = round2(base);
  const viralHit = m.max_video_plays >= 1_000_000;
  const violated = (m.violations ?? 0) > 0;
  let score = Math.min(base + (viralHit ? 10 : 0), 130);
  if (violated) score = Math.min(score, 60);
  score = round2(Math.max(0, score));
  const grade = violated ? 'C' : score >= 100 ? 'A+' : score >= 81 ? 'A' : score >= 61 ? 'B' : 'C';
  const payBase = r.pay_base ?? PAY_BASE[r.role];
  const perf = fen((payBase * Math.min(score, 120)) / 100);
  const a = score / 100;
  let total = perf;
  if (a >= 0.8) total += fen((perf / 100) * 0.2);
  if (a >= 0.9) total += 100_000;
  if (viralHit) total += 200_000;
  total = Math.min(total, fen(payBase * 3));
  const likeRate = m.plays ? m.likes / m.plays : 0;
  const held = m.plays > 100_000 && likeRate < 0.005;
  const triggers = [...(grade === 'C' ? ['improvement_plan'] : []), ...(viralHit ? ['viral_support'] : [])];
  return { score, grade, total: total / 100, held, triggers };
}

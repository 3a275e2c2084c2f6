// The period's budget (预算): how far a result is over or under it, and, when the policy says
// `fit: scale_variable`, variable pay scaled down pro rata so the result fits, to the fen.
//
// Variable pay (浮动薪酬) is what a scorecard's total holds besides its awards and pool shares: the
// performance pay, the tier uplift and tier award, and the total cap's cut of them — the lines that
// follow the score. Awards (`award`, after `awards_cap`) are promised amounts and pool shares are
// already sized by their pool, so neither is scaled. A card whose fixed part is above its total
// (a total cap that cut into awards) has no variable pay.
//
// Scaling: the budget less everyone's fixed pay is what variable pay may add up to; each person's
// variable pay is cut in proportion to it (the same ratio for everyone), rounded to the fen by the
// largest-remainder rule of pool.ts (ties to the smaller employee id), so the scaled result equals
// the budget exactly. When the policy rounds to jiao or yuan (`payout.rounding.to`), the scaled pay
// is whole jiao or yuan too: the room is taken down to the unit, the units are shared by the same
// rule, and what is below one unit stays unspent (the result is under the budget by less than a
// unit). Team budgets are applied first, then the total. A budget below the fixed pay alone cannot
// be met by scaling: nothing is scaled and a warning says so. A result under its budget is never
// scaled up.

import type { CompiledPolicy } from '../language/compile.js';
import { teamKey, teamName } from '../language/teams.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { capToFen, formatFen } from '../model/money.js';
import type { Scorecard } from '../model/scorecard.js';
import { largestRemainder } from './pool.js';

export interface BudgetLine {
  scope: 'total' | 'team';
  /** The period this line is for (a run may hold several months). */
  period?: string;
  /** The team's name as the data writes it, for a team budget. */
  team?: string;
  budgetFen: number;
  /** The result before any scaling. */
  beforeFen: number;
  /** The result after scaling (equal to `beforeFen` when nothing was scaled). */
  resultFen: number;
  /** resultFen − budgetFen: above 0 over the budget, below 0 under it. */
  overFen: number;
  /** Variable pay before and after scaling, when it was scaled. */
  scaled?: { variableFen: number; toFen: number };
  /** Over the budget and scaling could not fit it (the fixed pay alone is over). */
  cannot_fit?: boolean;
}

export interface BudgetReport {
  fit: 'report' | 'scale_variable';
  lines: BudgetLine[];
}

/** How the budget changed one employee's pay. */
export interface BudgetScaleLine {
  /** Variable pay before the scaling, fen. */
  variableFen: number;
  /** After it, fen. */
  scaledFen: number;
  /** The ratio applied: budget's room for variable pay / everyone's variable pay (every step's, multiplied). */
  ratio: number;
  /**
   * Each budget that scaled this pay, in the order applied (the team's, then the total), with its
   * own ratio. Absent on a card stored before it was recorded.
   */
  steps?: BudgetScaleStep[];
}

/** One budget's scaling of one employee's variable pay. */
export interface BudgetScaleStep {
  scope: 'total' | 'team';
  /** The team's name as the data writes it, for a team budget. */
  team?: string;
  /** That budget's room for variable pay / the variable pay of everyone it covers. */
  ratio: number;
  /** For the total: team budgets had scaled some people first, so not everyone's ratio is this one. */
  after_teams?: true;
}

const FIXED = new Set(['award', 'awards_cap', 'pool_share']);

/** A card's variable pay in fen: its total less its awards and pool shares, never below 0. */
export function variablePayFen(card: Scorecard): number {
  let fixed = 0;
  for (const l of card.payout.lines) if (FIXED.has(l.kind)) fixed += l.amountFen;
  return Math.max(0, card.payout.totalFen - fixed);
}

/** Compares one period's cards with the budget and scales when the policy says so. */
export function applyBudget(
  policy: CompiledPolicy,
  cards: Scorecard[],
  labels: { scale: string },
): { report: BudgetReport; warnings: Diagnostic[] } | undefined {
  const def = policy.doc.budget;
  if (!def) return undefined;
  const fit = def.fit ?? 'report';
  const lines: BudgetLine[] = [];
  const warnings: Diagnostic[] = [];
  // whether a team budget scaled anyone: then the total's ratio is not everyone's whole ratio
  let teamScaled = false;
  const apply = (scope: 'total' | 'team', team: string | undefined, yuan: number, members: Scorecard[]) => {
    const budgetFen = capToFen(yuan, 0.01);
    const beforeFen = members.reduce((s, c) => s + c.payout.totalFen, 0);
    const line: BudgetLine = {
      scope,
      ...(team === undefined ? {} : { team }),
      budgetFen,
      beforeFen,
      resultFen: beforeFen,
      overFen: beforeFen - budgetFen,
    };
    if (fit === 'scale_variable' && beforeFen > budgetFen) {
      const variable = members.map(variablePayFen);
      const variableFen = variable.reduce((s, v) => s + v, 0);
      // Scaled pay follows the policy's rounding unit (`payout.rounding.to`): the room is taken down
      // to a whole number of units (every card's lines are already whole units, so the fixed pay
      // is too) and the units are shared by the largest-remainder rule. What is below one unit
      // (a budget of ¥20,000.50 at whole yuan) is left unspent: the result is under the budget by it.
      const unit = Math.round(policy.payout.rounding.to * 100);
      const exactRoom = variableFen - (beforeFen - budgetFen);
      const room = Math.floor(exactRoom / unit) * unit;
      if (exactRoom < 0 || variableFen === 0) {
        line.cannot_fit = true;
        warnings.push(
          diagnostic(
            team === undefined ? 'eval_budget_cannot_fit' : 'eval_budget_cannot_fit.team',
            { budget: formatFen(budgetFen), fixed: formatFen(beforeFen - variableFen), team: team ?? '' },
            { severity: 'warning', file: policy.file },
          ),
        );
      } else {
        const ratio = room / variableFen;
        const scaled = largestRemainder(
          room / unit,
          members.map((c) => c.employee_id),
          variable.map((v) => (v * ratio) / unit),
        ).map((units) => units * unit);
        const step: BudgetScaleStep = {
          scope,
          ...(team === undefined ? {} : { team }),
          ratio,
          ...(scope === 'total' && teamScaled ? { after_teams: true as const } : {}),
        };
        if (scope === 'team') teamScaled = true;
        members.forEach((c, i) => {
          const cut = scaled[i]! - variable[i]!;
          const earlier = c.budget_scale;
          c.budget_scale = {
            variableFen: earlier?.variableFen ?? variable[i]!,
            scaledFen: scaled[i]!,
            ratio: earlier ? earlier.ratio * ratio : ratio,
            steps: [...(earlier?.steps ?? []), step],
          };
          if (cut === 0) return;
          const existing = c.payout.lines.find((l) => l.kind === 'budget_scale');
          if (existing) existing.amountFen += cut;
          else c.payout.lines.push({ kind: 'budget_scale', label: labels.scale, amountFen: cut });
          c.payout.totalFen += cut;
        });
        line.scaled = { variableFen, toFen: room };
        line.resultFen = budgetFen - (exactRoom - room);
        line.overFen = line.resultFen - budgetFen;
      }
    }
    lines.push(line);
  };
  // the people of each team line, in the order of `lines`
  const teamMembers: Scorecard[][] = [];
  if (def.teams) {
    // with `teams:` a budget key is a declared team (id, title or alias, letter case aside);
    // without it a team is its name as the run counts it (teamName: A组 and a组 are two teams)
    const key = policy.doc.teams ? teamKey : teamName;
    for (const [name, yuan] of Object.entries(def.teams)) {
      const keys = new Set([key(name)]);
      const declared = policy.doc.teams?.[name];
      if (declared) for (const t of [declared.title, ...(declared.aliases ?? [])]) keys.add(key(t));
      const members = cards.filter((c) => keys.has(key(c.team)));
      const shown = members[0]?.team ?? declared?.title ?? name;
      // a budget for a team nobody in the run is in (a name the data spells 短视频1组) would report
      // the whole budget unspent while the team, under its other spelling, is neither compared nor scaled
      if (members.length === 0 && cards.length > 0)
        warnings.push(
          diagnostic(
            'eval_budget_team_empty',
            {
              budget: formatFen(capToFen(yuan, 0.01)),
              team: shown,
              teams: [...new Set(cards.map((c) => c.team))].join(', '),
            },
            { severity: 'warning', file: policy.file },
          ),
        );
      teamMembers.push(members);
      apply('team', shown, yuan, members);
    }
  }
  if (def.total !== undefined) apply('total', undefined, def.total, cards);
  // the total's scaling cuts into teams already fitted to their own budgets: each team line says
  // what its people are paid in the end (一组 fitted to ¥6,000.00, then cut to ¥5,285.71 by the
  // total: ¥714.29 under), never the amount before the total's cut
  if (lines.some((l) => l.scope === 'total' && l.scaled))
    for (const [i, members] of teamMembers.entries()) {
      const line = lines[i]!;
      line.resultFen = members.reduce((s, c) => s + c.payout.totalFen, 0);
      line.overFen = line.resultFen - line.budgetFen;
    }
  return { report: { fit, lines }, warnings };
}

// Step 3: semantic checks on a schema-valid policy. Every problem is reported in one pass with
// the position of the YAML node it is about; nothing here stops at the first mistake. Each area
// of the policy is checked by its own module in check/.

import type { Diagnostic } from '../model/diagnostic.js';
import type { PolicyDoc } from '../model/policy.js';
import type { SourceFile } from './parse.js';
import { checkContext } from './check/context.js';
import { checkDerived } from './check/derived.js';
import { checkCalibration, checkGrades, maxPossibleScore } from './check/grades.js';
import { checkRoles } from './check/indicators.js';
import { checkIds, checkRoleAndStageNames, checkTeams } from './check/names.js';
import { checkMoney } from './check/money.js';
import { checkPayout } from './check/payout.js';
import { checkRules } from './check/rules.js';

export { maxPossibleScore } from './check/grades.js';
export { PAYOUT_VARIABLES } from './check/payout.js';

export function checkPolicy(source: SourceFile, p: PolicyDoc): Diagnostic[] {
  const ctx = checkContext(source, p);
  checkIds(ctx);
  checkTeams(ctx);
  checkRoleAndStageNames(ctx);
  checkDerived(ctx);
  checkRoles(ctx);
  checkRules(ctx);
  const maxScore = maxPossibleScore(p);
  checkGrades(ctx, maxScore);
  checkCalibration(ctx);
  checkPayout(ctx, maxScore);
  checkMoney(ctx);
  return ctx.out;
}

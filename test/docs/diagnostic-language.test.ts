// Diagnostics in the reader's language: formatDiagnostic(d, 'zh') renders the catalogue's Chinese
// text with Chinese labels; English output is what it always was.

import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostic, localise } from '../../engine/model/diagnostic.js';
import { fill } from '../../engine/model/messages/index.js';
import { parsePolicyText } from '../../engine/language/parse.js';
import { checkNumbers } from '../../engine/language/numbers.js';
import { readYaml } from '../../engine/language/limits.js';
import { rowLengthProblem } from '../../engine/data/table.js';

describe('a policy diagnostic with line and column', () => {
  const { source } = parsePolicyText('policy: p\nweight: .nan\n', 'p.yaml');
  const [d] = checkNumbers(source);

  it('reads in Chinese, with the help labelled 提示', () => {
    expect(formatDiagnostic(d, 'zh')).toBe(
      'p.yaml:2:9: error[policy_number_not_finite]: `.nan` 不是数字：政策只能使用有限的数字\n' +
        '  提示：请写普通数字，如 `0.05` 或 `6000`（YAML 把 `.nan`、`.inf`、`-.inf` 和超过约 1e308 的数读作非数字或无穷大）',
    );
  });

  it('reads in English as before', () => {
    expect(formatDiagnostic(d)).toBe(
      'p.yaml:2:9: error[policy_number_not_finite]: `.nan` is not a number: a policy can only use finite numbers\n' +
        '  help: write an ordinary number such as `0.05` or `6000` (YAML reads `.nan`, `.inf`, `-.inf` and numbers beyond about 1e308 as not-a-number or infinity)',
    );
  });

  it('says the weights that do not add up in Chinese, the ids as written', () => {
    const w = diagnostic(
      'policy_weights_sum',
      { path: 'roles.ops_manager.indicators', sum: 105, stage: 'growth', indicators: '`gmv`, `refund`' },
      { file: 'p.yaml', span: { line: 12, column: 7 } },
    );
    expect(w.message).toBe('weights of `roles.ops_manager.indicators` sum to 105 for stage `growth`, not 100');
    expect(formatDiagnostic(w, 'zh')).toBe(
      'p.yaml:12:7: error[policy_weights_sum]: `roles.ops_manager.indicators` 在阶段 `growth` 的权重合计为 105，不是 100\n' +
        '  提示：请调整 `gmv`, `refund` 的权重，使合计为 100',
    );
  });
});

describe('a data diagnostic with row, column and value', () => {
  it('labels the place 位置：第 N 行，列，值', () => {
    const d = diagnostic(
      'data_out_of_range',
      { label: '完播率', min: 0, max: 1, value: '33.1' },
      { file: 'm.csv', cell: { row: 3, column: '完播率', value: '33.1' } },
    );
    expect(formatDiagnostic(d, 'zh')).toBe(
      'm.csv:3: error[data_out_of_range]: `完播率` 应在 0 到 1 之间，填的是 `33.1`\n' +
        '  位置：第 3 行，列 `完播率`，值 `33.1`\n' +
        '  提示：请检查数值；这个范围由政策规定',
    );
    expect(formatDiagnostic(d)).toBe(
      'm.csv:3: error[data_out_of_range]: `完播率` must be between 0 and 1, got `33.1`\n' +
        '  at row 3, column `完播率`, value `33.1`\n' +
        '  help: check the value; the policy declares this range',
    );
  });

  it('names the sheet of a workbook first', () => {
    const d = diagnostic(
      'data_unmatched_row',
      { key: '@li', roster: '花名册.csv' },
      { severity: 'warning', file: '达人.xlsx', cell: { sheet: '10月', row: 4, column: '账号名称', value: '@li' } },
    );
    expect(formatDiagnostic(d, 'zh')).toBe(
      '达人.xlsx:4: warning[data_unmatched_row]: 这一行在花名册中找不到对应的人：`@li`\n' +
        '  位置：工作表 `10月`，第 4 行，列 `账号名称`，值 `@li`\n' +
        '  提示：请检查键，或把此人加入花名册 `花名册.csv`',
    );
  });

  it('renders a row too long for its header, as the CSV reader reports it', () => {
    const d = rowLengthProblem(['工号', '姓名'], ['E1', '张三', '多'], 2, { file: 'm.csv' })!;
    expect(formatDiagnostic(d, 'zh')).toBe(
      'm.csv:2: error[data_row_length]: 第 2 行有 3 个单元格，但表头只有 2 列：多出的单元格是 `多`\n' +
        '  位置：第 2 行，值 `E1,张三,多`\n' +
        '  提示：带千位分隔符的数字要加引号（"1,500,000"），否则就是导出文件有误：每行的单元格数应与表头相同',
    );
  });
});

describe('choosing the phrasing', () => {
  it('a duplicate key in a policy gets the specific help; in another YAML file, the general one', () => {
    const policy = parsePolicyText('policy: p\npolicy: q\n', 'p.yaml').diagnostics[0];
    const other = readYaml('a: 1\na: 2\n', 'data.yaml');
    expect(policy.code).toBe('yaml_duplicate_key');
    expect(localise(policy, 'zh')).toEqual({
      message: 'YAML 语法有误：同一映射里有重复的键：`policy`',
      help: '一个映射里每个键只能出现一次：请改名或删掉其中一个',
    });
    expect(other.ok).toBe(false);
    const d = !other.ok ? other.diagnostics[0] : undefined;
    expect(d?.code).toBe('yaml_duplicate_key');
    expect(d?.help).toBe('fix the YAML syntax at this position');
    expect(localise(d!, 'zh')).toEqual({
      message: 'YAML 语法有误：同一映射里有重复的键：`a`',
      help: '请修正此处的 YAML 语法',
    });
  });

  it('keeps a help the caller wrote (a schema description) as written', () => {
    const d = diagnostic(
      'schema_enum',
      { where: 'stages.growth.title', allowed: '`a`, `b`', value: 'c' },
      { help: '阶段名称 / Stage title' },
    );
    expect(localise(d, 'zh')).toEqual({
      message: '`stages.growth.title` 只能是 `a`, `b` 之一，不能是 `c`',
      help: '阶段名称 / Stage title',
    });
  });

  it('falls back to the English text when the arguments were lost on the way (JSON)', () => {
    const d = diagnostic(
      'data_unknown_role',
      { role: '主播', roles: '编导 (editor)' },
      { file: 'm.csv', cell: { row: 2, column: '岗位', value: '主播' } },
    );
    const sent = JSON.parse(JSON.stringify(d));
    expect(sent.args).toBeUndefined();
    expect(formatDiagnostic(sent, 'zh')).toBe(
      'm.csv:2: error[data_unknown_role]: unknown role `主播`\n  位置：第 2 行，列 `岗位`，值 `主播`\n  提示：roles of this policy: 编导 (editor)',
    );
  });
});

describe('templates', () => {
  it('fill only names in braces; other braces are text', () => {
    expect(fill('e.g. `params: { {param}: C }`', { param: 'grade' })).toBe('e.g. `params: { grade: C }`');
    expect(fill('the file must be a JSON array of objects, or { "records": [ … ] }', {})).toBe(
      'the file must be a JSON array of objects, or { "records": [ … ] }',
    );
  });

  it('leave a missing argument visible', () => {
    expect(fill('unknown grade `{grade}`', {})).toBe('unknown grade `{grade}`');
  });
});

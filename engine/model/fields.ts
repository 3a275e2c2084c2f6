// The record fields every data file has besides its metrics, with the column headers each goes by.
// The data reader matches headers against them first; the policy check keeps metric labels and
// aliases off them, so a header never means two things.

export type Field = 'employee_id' | 'name' | 'role' | 'team' | 'stage' | 'period' | 'pay_base';

/** Per field: its id, its Chinese header, then other headers it goes by. */
export const FIELD_NAMES: Record<Field, readonly [id: string, label: string, ...aliases: string[]]> = {
  employee_id: ['employee_id', '工号', '员工编号', '员工id', '员工工号'],
  name: ['name', '姓名', '员工姓名'],
  role: ['role', '岗位', '职位'],
  team: ['team', '团队', '小组', '部门'],
  stage: ['stage', '阶段', '团队阶段'],
  period: ['period', '月份', '考核期', '考核月份'],
  pay_base: ['pay_base', '绩效基数', '绩效工资基数'],
};

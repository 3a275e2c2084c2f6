import { DuckDBInstance } from '@duckdb/node-api';
import { planSource, readerSql } from './node/cli/events/sql.ts';
import { monthCalendar } from './node/cli/events/calendar.ts';
const cal = (monthCalendar('2026-10', 'Asia/Shanghai') as any).calendar;
const src = { file: 'orders.csv', time: '下单时间', metrics: {
  n: { agg: 'count', where: [{ column: '订单状态', op: 'not_in', value: ['已退款'] }] },
  s: { agg: 'sum', column: '实付金额', where: [{ column: '订单状态', op: 'not_in', value: ['已退款'] }] },
  r: { agg: 'share', when: [{ column: '订单状态', op: '=', value: '已退款' }] } } } as any;
const from = readerSql('/tmp/bev/orders.csv', 'csv');
const plan = planSource(src, '工号', cal, from);
const c = await (await DuckDBInstance.create(':memory:', { memory_limit: '1GB' })).connect();
const r = await c.runAndReadAll('EXPLAIN ANALYZE ' + plan.sql.replace(/;\s*$/, ''));
console.log(r.getRowObjectsJson().map((x: any) => x.explain_value).join('\n'));

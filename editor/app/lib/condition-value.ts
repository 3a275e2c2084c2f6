// The value box of one comparison in the condition builder (ConditionEditor.svelte): what HR types
// read as the policy writes it, and the value written back as text. `in` and `notIn` take a list
// (`直播一组、直播二组`, or with commas of either width); every other operator one value. A list typed for
// `equal` or one value left under `in` is converted when the operator changes, so the builder never
// writes `in: A+`, which the policy check refuses (json-rules-engine would test it as text).

const LIST_OPERATORS = new Set(['in', 'notIn']);
// a comma between two digits is not a separator: `1,000` stays one (text, which the policy check
// then refuses for a number fact) rather than becoming the list 1 and 0
const SEPARATORS = /[、，]|(?<!\d),|,(?!\d)/;

/** One typed value: a number, true / false, or the text as typed (trimmed). */
function scalar(raw: string): unknown {
  const text = raw.trim();
  const n = Number(text);
  if (text !== '' && !Number.isNaN(n)) return n;
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

export const takesList = (operator: string): boolean => LIST_OPERATORS.has(operator);

/** What was typed in the value box, as the value of a comparison with `operator`. */
export function parseConditionValue(raw: string, operator: string): unknown {
  if (!takesList(operator)) return scalar(raw);
  return raw
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(scalar);
}

/** A comparison's value after its operator changed to `operator`: a list for in / notIn, else one value. */
export function valueForOperator(value: unknown, operator: string): unknown {
  if (takesList(operator)) return Array.isArray(value) ? value : value === undefined ? [] : [value];
  return Array.isArray(value) ? (value[0] ?? 0) : value;
}

/** The value shown in the box and in the sentence: a list joined with 、, a fact reference as JSON. */
export function conditionValueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('、');
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

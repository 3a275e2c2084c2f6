// The message catalogue's shape: every diagnostic code has one entry with an English and a Chinese
// template (and help). Templates name their arguments in braces, `{sum}`; rendering fills them in
// as text. Nothing here is evaluated: a template is split on braces, never compiled.
//
// Only braces around a plain name (`{sum}`, `{row_count}`) are placeholders: `{ of: score }` in a
// help text is literal. A code whose message has several phrasings keeps them under
// `code.variant` keys beside `code` (e.g. `data_missing_column.roster_key`); the diagnostic's code
// is the part before the dot.
//
// Each stage keeps its own part of the catalogue (language.ts, data.ts, evaluation.ts, review.ts,
// cli.ts); index.ts joins them into MESSAGES, whose keys are the `Code` union.

export type Lang = 'zh' | 'en';

export interface Text {
  en: string;
  zh: string;
}

export interface MessageEntry {
  message: Text;
  help?: Text;
}

/** `'weights of {path} sum to {sum}'` → `'path' | 'sum'`; literal braces (`{ of: score }`) are skipped. */
export type ArgsOf<S extends string> = S extends `${string}{${infer P}}${infer R}` ? Placeholder<P> | ArgsOf<R> : never;

/** The name inside `{…}`: the text after the last `{` (for `{ {name}`), if it is a plain name. */
type Placeholder<P extends string> = P extends `${string}{${infer Q}`
  ? Placeholder<Q>
  : P extends '' | `${string}${' ' | ':' | '"' | '…' | ','}${string}`
    ? never
    : P;

const PLACEHOLDER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The placeholder names a template uses, in order of first use. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const [, name = ''] of template.matchAll(/\{([^{}]*)\}/g))
    if (PLACEHOLDER.test(name) && !names.includes(name)) names.push(name);
  return names;
}

/** Type-checks a stage's catalogue part while keeping its literal keys and templates. */
export function defineMessages<const T extends Record<string, MessageEntry>>(entries: T): T {
  return entries;
}

/**
 * An argument is text or a number shown as written in every language, or a phrase another reader
 * wrote in both languages (the value and period readers' reasons), shown in the message's language.
 */
export type MessageArg = string | number | Text;
export type MessageArgs = Record<string, MessageArg>;

/** A template cut once into its literal text and placeholder names (odd indexes), for `fill`. */
type Parts = readonly string[];

/** Templates already cut. Templates come from the catalogue, so few; the bound keeps it small regardless. */
const cut = new Map<string, Parts>();
const CUT_MAX = 4096;

function partsOf(template: string): Parts {
  let parts = cut.get(template);
  if (parts) return parts;
  const out: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (!PLACEHOLDER.test(name)) {
      // a literal brace, e.g. `params: { {name}: … }`: keep it and look for a placeholder after it
      text += template.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out.push(text + template.slice(i, open), name);
    text = '';
    i = close + 1;
  }
  out.push(text + template.slice(i));
  parts = out;
  if (cut.size >= CUT_MAX) cut.clear();
  cut.set(template, parts);
  return parts;
}

/** Fills `{name}` from args, a bilingual argument in `lang`. A missing argument stays visible as `{name}` (a test catches it). */
export function fill(template: string, args: MessageArgs | undefined, lang: Lang = 'en'): string {
  if (!args) return template;
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!;
    const arg = Object.hasOwn(args, name) ? args[name] : undefined;
    out += arg === undefined ? `{${name}}` : typeof arg === 'object' ? arg[lang] : String(arg);
    out += parts[k + 1]!;
  }
  return out;
}

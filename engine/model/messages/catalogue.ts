// The message catalogue's shape: every diagnostic code has one entry with an English and a Chinese
// template (and help). Templates name their arguments in braces, `{sum}`; rendering fills them in
// as text. Nothing here is evaluated: a template is split on braces, never compiled.
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

/** `'weights of {path} sum to {sum}'` → `'path' | 'sum'`. */
export type ArgsOf<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | ArgsOf<R> : never;

/** Type-checks a stage's catalogue part while keeping its literal keys and templates. */
export function defineMessages<const T extends Record<string, MessageEntry>>(entries: T): T {
  return entries;
}

export type MessageArgs = Record<string, string | number>;

/** Fills `{name}` from args. A missing argument stays visible as `{name}` (a test catches it). */
export function fill(template: string, args: MessageArgs | undefined): string {
  if (!args) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    out += template.slice(i, open);
    out += Object.hasOwn(args, name) ? String(args[name]) : template.slice(open, close + 1);
    i = close + 1;
  }
  return out + template.slice(i);
}

// The one message catalogue: every diagnostic code of every stage and of the CLI and the editor's
// server, with English and Chinese templates. See docs/diagnostics.md for the list and
// docs/message-style.md for how messages are written.

import { cli } from './cli.js';
import { data } from './data.js';
import { evaluation } from './evaluation.js';
import { events } from './events.js';
import { language } from './language.js';
import { money } from './money.js';
import { review } from './review.js';
import { rollup } from './rollup.js';
import type { MessageEntry } from './catalogue.js';

export const MESSAGES = {
  ...language,
  ...data,
  ...evaluation,
  ...events,
  ...review,
  ...rollup,
  ...cli,
  ...money,
} as const;

/** A catalogue key: a code, or `code.variant` for another phrasing of that code. */
export type MessageId = keyof typeof MESSAGES;

/** A diagnostic code: a catalogue key without a variant. */
export type Code = Exclude<MessageId, `${string}.${string}`>;

export function messageEntry(id: string): MessageEntry | undefined {
  return Object.hasOwn(MESSAGES, id) ? (MESSAGES as Record<string, MessageEntry>)[id] : undefined;
}

/** A code's entry first, then its `code.variant` entries. */
export function messageVariants(code: string): MessageEntry[] {
  const main = messageEntry(code);
  const rest = Object.entries(MESSAGES as Record<string, MessageEntry>)
    .filter(([id]) => id.startsWith(`${code}.`))
    .map(([, e]) => e);
  return main ? [main, ...rest] : rest;
}

/** The diagnostic code of a catalogue key: `data_missing_column.period` → `data_missing_column`. */
export function codeOf(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

export {
  defineMessages,
  fill,
  placeholders,
  type ArgsOf,
  type Lang,
  type MessageArg,
  type MessageArgs,
  type MessageEntry,
  type Text,
} from './catalogue.js';

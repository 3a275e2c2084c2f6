// The one message catalogue: every diagnostic code of every stage and of the CLI and the editor's
// server, with English and Chinese templates. See docs/diagnostics.md for the list and
// docs/message-style.md for how messages are written.

import { cli } from './cli.js';
import { data } from './data.js';
import { evaluation } from './evaluation.js';
import { events } from './events.js';
import { language } from './language.js';
import { review } from './review.js';
import type { MessageEntry } from './catalogue.js';

export const MESSAGES = { ...language, ...data, ...evaluation, ...events, ...review, ...cli } as const;

export type Code = keyof typeof MESSAGES;

export function messageEntry(code: string): MessageEntry | undefined {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code) ? (MESSAGES as Record<string, MessageEntry>)[code] : undefined;
}

export { defineMessages, fill, type ArgsOf, type Lang, type MessageArgs, type MessageEntry, type Text } from './catalogue.js';

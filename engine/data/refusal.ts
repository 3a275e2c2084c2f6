// Why a reader (values.ts, period.ts) refused a cell, in both languages: the reason's catalogue
// entry (messages/data.ts `readerReasons`) filled once, so a diagnostic shows it in either language.

import { fill, type Text } from '../model/messages/catalogue.js';
import { readerReasons, type ReaderReason } from '../model/messages/data.js';

/** Fills `{detail}` and `{advice}` of data_not_a_number and data_bad_period. */
export interface Refusal {
  reason: ReaderReason;
  detail: Text;
  advice: Text;
  /** what `detail` and `advice` were filled from, to say them again of another text (a cell marked as text) */
  args: Record<string, string | number | Text>;
}

export function refusal(reason: ReaderReason, args: Record<string, string | number | Text>): Refusal {
  const e = readerReasons[reason];
  const out = {
    reason,
    detail: { en: fill(e.message.en, args, 'en'), zh: fill(e.message.zh, args, 'zh') },
    advice: { en: fill(e.help.en, args, 'en'), zh: fill(e.help.zh, args, 'zh') },
  } as Refusal;
  // not enumerable, as a diagnostic's `args`: not part of what a refusal says, nor of its JSON
  Object.defineProperty(out, 'args', { value: args, enumerable: false });
  return out;
}

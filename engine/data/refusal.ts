// Why a reader (values.ts, period.ts) refused a cell, in both languages: the reason's catalogue
// entry (messages/data.ts `readerReasons`) filled once, so a diagnostic shows it in either language.

import { fill, type Text } from '../model/messages/catalogue.js';
import { readerReasons, type ReaderReason } from '../model/messages/data.js';

/** Fills `{detail}` and `{advice}` of data_not_a_number and data_bad_period. */
export interface Refusal {
  reason: ReaderReason;
  detail: Text;
  advice: Text;
}

export function refusal(reason: ReaderReason, args: Record<string, string | number | Text>): Refusal {
  const e = readerReasons[reason];
  return {
    reason,
    detail: { en: fill(e.message.en, args, 'en'), zh: fill(e.message.zh, args, 'zh') },
    advice: { en: fill(e.help.en, args, 'en'), zh: fill(e.help.zh, args, 'zh') },
  };
}

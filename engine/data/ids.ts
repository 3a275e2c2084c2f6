// Employee ids and join keys → one spelling per person. `E1`, `Ｅ１`, ` E1 ` and `E1` followed by a
// zero-width space look the same in Excel and must not be paid twice: ids are compared after
// Unicode NFKC (full-width letters, digits and ＠ become ASCII), hyphens that look like `-` as `-`, with every space and invisible
// character removed, and Excel's leading text mark `'` dropped. Case is kept (`e1` and `E1` stay two ids; the reader warns when two ids differ
// only by case). The rules are listed in docs/policy-language.md ("Employee ids and join keys").

/** Printable ASCII without spaces: an id that needs nothing (the common cell costs one test). */
const PLAIN = /^[\x21-\x7e]*$/;
/** Spaces of every width and invisible characters (zero-width, direction marks, BOM, soft hyphen). */
const IGNORED = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * Hyphens that look like `-` (after NFKC): the hyphen U+2010 (and the non-breaking U+2011, which NFKC
 * makes it), the figure dash U+2012, the en dash U+2013 and the minus sign U+2212, as a word
 * processor or a pasted web page writes `SV-001`. Not the em dash — or the horizontal bar ―, which
 * look longer.
 */
const HYPHENS = /[\u2010-\u2013\u2212]/g;

/** The id a cell names: NFKC, hyphens as `-`, no spaces or invisible characters anywhere, and no leading `'`. */
export function normaliseId(raw: string): string {
  const id = PLAIN.test(raw) ? raw : raw.normalize('NFKC').replace(IGNORED, '').replace(HYPHENS, '-');
  // `'0123`: Excel's mark for "keep this as text" (so the leading zero stays), not part of the id
  if (id.length > 1 && id.charCodeAt(0) === 0x27) return id.slice(1);
  // `="0123"`: the formula exports write for the same purpose; Excel shows `0123`
  const formula = id.charCodeAt(0) === 0x3d ? FORMULA_TEXT.exec(id) : null;
  return formula ? normaliseId((formula[1] ?? '').replaceAll('""', '"')) : id;
}

/** `="…"`: a formula that is only a text (no quote inside but doubled ones). */
const FORMULA_TEXT = /^="((?:[^"]|"")*)"$/;

/**
 * A cell without Excel's mark for "keep this as text" (`'E1`, `="E1"` → `E1`), nothing else changed:
 * the mark is how an export writes the id, not another spelling of it (a join says nothing of it).
 */
export function withoutTextMark(raw: string): string {
  if (raw.length > 1 && raw.charCodeAt(0) === 0x27) return raw.slice(1);
  const formula = raw.charCodeAt(0) === 0x3d ? FORMULA_TEXT.exec(raw) : null;
  return formula ? (formula[1] ?? '').replaceAll('""', '"') : raw;
}

/** `2.02311E+11`: what Excel shows for a long number-like id in a General cell; the id itself is lost. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i;

export function looksScientific(id: string): boolean {
  return SCIENTIFIC.test(id);
}

/**
 * `1001.0`: an id column that became a column of decimal numbers on the way (a pandas export of a
 * column with a gap in it, a sheet's number format); read as written it would never match `1001` in
 * the roster or the ledger, and read as `1001` it would be a guess.
 */
const DECIMAL = /^\d+\.0+$/;

export function looksDecimal(id: string): boolean {
  return DECIMAL.test(id);
}

/** An id that a spreadsheet or script turned into a number: refused, never counted as anyone's. */
export function lostToNumber(id: string): boolean {
  return SCIENTIFIC.test(id) || DECIMAL.test(id);
}

export const SCIENTIFIC_HELP = 'Excel turned the id into a number: format the column as text before export';

const INVISIBLE_ONLY = /[\u00A0\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u3000\uFEFF]/g;

/** A raw spelling for a message: invisible characters and odd spaces written as `<U+200B>`. */
export function showSpelling(raw: string): string {
  return raw.replace(INVISIBLE_ONLY, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

// Cells a workbook holds but Excel does not show by their font: text in the colour of the cell's
// background (white on white, yellow on yellow), or in a font too small to read (1 pt). The value is
// in the file, and every reader gets it; a 违规次数 of 2 in white on white vetoes a bonus while the
// sheet shows an empty cell. Read from the workbook's styles (fonts, fills, the cell formats that
// join them, the formats a conditional format may give), its theme and its palette.

import { ATTRS, attribute, CELL, columnIndex, inReference, partText, sheetXml, workbookParts } from './xlsx-limits.js';

/** How a cell's font hides its value: the text colour and the background (`#RRGGBB`), or the size in points. */
export type FontHiding = { colour: string; fill: string } | { size: number };

/** Below this size (in points) a font is not read as text on the screen: a row under 5 points is hidden too. */
export const SMALLEST_READABLE_FONT = 4;

/**
 * Two colours no one tells apart: each of red, green and blue within this much (of 255). `#F2F2F2`
 * on white is within it; `#D9D9D9` (Excel's lightest grey but one) is not.
 */
const SAME_COLOUR = 16;

/**
 * Excel's palette for `indexed` colours (ECMA-376 §18.8.27), the first 24 entries, which the few
 * writers that still use indexed colours use: 0–7 and 8–15 black, white, red, green, blue, yellow,
 * magenta, cyan; then the dark ones and two greys. 64 is the text colour, 65 the window's. A
 * workbook's own `<indexedColors>` replaces the palette; an index beyond these is compared with
 * nothing.
 */
// biome-ignore format: eight a row, as the palette is numbered
const PALETTE = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
];
const SYSTEM_TEXT = 64;
const SYSTEM_WINDOW = 65;

/**
 * A theme's colours in the order the styles number them (`theme="0"` is the light background 1,
 * `theme="1"` the dark text 1: the first two pairs swapped from the theme's own order), from its
 * `<a:clrScheme>`; without a theme, Office's background and text.
 */
function themeColours(theme: string | undefined): (string | undefined)[] {
  const scheme = theme && /<(?:[\w.-]+:)?clrScheme\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?clrScheme>/.exec(theme)?.[1];
  if (!scheme) return ['FFFFFF', '000000'];
  const named = new Map<string, string | undefined>();
  for (const m of scheme.matchAll(/<(?:[\w.-]+:)?(\w+)>\s*<(?:[\w.-]+:)?(sysClr|srgbClr)\s([^>]*?)\/?>/g)) {
    const value = m[2] === 'sysClr' ? attribute(m[3] ?? '', 'lastClr') : attribute(m[3] ?? '', 'val');
    named.set(m[1] ?? '', value && /^[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : undefined);
  }
  return ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'].map((k) =>
    named.get(k),
  );
}

/** A colour made lighter (tint > 0) or darker (tint < 0) as Excel does it: on its lightness (ECMA-376 §18.3.1.15). */
function tinted(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = l - c / 2;
  const [r1, g1, b1] =
    h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  return [r1, g1, b1]
    .map((v) =>
      Math.round((v + m) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

interface Colours {
  theme: (string | undefined)[];
  palette: (string | undefined)[];
}

/** A `<color>`'s attributes as `RRGGBB`; undefined when it names no colour this reader knows (it is then compared with nothing). */
function colourOf(attrs: string | undefined, colours: Colours, auto: string | undefined): string | undefined {
  if (attrs === undefined) return auto;
  const rgb = attribute(attrs, 'rgb');
  const theme = attribute(attrs, 'theme');
  const indexed = attribute(attrs, 'indexed');
  let base: string | undefined;
  if (rgb !== undefined) base = /^(?:[0-9a-f]{2})?[0-9a-f]{6}$/i.test(rgb) ? rgb.slice(-6).toUpperCase() : undefined;
  else if (theme !== undefined) base = colours.theme[Number(theme)];
  else if (indexed !== undefined) {
    const i = Number(indexed);
    base = i === SYSTEM_TEXT ? '000000' : i === SYSTEM_WINDOW ? 'FFFFFF' : colours.palette[i];
  } else if (/^(?:1|true)$/i.test(attribute(attrs, 'auto') ?? '')) base = auto;
  else return auto;
  const tint = Number(attribute(attrs, 'tint') ?? 0);
  return base === undefined || !Number.isFinite(tint) ? undefined : tinted(base, tint);
}

/** The attributes of the first `<tag …>` in `xml`, if it has one. */
const tagAttrs = (xml: string, tag: string) => new RegExp(`<(?:[\\w.-]+:)?${tag}\\s${ATTRS}\\/?>`).exec(xml)?.[1];

/** The elements `<tag>…</tag>` (or `<tag/>`) inside `xml`'s first `<list>`, each its attributes and body. */
function listed(xml: string, list: string, tag: string): { attrs: string; body: string }[] {
  const inner =
    new RegExp(`<(?:[\\w.-]+:)?${list}\\b[^>]*>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?${list}>`).exec(xml)?.[1] ?? '';
  return [
    ...inner.matchAll(
      new RegExp(`<(?:[\\w.-]+:)?${tag}(?:\\s${ATTRS})?(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?${tag}>)`, 'g'),
    ),
  ].map((m) => ({ attrs: m[1] ?? '', body: m[2] ?? '' }));
}

interface Font {
  colour: string | undefined;
  size: number | undefined;
}

/** A `<font>`'s colour (black when it sets none: Excel's automatic text colour) and size. */
function fontOf(body: string, colours: Colours, auto: string | undefined): Font {
  const sz = tagAttrs(body, 'sz');
  const size = sz === undefined ? undefined : Number(attribute(sz, 'val'));
  return {
    colour: colourOf(tagAttrs(body, 'color'), colours, auto),
    size: size !== undefined && Number.isFinite(size) ? size : undefined,
  };
}

/**
 * A `<fill>`'s background: a solid fill's colour (its foreground, or in a conditional format's fill
 * its background, as Excel writes them), white for no fill; undefined for a pattern or a gradient,
 * which no colour stands for.
 */
function fillOf(body: string, colours: Colours, conditional: boolean): string | undefined {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?patternFill(?:\\s${ATTRS})?(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?patternFill>)`,
  ).exec(body);
  if (!pattern) return conditional ? undefined : /gradientFill/.test(body) ? undefined : 'FFFFFF';
  const type = attribute(pattern[1] ?? '', 'patternType') ?? (conditional ? 'solid' : 'none');
  if (type === 'none') return conditional ? undefined : 'FFFFFF';
  if (type !== 'solid') return undefined;
  const inner = pattern[2] ?? '';
  const fg = tagAttrs(inner, 'fgColor');
  const bg = tagAttrs(inner, 'bgColor');
  const chosen = conditional ? (bg ?? fg) : (fg ?? bg);
  return chosen === undefined ? undefined : colourOf(chosen, colours, undefined);
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined &&
  b !== undefined &&
  [0, 2, 4].every((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= SAME_COLOUR);

/** How a font on a background hides a value, if it does. */
function hiding(
  colour: string | undefined,
  fill: string | undefined,
  size: number | undefined,
): FontHiding | undefined {
  if (size !== undefined && size < SMALLEST_READABLE_FONT) return { size };
  if (same(colour, fill)) return { colour: `#${colour}`, fill: `#${fill}` };
  return undefined;
}

/**
 * The cells of a workbook's sheet that hold a value Excel draws in the colour of their background or
 * in a font under 4 points, by the cell's own format or by one a conditional format may give it (as
 * `xlsxInvisibleCells` takes a conditional format: whatever its condition): row number (1 = header)
 * → column index → how.
 */
export async function xlsxFontHiddenCells(
  bytes: Uint8Array,
  sheet?: string,
): Promise<Map<number, Map<number, FontHiding>>> {
  const found = new Map<number, Map<number, FontHiding>>();
  const wb = await workbookParts(bytes);
  if (!wb) return found;
  const styles = await partText(bytes, wb.entries, wb.stylesPath);
  if (styles === undefined) return found;
  const theme = wb.themePath ? await partText(bytes, wb.entries, wb.themePath) : undefined;
  const own = listed(styles, 'indexedColors', 'rgbColor').map((c) => {
    const rgb = attribute(c.attrs, 'rgb');
    return rgb && /^(?:[0-9a-f]{2})?[0-9a-f]{6}$/i.test(rgb) ? rgb.slice(-6).toUpperCase() : undefined;
  });
  const colours: Colours = { theme: themeColours(theme), palette: own.length ? own : PALETTE };
  const fonts = listed(styles, 'fonts', 'font').map((f) => fontOf(f.body, colours, '000000'));
  const fills = listed(styles, 'fills', 'fill').map((f) => fillOf(f.body, colours, false));
  const xfs = listed(styles, 'cellXfs', 'xf').map((xf) => ({
    font: fonts[Number(attribute(xf.attrs, 'fontId') ?? 0)],
    fill: fills[Number(attribute(xf.attrs, 'fillId') ?? 0)],
  }));
  const dxfs = listed(styles, 'dxfs', 'dxf').map((d) => dxfOf(d.body, colours));
  const xml = await sheetXml(bytes, sheet);
  if (xml === undefined) return found;
  const rules = conditionalRules(xml, dxfs, colours);
  const hidingXfs = new Set(
    xfs.flatMap((xf, i) => (hiding(xf.font?.colour, xf.fill, xf.font?.size) ? [String(i)] : [])),
  );
  // texts written in runs of their own fonts (`<r><rPr><color …/></rPr><t>2</t></r>`, Excel's rich
  // text): shared ones by their index, with runs; a cell's own (`<is>`) are read where they are
  const shared = wb.sharedStringsPath ? await partText(bytes, wb.entries, wb.sharedStringsPath) : undefined;
  const runs = shared && /<(?:[\w.-]+:)?rPr\b/.test(shared) ? sharedRuns(shared) : new Map<number, string>();
  const inlineRuns = /<(?:[\w.-]+:)?is>\s*<(?:[\w.-]+:)?r>/.test(xml);
  if (hidingXfs.size === 0 && rules.length === 0 && runs.size === 0 && !inlineRuns) return found;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const s = attribute(attrs, 's') ?? '0';
    const type = attribute(attrs, 't');
    const rich =
      type === 's'
        ? runs.get(Number(/<(?:[\w.-]+:)?v(?:\s[^>]*)?>\s*(\d+)\s*</.exec(m[2] ?? '')?.[1] ?? -1))
        : type === 'inlineStr' && inlineRuns
          ? (m[2] ?? '')
          : undefined;
    if (!hidingXfs.has(s) && rules.length === 0 && rich === undefined) continue;
    // a cell with no value (`<c r="B2" s="3"/>`, an empty string) hides nothing
    const inner = m[2] ?? '';
    if (!/<(?:[\w.-]+:)?[vt](?:\s[^>]*)?>[^<]/.test(inner)) continue;
    const ref = /^([A-Z]+)(\d+)$/i.exec(attribute(attrs, 'r') ?? '');
    if (!ref) continue;
    const row = Number(ref[2]);
    const col = columnIndex(ref[1] ?? '');
    const xf = xfs[Number(s)];
    let how = hiding(xf?.font?.colour, xf?.fill, xf?.font?.size);
    // a run of the text in a font of its own: hidden when its text is not blank and its font hides it
    if (!how && rich !== undefined) {
      for (const run of rich.matchAll(/<(?:[\w.-]+:)?r>([\s\S]*?)<\/(?:[\w.-]+:)?r>/g)) {
        const body = run[1] ?? '';
        const text = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)</.exec(body)?.[1] ?? '';
        if (text.trim() === '') continue;
        const rPr = /<(?:[\w.-]+:)?rPr>([\s\S]*?)<\/(?:[\w.-]+:)?rPr>/.exec(body)?.[1];
        const font = rPr === undefined ? { colour: undefined, size: undefined } : fontOf(rPr, colours, undefined);
        how = hiding(font.colour ?? xf?.font?.colour, xf?.fill, font.size ?? xf?.font?.size);
        if (how) break;
      }
    }
    for (const r of rules) {
      if (how) break;
      if (!r.covers(row, col)) continue;
      how = hiding(r.font.colour ?? xf?.font?.colour, r.fill ?? xf?.fill, r.font.size ?? xf?.font?.size);
    }
    if (!how) continue;
    if (!found.has(row)) found.set(row, new Map());
    found.get(row)!.set(col, how);
  }
  return found;
}

/** The shared texts written in runs (`<si><r>…</r></si>`), by their index, each its XML. */
function sharedRuns(sst: string): Map<number, string> {
  const found = new Map<number, string>();
  let i = 0;
  for (const m of sst.matchAll(/<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) {
    const body = m[1] ?? '';
    if (/<(?:[\w.-]+:)?r>/.test(body)) found.set(i, body);
    i++;
  }
  return found;
}

/** What a conditional format's `<dxf>` sets: a font colour or size, a fill (each undefined when it sets none). */
function dxfOf(body: string, colours: Colours): { font: Font; fill: string | undefined } {
  const font = /<(?:[\w.-]+:)?font\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?font>/.exec(body)?.[1];
  const fill = /<(?:[\w.-]+:)?fill\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?fill>/.exec(body)?.[1];
  return {
    font: font === undefined ? { colour: undefined, size: undefined } : fontOf(font, colours, undefined),
    fill: fill === undefined ? undefined : fillOf(fill, colours, true),
  };
}

/**
 * The sheet's conditional formats that set a font or a fill, each with the cells it covers: by a
 * `dxfId` into the styles, or (Excel 2010's `x14:conditionalFormatting`) with its own `<x14:dxf>`.
 */
function conditionalRules(
  xml: string,
  dxfs: { font: Font; fill: string | undefined }[],
  colours: Colours,
): { covers: (row: number, col: number) => boolean; font: Font; fill: string | undefined }[] {
  if (!xml.includes('conditionalFormatting')) return [];
  const rules = [];
  for (const m of xml.matchAll(
    new RegExp(
      `<(?:[\\w.-]+:)?conditionalFormatting(?:\\s${ATTRS})?>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?conditionalFormatting>`,
      'g',
    ),
  )) {
    const body = m[2] ?? '';
    const covers = inReference(attribute(m[1] ?? '', 'sqref') ?? /<(?:[\w.-]+:)?sqref>([^<]*)</.exec(body)?.[1] ?? '');
    for (const rule of body.matchAll(
      new RegExp(`<(?:[\\w.-]+:)?cfRule\\s${ATTRS}(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?cfRule>)`, 'g'),
    )) {
      const inline = /<(?:[\w.-]+:)?dxf\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?dxf>/.exec(rule[2] ?? '')?.[1];
      const set = inline !== undefined ? dxfOf(inline, colours) : dxfs[Number(attribute(rule[1] ?? '', 'dxfId') ?? -1)];
      if (set && (set.font.colour !== undefined || set.font.size !== undefined || set.fill !== undefined))
        rules.push({ covers, ...set });
    }
  }
  return rules;
}

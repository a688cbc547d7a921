/**
 * A small streaming XML walk for the parts of office documents the journal readers need
 * (word/document.xml, content.xml): start tags with their raw attributes, end tags and text,
 * in document order. It builds no tree, so a 10,000-row table costs one pass over the text.
 *
 * Safe by construction: no DTD is read and no entity but the five predefined ones and
 * character references is expanded (a DOCTYPE is skipped), so "billion laughs" files or
 * external entities do nothing. Comments, processing instructions and CDATA are handled;
 * malformed markup (a tag never closed) throws.
 */

export interface XmlHandler {
  /** A start tag (`empty` for `<x/>`, which gets no `close` call). */
  open(name: string, attrs: string, empty: boolean): void;
  close(name: string): void;
  /** Character data, entities already decoded. */
  text(text: string): void;
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/**
 * From after `<` of a tag to its `>`, skipping `>` inside quoted attribute values; a `<`
 * (never allowed inside a tag) ends the match, so a cut-off tag is an error.
 */
const TAG_END = /[^"'<>]*(?:(?:"[^"<]*"|'[^'<]*')[^"'<>]*)*>/y;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g,
    (all, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref] ?? all;
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return all;
      return String.fromCodePoint(code);
    },
  );
}

/** The value of attribute `name` in a start tag's raw attributes, entities decoded. */
export function attr(attrs: string, name: string): string | null {
  let at = attrs.indexOf(name);
  while (at >= 0) {
    const before = at === 0 ? ' ' : attrs[at - 1]!;
    let k = at + name.length;
    while (attrs[k] === ' ' || attrs[k] === '\t' || attrs[k] === '\n' || attrs[k] === '\r') k++;
    if (/\s/.test(before) && attrs[k] === '=') {
      k++;
      while (attrs[k] === ' ' || attrs[k] === '\t' || attrs[k] === '\n' || attrs[k] === '\r') k++;
      const quote = attrs[k];
      if (quote === '"' || quote === "'") {
        const end = attrs.indexOf(quote, k + 1);
        if (end > k) return decodeEntities(attrs.slice(k + 1, end));
      }
      return null;
    }
    at = attrs.indexOf(name, at + 1);
  }
  return null;
}

export function walkXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      handler.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) handler.text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('comment not closed');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('CDATA not closed');
        handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE …> with an optional internal subset in brackets: skipped, never expanded.
        const bracket = xml.indexOf('[', lt);
        const close = xml.indexOf('>', lt);
        if (close < 0) throw new XmlError('declaration not closed');
        if (bracket >= 0 && bracket < close) {
          const end = xml.indexOf(']', bracket);
          const after = end < 0 ? -1 : xml.indexOf('>', end);
          if (after < 0) throw new XmlError('declaration not closed');
          i = after + 1;
        } else {
          i = close + 1;
        }
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('processing instruction not closed');
      i = end + 2;
      continue;
    }
    TAG_END.lastIndex = lt + 1;
    if (!TAG_END.test(xml)) throw new XmlError(`tag not closed at ${lt}`);
    const gt = TAG_END.lastIndex - 1;
    if (c === 0x2f /* / */) {
      handler.close(xml.slice(lt + 2, gt).trim());
    } else {
      const empty = xml.charCodeAt(gt - 1) === 0x2f;
      const body = xml.slice(lt + 1, empty ? gt - 1 : gt);
      let e = 0;
      while (e < body.length) {
        const ch = body.charCodeAt(e);
        if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
        e++;
      }
      handler.open(body.slice(0, e), body.slice(e), empty);
    }
    i = gt + 1;
  }
}

/**
 * The prefix (with its colon, or '' for the default namespace) bound to one of `uris` on the
 * document's root element; `fallback` when none is (documents always declare it there).
 */
export function prefixOf(xml: string, uris: readonly string[], fallback: string): string {
  const start = xml.search(/<[A-Za-z_]/);
  if (start < 0) return fallback;
  TAG_END.lastIndex = start + 1;
  if (!TAG_END.test(xml)) return fallback;
  const root = xml.slice(start, TAG_END.lastIndex);
  for (const m of root.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g)) {
    if (uris.includes(m[3]!)) return m[1] === undefined ? '' : `${m[1]}:`;
  }
  return fallback;
}

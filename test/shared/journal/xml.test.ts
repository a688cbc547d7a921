import { describe, expect, it } from 'vitest';

import { attr, decodeEntities, prefixOf, walkXml, XmlError } from '@shared/journal/xml';

function events(xml: string): string[] {
  const out: string[] = [];
  walkXml(xml, {
    open: (name, attrs, empty) => out.push(`<${name}${empty ? '/' : ''} ${attrs.trim()}`),
    close: (name) => out.push(`</${name}`),
    text: (text) => out.push(`"${text}"`),
  });
  return out;
}

describe('the XML walk of office parts', () => {
  it('gives tags, attributes and text with entities decoded', () => {
    expect(
      events(
        '<?xml version="1.0"?><!-- c --><a x="1 &gt; 0" y=\'>\'><b/>Қ&amp;Ж &#1178;&#x4e9;<![CDATA[<raw>&amp;]]></a>',
      ),
    ).toEqual(['<a x="1 &gt; 0" y=\'>\'', '<b/ ', '"Қ&Ж Қө"', '"<raw>&amp;"', '</a']);
    expect(attr(' x="1 &gt; 0" w:val="restart"', 'w:val')).toBe('restart');
    expect(attr(' x="1 &gt; 0"', 'x')).toBe('1 > 0');
    expect(attr(' w:valx="1"', 'w:val')).toBeNull();
  });

  it('expands no entity a DOCTYPE declares (no billion laughs, no external files)', () => {
    const xml = '<!DOCTYPE d [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;">]><d>&b;&unknown;</d>';
    expect(events(xml)).toEqual(['<d ', '"&b;&unknown;"', '</d']);
    expect(decodeEntities('&#xD800;&#99999999;')).toBe('&#xD800;&#99999999;');
  });

  it('throws on a tag never closed', () => {
    expect(() => events('<a><b x="1')).toThrow(XmlError);
  });

  it('finds the prefix of a namespace on the root element', () => {
    const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    expect(prefixOf(`<?xml?><w:document xmlns:w="${ns}"/>`, [ns], '?')).toBe('w:');
    expect(prefixOf(`<document xmlns="${ns}"/>`, [ns], '?')).toBe('');
    expect(prefixOf('<x:document xmlns:x="other"/>', [ns], 'w:')).toBe('w:');
  });
});

import { describe, expect, test } from 'vitest';
import { renderXmlDocument, xmlElement } from '../../src/lib/xml.ts';

describe('renderXmlDocument', () => {
  test('writes one element a line where only elements are inside, leaves out undefined children', () => {
    const doc = xmlElement('rss', { version: '2.0' },
      xmlElement('channel', {},
        xmlElement('title', {}, 'T'),
        undefined,
        xmlElement('atom:link', { href: 'https://shuho.example/en/rss.xml', rel: 'self' }),
      ),
    );
    expect(renderXmlDocument(doc)).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0">',
      '  <channel>',
      '    <title>T</title>',
      '    <atom:link href="https://shuho.example/en/rss.xml" rel="self"/>',
      '  </channel>',
      '</rss>',
      '',
    ].join('\n'));
  });

  test('adds no whitespace inside an element that holds text, however deep', () => {
    const doc = xmlElement('p', {}, 'a ', xmlElement('b', {}, xmlElement('i', {}, 'c')), ' d');
    expect(renderXmlDocument(doc)).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<p>a <b><i>c</i></b> d</p>\n');
  });

  test('escapes text and attribute values and drops characters XML cannot carry', () => {
    const doc = xmlElement('e', { a: '"x" & <y>' }, '<p>]]> & \u0001</p>');
    expect(renderXmlDocument(doc)).toContain('<e a="&quot;x&quot; &amp; &lt;y&gt;">&lt;p&gt;]]&gt; &amp; &lt;/p&gt;</e>');
  });
});

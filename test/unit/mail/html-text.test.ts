import { describe, expect, it } from 'vitest';
import { decodeAttribute, decodeEntities, htmlToText } from '../../../functions/core/mail/text/html-text';

/** Character references the old hand table (about sixty names) left in the text as written. */
describe('character references', () => {
  it('decodes names the hand table missed', () => {
    expect(decodeEntities('&Agrave;&oslash;&rsaquo;&scaron;&rarr;&check;')).toBe('Àø›š→✓');
  });

  it('decodes names with digits and long names', () => {
    expect(decodeEntities('&frac12; &sup2; &CenterDot;')).toBe('½ ² ·');
    expect(decodeEntities('a&NonBreakingSpace;b')).toBe('a\u00a0b');
  });

  it('decodes legacy references without the semicolon, as a browser does in text', () => {
    expect(decodeEntities('1&nbsp2 &copy 2026 &amp more')).toBe('1\u00a02 © 2026 & more');
  });

  it('keeps a link parameter that looks like a legacy reference', () => {
    expect(decodeAttribute('https://a.example/x?a=1&copy=2&amp;o_ids=8101234567800001')).toBe(
      'https://a.example/x?a=1&copy=2&o_ids=8101234567800001',
    );
  });

  it('leaves unknown names and text without `&` alone', () => {
    expect(decodeEntities('&zzunknown; plain')).toBe('&zzunknown; plain');
    expect(decodeEntities('no references')).toBe('no references');
  });

  it('reaches the text the extractor reads, with spaces folded', () => {
    expect(htmlToText('<p>Zollabfertigung&nbsp;f&uuml;r&NonBreakingSpace;Ihr Paket &rsaquo; ok</p>')).toBe(
      'Zollabfertigung für Ihr Paket › ok',
    );
  });
});

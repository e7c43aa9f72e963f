import { decodeText } from '../decode';

it('UTF-8, or Windows-1252 when the bytes are not UTF-8', () => {
  expect(decodeText(new TextEncoder().encode('Bodø'))).toBe('Bodø');
  expect(decodeText(Uint8Array.from([0x42, 0x6f, 0x64, 0xf8]))).toBe('Bodø');
});

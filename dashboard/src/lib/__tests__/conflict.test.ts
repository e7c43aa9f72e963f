import { mergeConflict } from '../conflict';

const KEYS = ['title', 'phone', 'email', 'isContactPoint'] as const;
const base = { title: 'Veileder', phone: '+47 00 00 00 01', email: '', isContactPoint: false };

it('takes what only the other person changed, keeps what only I changed, and lists real clashes', () => {
  const mine = { ...base, phone: '+47 00 00 00 02', email: 'kari@example.no' };
  const theirs = { ...base, title: 'Seniorveileder', email: 'k.n@example.no', isContactPoint: true };
  const r = mergeConflict(base, mine, theirs, KEYS);
  expect(r.merged).toEqual({
    title: 'Seniorveileder',
    phone: '+47 00 00 00 02',
    email: 'kari@example.no',
    isContactPoint: true,
  });
  expect(r.taken).toEqual(['title', 'isContactPoint']);
  expect(r.clashes).toEqual([{ key: 'email', theirs: 'k.n@example.no', mine: 'kari@example.no' }]);
});

it('the same change on both sides is no clash; null and empty text are the same', () => {
  const r = mergeConflict(
    { ...base, email: null as string | null },
    { ...base, title: 'Leder', email: '' },
    { ...base, title: 'Leder', email: null },
    KEYS,
  );
  expect(r.clashes).toEqual([]);
  expect(r.taken).toEqual([]);
  expect(r.merged.title).toBe('Leder');
});

it('leaves fields outside the keys as I typed them', () => {
  const r = mergeConflict({ a: 1, b: 1 }, { a: 1, b: 2 }, { a: 3, b: 3 }, ['a']);
  expect(r.merged).toEqual({ a: 3, b: 2 });
});

import { formatServerMessage, labelKeyOf, msg, SERVER_LABELS, SERVER_MESSAGES } from './server-messages';

it('formats a message from its key and params; label params are worded from SERVER_LABELS', () => {
  expect(formatServerMessage(msg('field.required', { label: 'name' }))).toBe('Navn må fylles ut.');
  expect(
    formatServerMessage(
      msg('agreement.statusTransition', {
        from: 'status.ACTIVE',
        to: 'status.DRAFT',
        allowed: 'status.NOTICE_GIVEN,status.ENDED',
      }),
    ),
  ).toBe('En avtale med status «aktiv» kan ikke få status «utkast». Mulige neste steg: oppsagt, avsluttet.');
  // Other params are filled in as they are, even when they look like a label key.
  expect(formatServerMessage(msg('cost.alreadyParty', { name: 'name' }))).toBe('name er allerede part.');
});

it('has one key per label text (the server finds a field label key by its bokmål text)', () => {
  const texts = Object.values(SERVER_LABELS);
  expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  expect(labelKeyOf('Merknad')).toBe('note');
});

it('uses only {word} placeholders, each closed', () => {
  const broken = Object.entries(SERVER_MESSAGES).filter(([, text]) => /\{(?!\w+\})/.test(text));
  expect(broken).toEqual([]);
});

/** The inbound mailbox's settings: IMAP_* (config/config.ts), parsed with every other setting. */
import { imapSettingsOf, loadConfig } from '../../config/config';

const base = { DATABASE_URL: 'postgresql://levante@127.0.0.1:55432/levante' };

test('no IMAP_HOST (unset or empty): inbound mail is off', () => {
  expect(imapSettingsOf(loadConfig(base))).toBeNull();
  expect(imapSettingsOf(loadConfig({ ...base, IMAP_HOST: '' }))).toBeNull();
});

test('a host: the defaults fill the rest, and the folders are split and trimmed', () => {
  expect(imapSettingsOf(loadConfig({ ...base, IMAP_HOST: 'mail.agencia.example.pe', IMAP_USER: 'jorge.salas', IMAP_FOLDERS: ' INBOX , Enviados ,' }))).toEqual({
    host: 'mail.agencia.example.pe',
    port: 993,
    secure: true,
    user: 'jorge.salas',
    password: '',
    folders: ['INBOX', 'Enviados'],
  });
  expect(imapSettingsOf(loadConfig({ ...base, IMAP_HOST: '127.0.0.1', IMAP_PORT: '3143', IMAP_SECURE: 'false' }))).toMatchObject({ port: 3143, secure: false, folders: ['INBOX', 'Sent'] });
});

test('a bad value is refused by name, with the other settings', () => {
  expect(() => loadConfig({ ...base, IMAP_HOST: 'mail', IMAP_PORT: 'imap' })).toThrow(/IMAP_PORT/);
  expect(() => loadConfig({ ...base, IMAP_SECURE: 'yes' })).toThrow(/IMAP_SECURE/);
});

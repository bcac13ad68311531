import { ConfigError, loadConfig } from '../../app/config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:./data/agora.db',
      publicUrl: 'http://localhost:3000',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      VIBER_API_ROOT: 'https://chatapi.viber.com/pa',
      telegramMode: 'polling',
    });
  });

  it('derives webhook mode from an https PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://agora.example.org/' })).toMatchObject({
      publicUrl: 'https://agora.example.org',
      telegramMode: 'webhook',
    });
    expect(loadConfig({ PUBLIC_URL: 'https://x.org', TELEGRAM_MODE: 'polling' }).telegramMode).toBe(
      'polling',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ TELEGRAM_WEBHOOK_SECRET: 'has spaces!' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ TELEGRAM_MODE: 'push' }, 'TELEGRAM_MODE'],
    [{ ADMIN_EMAIL: 'nobody' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ LLM_MODEL: 'gpt4' }, 'LLM_MODEL'],
  ])('names the variable in error: %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});

import { ensureFirstAdmin } from '../../../admin/panel';
import { likelyDuplicates } from '../../../admin/panel/duplicates';
import { html, jsonForScript, raw, safeUrl } from '../../../admin/panel/html';
import { generatePassword, hashPassword, verifyPassword } from '../../../admin/panel/password';
import { aProposal } from '../../builders';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';

// `h` rather than `html`: prettier would reformat the markup of an `html` tagged template.
const h = html;

describe('html templates', () => {
  it('escapes interpolations by default and keeps nested templates and raw markup', () => {
    const name = `<img src=x onerror="alert('1')">&`;
    expect(h`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</p>',
    );
    expect(h`<ul>${['a', '<b>'].map((x) => h`<li>${x}</li>`)}</ul>`.value).toBe(
      '<ul><li>a</li><li>&lt;b&gt;</li></ul>',
    );
    expect(h`${null}${undefined}${false}${0}${raw('<br>')}`.value).toBe('0<br>');
  });

  it('embeds JSON that cannot close its script element', () => {
    const out = jsonForScript({ t: '</script><script>alert(1)</script>&' }).value;
    expect(out).not.toMatch(/<|>|&/);
    expect(JSON.parse(out)).toEqual({ t: '</script><script>alert(1)</script>&' });
  });

  it('accepts only http(s) URLs', () => {
    expect(safeUrl('https://city.example/a.jpg')).toBe('https://city.example/a.jpg');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with scrypt, salted, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'disabled$' + a)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
  });

  it('generates unambiguous random passwords', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(p);
  });
});

describe('ensureFirstAdmin', () => {
  let deps: TestDeps;
  beforeEach(async () => {
    deps = await makeDeps();
  });
  afterEach(() => deps.store.close());

  it('creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD, once', async () => {
    const log = jest.fn();
    const creds = { email: 'mayor@city.example', password: 'a long enough secret' };
    expect(await ensureFirstAdmin(deps.store, creds, log)).toEqual({ created: true, email: creds.email });
    const admin = await deps.store.staff.findByEmail(creds.email);
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(creds.password, admin!.passwordHash)).toBe(true);
    expect(log.mock.calls[0]![0]).not.toContain(creds.password);
    expect(await ensureFirstAdmin(deps.store, creds, log)).toEqual({ created: false });
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('prints a generated password exactly once when no credentials are given', async () => {
    const lines: string[] = [];
    await ensureFirstAdmin(deps.store, undefined, (m) => lines.push(m));
    await ensureFirstAdmin(deps.store, undefined, (m) => lines.push(m));
    expect(lines).toHaveLength(1);
    const password = /with password (\S+)/.exec(lines[0]!)![1]!;
    const [admin] = await deps.store.staff.list();
    expect(await verifyPassword(password, admin!.passwordHash)).toBe(true);
  });
});

describe('likely duplicates', () => {
  it('pairs proposals about the same thing, in any of the languages, and leaves others alone', () => {
    const a = aProposal({ title: { en: 'New benches in the central park' } });
    const b = aProposal({
      title: { en: 'Benches for the central park' },
      description: { en: 'Somewhere to sit' },
    });
    const c = aProposal({ title: { el: 'Ποδηλατόδρομος στην παραλία' } });
    const d = aProposal({ title: { el: 'Ποδηλατόδρομο στην παραλία της πόλης' } });
    const e = aProposal({ title: { en: 'Free wifi at the library' } });
    const dupes = likelyDuplicates([a, b, c, d, e]);
    expect(dupes.get(a.id)?.of.id).toBe(b.id);
    expect(dupes.get(b.id)?.of.id).toBe(a.id);
    expect(dupes.get(c.id)?.of.id).toBe(d.id);
    expect(dupes.has(e.id)).toBe(false);
  });
});

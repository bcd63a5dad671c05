import { UnsafeWebhookTargetError, checkWebhookTarget, refusalOfAddress } from './webhook-target';

// DNS answers a test decides: a public name, a name that resolves to loopback, one that mixes both.
const resolve = async (host: string) => {
  const answers: Record<string, Array<{ address: string; family: number }>> = {
    'hooks.example.com': [{ address: '93.184.216.34', family: 4 }],
    'rebind.example.com': [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
    'v6.example.com': [{ address: '::ffff:10.0.0.1', family: 6 }],
  };
  if (!answers[host]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return answers[host];
};
const check = (url: string, allowPrivate = false) => checkWebhookTarget(url, { allowPrivate, resolve });

describe('webhook targets (SSRF guard)', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://127.1.2.3/hook',
    'http://[::1]/hook',
    'http://10.0.0.1/hook',
    'http://172.16.5.4/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://[::]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:7f00:1]/hook',
    'http://[::ffff:a9fe:a9fe]/hook',
    'http://2130706433/hook',
    'http://0x7f000001/hook',
    'http://0x7f.1/hook',
    'http://017700000001/hook',
    'http://127.1/hook',
    'http://100.64.0.1/hook',
    'http://224.0.0.1/hook',
  ])('refuses %s', async (url) => {
    await expect(check(url)).rejects.toThrow(
      /is a (loopback|private|linkLocal|uniqueLocal|unspecified|carrierGradeNat|multicast) address/,
    );
  });

  it.each(['ftp://hooks.example.com/x', 'file:///etc/passwd', 'gopher://hooks.example.com/', 'not a url'])(
    'refuses what is not http(s): %s',
    async (url) => {
      await expect(check(url)).rejects.toThrow(UnsafeWebhookTargetError);
    },
  );

  it('refuses a URL with credentials in it', async () => {
    await expect(check('https://user:pass@hooks.example.com/x')).rejects.toThrow(/credentials/);
  });

  it('refuses a name that resolves to loopback, and one that resolves to loopback among others', async () => {
    await expect(checkWebhookTarget('http://localhost:8080/x', { allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(check('https://rebind.example.com/x')).rejects.toThrow(/127\.0\.0\.1 is a loopback/);
    await expect(check('https://v6.example.com/x')).rejects.toThrow(/private/);
  });

  it('refuses a name that does not resolve', async () => {
    await expect(check('https://nowhere.example.com/x')).rejects.toThrow(/does not resolve/);
  });

  it('accepts a public target and pins the address it checked', async () => {
    await expect(check('https://hooks.example.com/x')).resolves.toMatchObject({
      address: '93.184.216.34',
      family: 4,
    });
    await expect(check('http://8.8.8.8/x')).resolves.toMatchObject({ address: '8.8.8.8' });
    await expect(check('http://[2606:4700::1111]/x')).resolves.toMatchObject({ address: '2606:4700::1111', family: 6 });
  });

  it('lets private and loopback targets through with WEBHOOK_ALLOW_PRIVATE, but never the unspecified address', async () => {
    await expect(check('http://127.0.0.1:9/x', true)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(check('http://10.0.0.1/x', true)).resolves.toMatchObject({ address: '10.0.0.1' });
    await expect(check('http://0.0.0.0/x', true)).rejects.toThrow(UnsafeWebhookTargetError);
    expect(refusalOfAddress('169.254.169.254', true)).toBeUndefined();
    expect(refusalOfAddress('::ffff:192.168.0.1')).toMatch(/private/);
  });
});

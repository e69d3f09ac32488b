// Short and long syntaxes into their long forms: ports as docker/go-connections reads them, volumes as compose-go's
// ParseVolume reads them (its format/volume_test.go cases), healthchecks, environment, extra_hosts; units.
import { describe, expect, it } from 'vitest';
import {
  parseDependsOn,
  parseEnvironment,
  parseExtraHosts,
  parseHealthcheck,
  parsePortShort,
  parseVolumeShort,
} from './syntax';
import { bytesOf, cpuQuantity, durationSeconds, memoryQuantity } from './units';

const ports = (spec: string) => {
  const p = parsePortShort(spec);
  if (!p.ok) throw new Error(p.message);
  return p.value.ports.map(({ raw: _raw, ...rest }) => rest);
};

describe('ports', () => {
  it('reads every short form', () => {
    expect(ports('3000')).toEqual([{ target: 3000, protocol: 'tcp' }]);
    expect(ports('8000:8000')).toEqual([{ target: 8000, published: '8000', protocol: 'tcp' }]);
    expect(ports('49100:22')).toEqual([{ target: 22, published: '49100', protocol: 'tcp' }]);
    expect(ports('127.0.0.1:8001:8001')).toEqual([
      { target: 8001, published: '8001', hostIp: '127.0.0.1', protocol: 'tcp' },
    ]);
    expect(ports('127.0.0.1::5000')).toEqual([{ target: 5000, hostIp: '127.0.0.1', protocol: 'tcp' }]);
    expect(ports('[::1]:6001:6001/udp')).toEqual([{ target: 6001, published: '6001', hostIp: '::1', protocol: 'udp' }]);
    expect(ports('51820:51820/UDP')).toEqual([{ target: 51820, published: '51820', protocol: 'udp' }]);
  });

  it('expands ranges one port per number, and a host range for one port stays a range', () => {
    expect(ports('3001-3003')).toEqual([3001, 3002, 3003].map((target) => ({ target, protocol: 'tcp' })));
    expect(ports('9090-9091:8080-8081')).toEqual([
      { target: 8080, published: '9090', protocol: 'tcp' },
      { target: 8081, published: '9091', protocol: 'tcp' },
    ]);
    expect(ports('8000-8010:80')).toEqual([{ target: 80, published: '8000-8010', protocol: 'tcp' }]);
    const big = parsePortShort('1-65535');
    expect(big.ok && big.value.ports.length).toBe(100);
    expect(big.ok && big.value.cut).toBe(65435);
  });

  it('refuses what docker refuses', () => {
    for (const bad of ['', '80/xyz', 'a:80', '80:abc', '1.2.3:80:80', '8080-8081:80-82', '70000', '{{ .Port }}:3000']) {
      expect(parsePortShort(bad).ok, bad).toBe(false);
    }
  });
});

describe('volumes (compose-go ParseVolume cases)', () => {
  const volume = (spec: string) => {
    const v = parseVolumeShort(spec);
    if (!v.ok) throw new Error(v.message);
    return v.value;
  };
  it('tells anonymous, named and bind mounts apart', () => {
    expect(volume('/path')).toMatchObject({ type: 'volume', target: '/path' });
    expect(volume('/path')).not.toHaveProperty('source');
    expect(volume('name:/target')).toMatchObject({ type: 'volume', source: 'name', target: '/target' });
    expect(volume('/source:/target')).toMatchObject({ type: 'bind', source: '/source', target: '/target' });
    expect(volume('./static:/var/www/html')).toMatchObject({ type: 'bind', source: './static' });
    expect(volume('~/configs:/etc/configs:ro')).toMatchObject({ type: 'bind', readOnly: true });
    expect(volume('.:/code')).toMatchObject({ type: 'bind', source: '.', target: '/code' });
    expect(volume('C:\\source\\foo:D:\\target:ro')).toMatchObject({
      type: 'bind',
      source: 'C:\\source\\foo',
      target: 'D:\\target',
    });
  });
  it('reads options: ro, rw, propagation; keeps the others as ignored', () => {
    expect(volume('/source:/target:ro,rshared')).toMatchObject({ readOnly: true, propagation: 'rshared' });
    expect(volume('../..:/workspaces:cached')).toMatchObject({ type: 'bind', ignored: ['cached'] });
    expect(volume('/src:/target:z,nocopy')).toMatchObject({ ignored: ['z', 'nocopy'] });
  });
  it('does not split inside ${...}', () => {
    expect(volume('/tmp:/tmp/${BUG_HERE:-DEFAULT}/path')).toMatchObject({
      source: '/tmp',
      target: '/tmp/${BUG_HERE:-DEFAULT}/path',
    });
    expect(volume('/src/${SRC:-default}:/dst/${DST:-value}')).toMatchObject({ source: '/src/${SRC:-default}' });
  });
  it('refuses empty sections and too many colons', () => {
    for (const bad of ['', ':foo', '/foo::ro', '/foo:/foo:ro:foo']) expect(parseVolumeShort(bad).ok, bad).toBe(false);
  });
});

describe('other syntaxes', () => {
  it('environment as a list or a map; no value means "from the environment"', () => {
    expect(parseEnvironment(['A=1', 'B', 'C=x=y'])).toEqual({
      ok: true,
      value: [
        ['A', '1'],
        ['B', undefined],
        ['C', 'x=y'],
      ],
    });
    expect(parseEnvironment({ A: 1, B: null, C: true })).toEqual({
      ok: true,
      value: [
        ['A', '1'],
        ['B', undefined],
        ['C', 'true'],
      ],
    });
  });
  it('depends_on as a list or with conditions', () => {
    expect(parseDependsOn(['db'])).toEqual({
      ok: true,
      value: [{ service: 'db', condition: 'service_started', required: true }],
    });
    expect(parseDependsOn({ db: { condition: 'service_healthy', required: false } })).toEqual({
      ok: true,
      value: [{ service: 'db', condition: 'service_healthy', required: false }],
    });
    expect(parseDependsOn({ db: { condition: 'service_ready' } }).ok).toBe(false);
  });
  it('healthcheck test forms', () => {
    expect(parseHealthcheck({ test: ['CMD', 'pg_isready', '-U', 'x'], interval: '10s', retries: 5 })).toEqual({
      ok: true,
      value: {
        disabled: false,
        test: { kind: 'exec', command: ['pg_isready', '-U', 'x'] },
        intervalSeconds: 10,
        retries: 5,
      },
    });
    expect(parseHealthcheck({ test: ['CMD-SHELL', 'curl -f localhost || exit 1'] })).toMatchObject({
      value: { test: { kind: 'shell', command: 'curl -f localhost || exit 1' } },
    });
    expect(parseHealthcheck({ test: 'echo "hello world"', start_period: '1m30s' })).toMatchObject({
      value: { test: { kind: 'shell', command: 'echo "hello world"' }, startPeriodSeconds: 90 },
    });
    expect(parseHealthcheck({ test: ['NONE'] })).toMatchObject({ value: { disabled: true } });
    expect(parseHealthcheck({ disable: true })).toMatchObject({ value: { disabled: true } });
    expect(parseHealthcheck({ test: ['RUN', 'x'] }).ok).toBe(false);
  });
  it('extra_hosts in every form', () => {
    expect(parseExtraHosts(['otherhost:50.31.209.229', 'v6=::1', 'multi=1.1.1.1,2.2.2.2'])).toEqual({
      ok: true,
      value: [
        { hostname: 'otherhost', ip: '50.31.209.229' },
        { hostname: 'v6', ip: '::1' },
        { hostname: 'multi', ip: '1.1.1.1' },
        { hostname: 'multi', ip: '2.2.2.2' },
      ],
    });
    expect(parseExtraHosts({ somehost: '162.242.195.82' })).toEqual({
      ok: true,
      value: [{ hostname: 'somehost', ip: '162.242.195.82' }],
    });
    expect(parseExtraHosts(['nohost']).ok).toBe(false);
  });
  it('units: durations, sizes, CPUs', () => {
    expect(durationSeconds('1m30s')).toBe(90);
    expect(durationSeconds('500ms')).toBe(0.5);
    expect(durationSeconds('1h')).toBe(3600);
    expect(durationSeconds('2d')).toBe(172800);
    expect(durationSeconds('10')).toBeUndefined();
    expect(bytesOf('512m')).toBe(512 * 1024 ** 2);
    expect(bytesOf('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(bytesOf('50M')).toBe(50 * 1024 ** 2);
    expect(bytesOf('1gb')).toBe(1024 ** 3);
    expect(bytesOf(10000)).toBe(10000);
    expect(bytesOf('lots')).toBeUndefined();
    expect(memoryQuantity(512 * 1024 ** 2)).toBe('512Mi');
    expect(memoryQuantity(10000)).toBe('10000');
    expect(cpuQuantity('0.5')).toBe('500m');
    expect(cpuQuantity(2)).toBe('2');
    expect(cpuQuantity('0.0001')).toBe('1m');
  });
});

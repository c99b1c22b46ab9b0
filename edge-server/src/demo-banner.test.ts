import { describe, expect, it } from 'vitest';
import { demoBanner, type DemoFile } from './demo-banner.js';

const demo: DemoFile = {
  admin: { username: 'admin', password: 'Pa55-word-xyz' },
  devices: [
    { name: 'Kiosk — Entrance', url: '/kiosk/?token=kiosk-token-0123456789' },
    { name: 'Screen — Produce', url: '/signage/?token=screen-token-0123456789' },
  ],
};
const base = { demo, demoFile: 'data/demo.json', port: 8080 };
const secrets = ['Pa55-word-xyz', 'kiosk-token-0123456789', 'screen-token-0123456789'];

describe('the demo banner', () => {
  it('shows the pairing links and the admin password once: on the seeding start, to a terminal', () => {
    const text = demoBanner({ ...base, tty: true, firstRun: true })!;
    for (const s of secrets) expect(text).toContain(s);
    expect(text).toContain('http://localhost:8080/kiosk/?token=kiosk-token-0123456789');
    expect(text).toContain('data/demo.json');
  });

  it('never prints a secret when standard output is not a terminal (systemd journal, CI logs)', () => {
    for (const firstRun of [true, false]) {
      const text = demoBanner({ ...base, tty: false, firstRun })!;
      for (const s of secrets) expect(text).not.toContain(s);
      expect(text).toContain('data/demo.json (mode 0600)');
      expect(text).toContain('http://localhost:8080/console/');
    }
  });

  it('on later starts at a terminal, gives the links without secrets and says where they are', () => {
    const text = demoBanner({ ...base, tty: true, firstRun: false })!;
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).toContain('http://localhost:8080/console/');
    expect(text).toContain('data/demo.json');
  });

  it('says nothing on a store that is not the demo', () => {
    expect(demoBanner({ ...base, demo: undefined, tty: true, firstRun: true })).toBeUndefined();
  });
});

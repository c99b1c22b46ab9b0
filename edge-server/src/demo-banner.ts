/** What `DATA_DIR/demo.json` holds (written by the demo seed, mode 0600). */
export interface DemoFile {
  admin: { username: string; password: string };
  devices: Array<{ name: string; url: string }>;
}

export interface DemoBannerInput {
  /** The parsed demo.json, or undefined on a store that was not seeded as the demo. */
  demo: DemoFile | undefined;
  /** Where demo.json lives, as the operator should look for it. */
  demoFile: string;
  /** The bound port. */
  port: number;
  /** Whether standard output is a terminal (a person reading), not a pipe or the journal. */
  tty: boolean;
  /** The demo store was seeded by this very start. */
  firstRun: boolean;
}

/**
 * What the server prints once it listens on a demo store. The admin password and the device
 * pairing links (each carries the device's bearer token) are printed only on the start that
 * seeded the store and only to a terminal: under systemd or in CI standard output is a log, and
 * secrets never go there. Every other start says where to find them instead.
 */
export function demoBanner({ demo, demoFile, port, tty, firstRun }: DemoBannerInput): string | undefined {
  if (!demo) return undefined;
  const base = `http://localhost:${port}`;
  const where = `${demoFile} (mode 0600)`;
  if (!tty) return `Vitrina demo store is up at ${base}/console/; device pairing links and the admin password are in ${where}.`;
  const secrets = firstRun
    ? [
        ...demo.devices.map((d) => `  ${d.name.padEnd(20)} ${base}${d.url}`),
        `  Staff console        ${base}/console/   (user ${demo.admin.username}, password ${demo.admin.password})`,
      ]
    : [`  Staff console        ${base}/console/`];
  return [
    '',
    'Vitrina demo store is up:',
    ...secrets,
    `  API docs             ${base}/api/docs`,
    `  Demo loyalty cards:  npm run demo:cards`,
    firstRun
      ? `  Shown once, on this terminal only; the pairing links and the password stay in ${where}.`
      : `  Device pairing links and the admin password: ${where}.`,
    '',
  ].join('\n');
}

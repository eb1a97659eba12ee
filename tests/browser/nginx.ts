/**
 * Serves a build with Debian's nginx and the sample configuration deploy/nginx.conf, as the
 * current user, on a free loopback port; every path nginx writes (pid, logs, temp files) lives in
 * a temporary directory. Only `listen` and `root` of the sample are rewritten.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export function findNginx(): string | null {
  return NGINX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface NginxServer {
  url: string;
  port: number;
  /** Whether brotli_static is on (the module is installed); otherwise gzip only. */
  brotli: boolean;
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`, to cut the network). */
  start(): Promise<void>;
  /** Stops it and removes its temporary directory. */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited (${child.exitCode}):\n${readLog(log)}`);
    }
    const open = await new Promise<boolean>((ok) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        ok(true);
      });
      socket.once('error', () => ok(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on port ${port}:\n${readLog(log)}`);
}

function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8').slice(-2000) : '(no log)';
}

/** The sample site configuration with its `listen` and `root` set for this run. */
export function renderSiteConfig(sample: string, root: string, port: number, brotli: boolean) {
  let site = sample
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \/var\/www\/atlas-plh;$/m, `$1root ${root};`);
  if (!brotli) site = site.replace(/^\s*brotli_static on;\n/m, '');
  if (!site.includes(`listen 127.0.0.1:${port};`) || !site.includes(`root ${root};`)) {
    throw new Error('deploy/nginx.conf: `listen 80;` or `root /var/www/atlas-plh;` not found');
  }
  return site;
}

export async function startNginx(buildDir: string): Promise<NginxServer> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed');
  const brotli = existsSync(BROTLI_STATIC_MODULE);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-plh-nginx-'));
  for (const sub of ['logs', 'temp']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const site = renderSiteConfig(
    readFileSync(resolve('deploy/nginx.conf'), 'utf8'),
    resolve(buildDir),
    port,
    brotli
  );
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'temp', name)};`;
  const errorLog = join(dir, 'logs', 'error.log');
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      brotli ? `load_module ${BROTLI_STATIC_MODULE};` : '',
      'daemon off;',
      'worker_processes 1;',
      // As root, workers would otherwise switch to `nobody`: stay the current user.
      process.getuid?.() === 0 ? `user ${userInfo().username};` : '',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${join(dir, 'logs', 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${join(dir, 'site.conf')};`,
      '}',
      ''
    ].join('\n')
  );
  const args = ['-p', dir, '-e', errorLog, '-c', join(dir, 'nginx.conf')];
  const check = spawnSync(nginx, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);

  let child: ChildProcess | null = null;
  const start = async () => {
    if (child) return;
    const c = spawn(nginx, args, { stdio: 'ignore' });
    child = c;
    await waitForPort(port, c, errorLog);
  };
  const stop = async () => {
    const c = child;
    if (!c) return;
    child = null;
    if (c.exitCode === null) {
      const exited = new Promise((ok) => c.once('exit', ok));
      // SIGTERM: fast shutdown of the master and its worker.
      c.kill('SIGTERM');
      await exited;
    }
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    brotli,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

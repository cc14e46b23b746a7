import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { SANDBOX_ACCOUNTS } from './accounts';
import { SANDBOX_DECLARATIONS } from './providers';
import { FaultRegistry, faultSchema, type Fault, type FaultTarget, type LinkStyle } from './faults';
import { jsonResponse, readBody, type SandboxRequest, type SandboxResponse } from './http';
import type { ProviderSimulator, SimulatorContext } from './provider';
import type { SandboxStats } from './stats';

export interface ServerOptions {
  ctx: SimulatorContext;
  faults: FaultRegistry;
  stats: SandboxStats;
  log?: (line: string) => void;
}

export function createSandboxServer({ ctx, faults, stats, log }: ServerOptions): Server {
  const simulators = new Map<string, ProviderSimulator>(SANDBOX_DECLARATIONS.map((declaration) => [declaration.provider, declaration.createSimulator(ctx)]));

  async function route(req: IncomingMessage, url: URL): Promise<{ res: SandboxResponse; note?: string }> {
    if (url.pathname.startsWith('/__sandbox/')) return { res: await control(req, url.pathname, { faults, stats }) };
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const simulator = simulators.get(prefix);
    if (!simulator) return { res: jsonResponse(404, { error: 'Not Found' }) };
    const account = simulator.accountInPath ? rest.shift() : undefined;
    const method = req.method ?? 'GET';
    const request: SandboxRequest = {
      method,
      path: `/${rest.join('/')}`,
      fullPath: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      host: req.headers.host ?? url.host,
      account,
      body: method === 'GET' || method === 'HEAD' ? '' : await readBody(req),
    };
    const target: FaultTarget = { provider: simulator.provider, account: simulator.faultAccount(request), path: url.pathname };
    const notes: string[] = [];

    const delayMs = faults.takeDelayMs(target);
    if (delayMs > 0) {
      notes.push(`delay=${delayMs}ms`);
      await sleep(delayMs);
    }
    const shortCircuit = faults.takeShortCircuit(target);
    let res: SandboxResponse;
    if (shortCircuit) {
      notes.push(`fault=${shortCircuit.kind}`);
      res = simulator.faultResponse(shortCircuit, request);
      if (shortCircuit.retryAfter !== undefined) res = { ...res, headers: { ...res.headers, 'retry-after': shortCircuit.retryAfter } };
    } else {
      res = simulator.handle(request, {
        takeDroppedPayouts: () => {
          const dropped = faults.takeDroppedPayouts(target);
          if (dropped.length > 0) notes.push('fault=drop_transaction');
          return dropped;
        },
      });
      if (res.status >= 200 && res.status < 300) {
        const transform = faults.takeTransform(target, (fault) => corrupt(simulator, fault, res.body) !== undefined);
        const body = transform && corrupt(simulator, transform, res.body);
        if (transform && body !== undefined) {
          notes.push(`fault=${transform.kind}`);
          res = { ...res, status: 200, body };
        }
      }
      const link = res.headers.link;
      const style = link === undefined ? undefined : faults.takeLinkStyle(target);
      if (link !== undefined && style !== undefined) {
        notes.push(`fault=link_style:${style}`);
        res = { ...res, headers: { ...res.headers, link: restyleLink(link, style) } };
      }
    }
    const answer = simulator.finalize(res, request);
    stats.record({
      provider: target.provider,
      account: target.account,
      path: request.path,
      status: answer.status,
      at: Date.now(),
      rowTimes: answer.rowTimes,
    });
    return { res: answer, note: notes.join(' ') || undefined };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    route(req, url)
      .catch((error: unknown) => ({
        res: jsonResponse(500, { error: 'sandbox internal error' }),
        note: error instanceof Error ? `error=${error.message}` : 'error',
      }))
      .then(({ res: answer, note }) => {
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
        // Path only: tokens travel in headers and bodies, which are never logged.
        const ms = (performance.now() - started).toFixed(1);
        log?.(`${req.method ?? 'GET'} ${url.pathname} ${answer.status} ${ms}ms${note ? ` ${note}` : ''}`);
      });
  });
  // Idle sockets are closed by the client first (undici drops them after 4 s): with Node's default 5 s here, a
  // busy machine let the server close one just as the client reused it, and the request failed with ECONNRESET.
  server.keepAliveTimeout = 65_000;
  return server;
}

function corrupt(simulator: ProviderSimulator, fault: Fault, body: string): string | undefined {
  if (fault.kind === 'malformed_json') return body.length > 1 ? body.slice(0, Math.floor(body.length / 2)) : '{';
  if (fault.kind === 'bad_amount') return simulator.corruptAmount(body);
  if (fault.kind === 'payout_status' && fault.value !== undefined && simulator.provider === 'shopline') {
    const statuses = /("(?:payout_)?status"\s*:\s*)"[^"]+"/g;
    return statuses.test(body) ? body.replace(statuses, `$1${JSON.stringify(fault.value)}`) : undefined;
  }
  if (fault.kind === 'time_style' && simulator.provider === 'neox') {
    const times = /("time"\s*:\s*)"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})"/g;
    return times.test(body) ? body.replace(times, '$1"$2T$3+08:00"') : undefined;
  }
  return undefined;
}

/** The same links spelled another documented way (a header cannot carry a line break, so no multi-line form). */
function restyleLink(link: string, style: LinkStyle): string {
  if (style === 'spaced') return link.replace(/<([^>]*)>/g, '< $1 >');
  return `"${link.replace(/rel="([^"]*)"/g, 'rel=$1')}"`;
}

// /__sandbox/*: no auth, never matched by faults and never counted, so tests can always reach them.
async function control(
  req: IncomingMessage,
  path: string,
  { faults, stats }: { faults: FaultRegistry; stats: SandboxStats },
): Promise<SandboxResponse> {
  const method = req.method ?? 'GET';
  if (path === '/__sandbox/health' && method === 'GET') return jsonResponse(200, { ok: true });
  // The demo seed reads the accounts here, so the app's build carries none of their credentials.
  if (path === '/__sandbox/accounts' && method === 'GET') return jsonResponse(200, { accounts: SANDBOX_ACCOUNTS });
  if (path === '/__sandbox/stats') {
    if (method === 'GET') return jsonResponse(200, stats.snapshot());
    if (method !== 'DELETE') return jsonResponse(405, { error: 'Method Not Allowed' });
    stats.reset();
    return jsonResponse(200, { ok: true });
  }
  if (path !== '/__sandbox/faults') return jsonResponse(404, { error: 'Not Found' });
  if (method === 'GET') return jsonResponse(200, { faults: faults.list() });
  if (method === 'DELETE') {
    faults.clear();
    return jsonResponse(200, { ok: true });
  }
  if (method !== 'POST') return jsonResponse(405, { error: 'Method Not Allowed' });
  try {
    faults.add(faultSchema.parse(JSON.parse(await readBody(req))));
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : 'body must be a JSON Fault';
    return jsonResponse(400, { error: message });
  }
  return jsonResponse(201, { ok: true, faults: faults.list().length });
}

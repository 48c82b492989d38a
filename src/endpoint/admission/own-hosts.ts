import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Names every loopback bind answers to; a browser resolving an attacker's name to 127.0.0.1 sends that name instead. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether an address to listen on reaches only this machine (`127.0.0.0/8`, `::1`, `localhost`). */
export function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  if (bare.startsWith('::ffff:')) return isLoopback(bare.slice('::ffff:'.length));
  return isIP(bare) === 4 && bare.startsWith('127.');
}

function isWildcard(address: string): boolean {
  return ['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0'].includes(address);
}

/** An address as it appears in a Host header: IPv6 in brackets, names lower-cased. */
function hostForm(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

/**
 * The `host:port` values a request's Host header may hold: the address the endpoint listens on.
 * A loopback bind answers to 127.0.0.1, localhost and [::1]; another address to itself; a wildcard
 * bind (0.0.0.0, ::) to every address of this machine's interfaces. `extraNames` adds names the
 * endpoint is reached by (a container's DNS name). Port 80 may also be left out, as browsers do.
 */
export function ownHosts(bound: string, port: number, extraNames: readonly string[] = []): ReadonlySet<string> {
  const names = new Set<string>(extraNames.map(hostForm));
  if (isLoopback(bound)) for (const name of LOOPBACK_NAMES) names.add(name);
  else if (isWildcard(bound)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
    for (const address of Object.values(networkInterfaces()).flat()) if (address) names.add(hostForm(address.address));
  } else names.add(hostForm(bound));
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

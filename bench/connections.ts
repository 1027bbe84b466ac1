// Counts the TLS connections the client opens during a load (HTTP/1.1 agent and HTTP/2 sessions alike: both go
// through tls.connect), so a run shows how many handshakes a load costs.
import tls from 'node:tls';

export function countConnections(): { stop(): number } {
  const original = tls.connect;
  let opened = 0;
  const counting = ((...args: Parameters<typeof tls.connect>) => {
    opened++;
    return original(...args);
  }) as typeof tls.connect;
  tls.connect = counting;
  return {
    stop: () => {
      if (tls.connect === counting) tls.connect = original;
      return opened;
    },
  };
}

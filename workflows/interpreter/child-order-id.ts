/**
 * The order id of a sub-process's child order, derived from where it is called: the same parent
 * order, node and iteration always give the same id, so starting the child is idempotent (a
 * second start of the same call finds the child's workflow `order-<id>` and row instead of
 * creating a twin), and supervisors can find a child from its parent.
 *
 * Decision: a 128-bit hash of the three parts (four interleaved 32-bit multiply-xor lanes, the
 * cyrb128 construction) shaped as an RFC 9562 version-8 ("custom") UUID, so it fits the `uuid`
 * columns. Pure: no crypto module, which the workflow sandbox does not offer.
 */
export function childOrderId(parentOrderId: string, nodeId: string, iteration: number): string {
  const [a, b, c, d] = hash128(`${parentOrderId}\u0000${nodeId}\u0000${iteration}`);
  const hex = [a, b, c, d].map((n) => n.toString(16).padStart(8, '0')).join('');
  const version = `8${hex.slice(13, 16)}`;
  const variant = `${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}

function hash128(text: string): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

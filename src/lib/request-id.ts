// Idempotency keys the client makes for a request it may have to send again (an order, a product save, a stock
// change): the server answers a repeat with the same key by what the first one did.

/** 24 random characters of [0-9a-z], in the contracts' requestId shape (8-64 of [A-Za-z0-9_-]). */
export function newRequestId(): string {
  let id = Date.now().toString(36);
  while (id.length < 24) id += Math.random().toString(36).slice(2);
  return id.slice(0, 24);
}

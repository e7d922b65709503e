import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { LIMITS } from './limits.ts';

/** A refusal of the raw body; body-parser hands it to the HTTP error handler as a 400. */
class BodyRefused extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.verify.failed';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * The deepest nesting of objects and arrays in raw JSON, counted byte by byte outside strings. It
 * never recurses, and it stops counting once past `limit`. Multi-byte UTF-8 sequences hold no ASCII
 * bytes, so looking at bytes alone is exact.
 */
export function jsonDepth(body: Uint8Array, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * `express.json({ verify })`: checks the raw bytes before they are decoded and parsed.
 *
 * - Not UTF-8 (a stray byte, an overlong form, a surrogate encoded as UTF-8): refused. The decoder
 *   would otherwise put U+FFFD in their place, and the text would be stored changed.
 * - Nested deeper than LIMITS.bodyDepth: refused before any parser or walk sees it.
 */
export function verifyJsonBody(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw new BodyRefused(
      'Request body is not valid UTF-8 (an invalid byte, an overlong form or an encoded surrogate): send UTF-8.',
    );
  }
  if (jsonDepth(body, LIMITS.bodyDepth) > LIMITS.bodyDepth) {
    throw new BodyRefused(`Request body nests objects and arrays more than ${LIMITS.bodyDepth} levels deep.`);
  }
}

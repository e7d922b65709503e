import type { RequestHandler } from 'express';

/**
 * A compiled read's `data` is JSON text already, written by PostgreSQL. Parsing it for Apollo to
 * serialize it again cost the bench's nested Q1 about as much CPU as the rest of the request, and
 * the parsed object graph was most of its memory. So the executor hands Apollo a placeholder string
 * as `data`, and the body Apollo sends is written with the text in the placeholder's place: the
 * same JSON (PostgreSQL's spacing aside), made once. It is written after Apollo's head of the body,
 * not spliced into it, so no second string of the whole answer is made.
 */
const held = new Map<string, string>();

function placeholder(requestId: string): string {
  return `\u0000seminarhub-data:${requestId}`;
}

/** Keeps the JSON for the response of request `requestId`; returns what to give Apollo as `data`. */
export function holdRawData(requestId: string, json: string): string {
  held.set(requestId, json);
  return placeholder(requestId);
}

/** Before Apollo's middleware on /graphql: writes the held text in the body it sends. */
export const spliceRawData: RequestHandler = (_req, res, next) => {
  const requestId = res.locals.requestId as string;
  const send = res.send.bind(res);
  res.send = (body: unknown) => {
    const json = held.get(requestId);
    const marker = JSON.stringify(placeholder(requestId));
    const at = typeof body === 'string' && json !== undefined ? body.indexOf(marker) : -1;
    if (json === undefined || at < 0) return send(body);
    held.delete(requestId);
    const before = (body as string).slice(0, at);
    const after = (body as string).slice(at + marker.length);
    // What send would set; no ETag, which would hash the whole answer for a POST nobody revalidates.
    res.setHeader('content-length', Buffer.byteLength(before) + Buffer.byteLength(json) + Buffer.byteLength(after));
    res.write(before);
    res.write(json);
    res.end(after);
    return res;
  };
  // Answered otherwise (the deadline's 503) or abandoned: nothing may stay held.
  res.on('close', () => held.delete(requestId));
  next();
};

import type { RequestHandler } from 'express';

/**
 * A compiled read's `data` is JSON text already, written by PostgreSQL. Parsing it for Apollo to
 * serialize it again cost the bench's nested Q1 about as much CPU as the rest of the request, and
 * the parsed object graph was most of its memory. So the executor hands Apollo a placeholder string
 * as `data`, and the body Apollo sends is written with the text in the placeholder's place: the
 * same JSON (PostgreSQL's spacing aside), made once. The text comes in pieces (see compileRead) and
 * is written piece by piece, so no string of the whole answer is ever made.
 */
const held = new Map<string, string[]>();

function placeholder(requestId: string): string {
  return `\u0000seminarhub-data:${requestId}`;
}

/** Keeps the pieces of JSON for the response of request `requestId`; returns what to give Apollo as `data`. */
export function holdRawData(requestId: string, chunks: string[]): string {
  held.set(requestId, chunks);
  return placeholder(requestId);
}

/** Before Apollo's middleware on /graphql: writes the held text in the body it sends. */
export const spliceRawData: RequestHandler = (_req, res, next) => {
  const requestId = res.locals.requestId as string;
  const send = res.send.bind(res);
  res.send = (body: unknown) => {
    const chunks = held.get(requestId);
    const at = typeof body === 'string' && chunks ? body.indexOf(JSON.stringify(placeholder(requestId))) : -1;
    if (!chunks || at < 0) return send(body);
    held.delete(requestId);
    const before = (body as string).slice(0, at);
    const after = (body as string).slice(at + JSON.stringify(placeholder(requestId)).length);
    let length = Buffer.byteLength(before) + Buffer.byteLength(after);
    for (const chunk of chunks) length += Buffer.byteLength(chunk);
    // What send would set; no ETag, which would hash the whole answer for a POST nobody revalidates.
    res.setHeader('content-length', length);
    res.write(before);
    for (const chunk of chunks) res.write(chunk);
    res.end(after);
    return res;
  };
  // Answered otherwise (the deadline's 503) or abandoned: nothing may stay held.
  res.on('close', () => held.delete(requestId));
  next();
};

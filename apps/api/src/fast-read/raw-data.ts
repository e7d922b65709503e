import type { RequestHandler, Response } from 'express';

/**
 * A compiled read's `data` is JSON text already, written by PostgreSQL. Parsing it for Apollo to
 * serialize it again cost the bench's nested Q1 about as much CPU as the rest of the request, and
 * the parsed object graph was most of its memory. So the executor hands Apollo a placeholder string
 * as `data`, and the body Apollo sends is written with the text in the placeholder's place: the
 * same JSON (PostgreSQL's spacing aside), made once. It is written after Apollo's head of the body,
 * not spliced into it, so no second string of the whole answer is made.
 */
const held = new Map<string, { json: string; whole?: WholeAnswer | undefined }>();

/** Told when the body Apollo sent was exactly `{"data": <the text>}`: no errors, no extensions. */
export type WholeAnswer = (res: Response) => void;

/** The head and tail of an answer that is its data and nothing else, as Apollo writes it. */
export const DATA_HEAD = '{"data":';
export const DATA_TAIL = '}\n';

function placeholder(requestId: string): string {
  return `\u0000seminarhub-data:${requestId}`;
}

/** Keeps the JSON for the response of request `requestId`; returns what to give Apollo as `data`. */
export function holdRawData(requestId: string, json: string, whole?: WholeAnswer): string {
  held.set(requestId, { json, whole });
  return placeholder(requestId);
}

/** Before Apollo's middleware on /graphql: writes the held text in the body it sends. */
export const spliceRawData: RequestHandler = (_req, res, next) => {
  const requestId = res.locals.requestId as string;
  const send = res.send.bind(res);
  res.send = (body: unknown) => {
    const entry = held.get(requestId);
    const marker = JSON.stringify(placeholder(requestId));
    const at = typeof body === 'string' && entry !== undefined ? body.indexOf(marker) : -1;
    if (entry === undefined || at < 0) return send(body);
    held.delete(requestId);
    const before = (body as string).slice(0, at);
    const after = (body as string).slice(at + marker.length);
    if (entry.whole && before === DATA_HEAD && after === DATA_TAIL && res.statusCode === 200) entry.whole(res);
    writeAnswer(res, before, entry.json, after);
    return res;
  };
  // Answered otherwise (the deadline's 503) or abandoned: nothing may stay held.
  res.on('close', () => held.delete(requestId));
  next();
};

/** Below this, the parts are joined: one write costs less than a vectored one of three. */
const JOIN_BELOW = 32 * 1024;

/**
 * Ends `res` with the three parts of its body; a large one without joining them into one more
 * string. Sets what send would set but the ETag, which would hash the whole answer for a POST
 * nobody revalidates.
 */
export function writeAnswer(res: Response, before: string, json: string, after: string): void {
  if (json.length < JOIN_BELOW) {
    const body = before + json + after;
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
    return;
  }
  res.setHeader('content-length', Buffer.byteLength(before) + Buffer.byteLength(json) + Buffer.byteLength(after));
  res.write(before);
  res.write(json);
  res.end(after);
}

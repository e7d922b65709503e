import type { RequestHandler } from 'express';

/**
 * A compiled read's `data` is JSON text already, written by PostgreSQL. Parsing it for Apollo to
 * serialize it again cost the bench's nested Q1 about as much CPU as the rest of the request, and
 * the parsed object graph was most of its memory. So the executor hands Apollo a placeholder string
 * as `data`, and the text replaces the placeholder's JSON in the body Apollo sends: the answer is the
 * same JSON (PostgreSQL's spacing aside), made once.
 */
const held = new Map<string, string>();

function placeholder(requestId: string): string {
  return `\u0000seminarhub-data:${requestId}`;
}

/** Keeps `json` for the response of request `requestId`; returns what to give Apollo as `data`. */
export function holdRawData(requestId: string, json: string): string {
  held.set(requestId, json);
  return placeholder(requestId);
}

/** Before Apollo's middleware on /graphql: splices the held text into the body it sends. */
export const spliceRawData: RequestHandler = (_req, res, next) => {
  const requestId = res.locals.requestId as string;
  const send = res.send.bind(res);
  res.send = (body: unknown) => {
    const json = held.get(requestId);
    if (json !== undefined && typeof body === 'string') {
      held.delete(requestId);
      return send(body.replace(JSON.stringify(placeholder(requestId)), () => json));
    }
    return send(body);
  };
  // Answered otherwise (the deadline's 503) or abandoned: nothing may stay held.
  res.on('close', () => held.delete(requestId));
  next();
};

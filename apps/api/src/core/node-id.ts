import { badUserInput } from './errors.ts';

/**
 * Global object IDs are opaque to clients: base64url of `<Type>:<uuid>`. Clients must not parse
 * them; we may change the encoding, and the type prefix lets `node(id:)` find the table.
 */
export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface DecodedId {
  typeName: string;
  id: string;
}

/** Decodes a global ID, or throws BAD_USER_INPUT naming the argument. */
export function fromGlobalId(globalId: string, argument = 'id'): DecodedId {
  const decoded = BASE64URL.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !UUID.test(id)) {
    throw badUserInput(`"${truncate(globalId)}" is not a valid ID: use an \`id\` returned by this API.`, argument);
  }
  return { typeName, id };
}

/** Decodes a global ID that must name an object of `typeName`. */
export function fromGlobalIdOf(typeName: string, globalId: string, argument = 'id'): string {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.typeName !== typeName) {
    throw badUserInput(`The ID given for \`${argument}\` is not the ID of a ${typeName}.`, argument);
  }
  return decoded.id;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

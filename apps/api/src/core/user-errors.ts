import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Why a mutation refused a change. Expected failures are data in the payload, not top-level errors. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  LOCKED = 'LOCKED',
  THROTTLED = 'THROTTLED',
  CONFLICT = 'CONFLICT',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  IN_USE = 'IN_USE',
  CLASH = 'CLASH',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused a change.',
  valuesConfig: {
    INVALID: { description: 'An input value is not acceptable; `field` names it and `message` says why.' },
    INVALID_CREDENTIALS: { description: 'The email or password is wrong (the API does not say which).' },
    LOCKED: { description: 'Too many failed attempts: the account is locked for a while; `message` says until when.' },
    THROTTLED: { description: 'Attempts come too fast: wait as long as `message` says, then retry.' },
    CONFLICT: { description: 'Someone changed the object since you read it: read it again and reapply your change.' },
    NOT_FOUND: { description: 'The object named by `field` does not exist, or you may not see it.' },
    INVALID_TRANSITION: {
      description: 'The object is not in a state that allows this step; `message` names the state it is in.',
    },
    IN_USE: { description: 'Other records depend on the object, so it cannot be deleted; `message` says which.' },
    CLASH: {
      description: 'A speaker or place is already booked at that time; `message` names the clashing session.',
    },
  },
});

@ObjectType({ description: 'A refused change: which input field, why, and a stable code to branch on.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault (["input", "email"]); null when the error is not about one field.',
  })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong, in words a person can act on.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Stable code for programs to branch on.' })
  code!: UserErrorCode;
}

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return { code, message, field: field ?? null };
}

import { type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AccessScope, Viewer } from '../core/auth/viewer.ts';
import { getSchema } from '../schema.ts';
import { compileRead } from './compile.ts';
import { Unsupported } from './unsupported.ts';

const coordinator: Viewer = {
  kind: 'user',
  userId: '0195f3a0-0000-7000-8000-000000000001',
  email: 'c@example.org',
  role: 'COORDINATOR',
  personId: null,
  sessionId: '0195f3a0-0000-7000-8000-000000000002',
};
const scope: AccessScope = {
  coordinatedSeminarIds: ['0195f3a0-0000-7000-8000-000000000003'],
  coordinatedProgramIds: [],
  enrolledSeminarIds: [],
  teamProposalIds: [],
  reviewProposalIds: [],
  proposalSeminarIds: [],
};

async function compile(query: string) {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return compileRead(await getSchema(), operation, {}, {}, coordinator, scope);
}

describe('compileRead', () => {
  it('compiles the same operation to the same statement, so that it is prepared once per connection', async () => {
    const query =
      '{ seminars(first: 2) { nodes { title sessions { nodes { speakers { person { fullName email } } } } } } }';
    const first = await compile(query);
    const second = await compile(query);
    expect(second.text).toBe(first.text);
    expect(second.values).toEqual(first.values);
    // The coordinator's seminars reach the statement as a parameter, never as text.
    expect(first.values).toContainEqual(scope.coordinatedSeminarIds);
    expect(first.text).not.toContain(scope.coordinatedSeminarIds[0]);
  });

  it('leaves to the resolvers what it does not compile', async () => {
    await expect(compile('{ seminars { nodes { attendanceRate } } }')).rejects.toBeInstanceOf(Unsupported);
    await expect(compile('{ viewer { kind } }')).rejects.toBeInstanceOf(Unsupported);
    await expect(compile('mutation { logout { revoked } }')).rejects.toBeInstanceOf(Unsupported);
  });
});

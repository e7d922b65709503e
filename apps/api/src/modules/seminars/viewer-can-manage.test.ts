import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

// Seminar.viewerCanManage tells screens whether to offer a seminar's actions: it must say what the
// mutations then allow, for each kind of viewer.
let api: TestApi;
const seminar = toGlobalId('Seminar', EXAMPLE_SEMINAR_ID);
const QUERY = 'query($id: ID!) { seminar(id: $id) { viewerCanManage } }';
const UPDATE =
  'mutation($input: SeminarUpdateInput!) { seminarUpdate(input: $input) { seminar { id } userErrors { code } } }';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('Seminar.viewerCanManage', () => {
  it('is true for administrators and the coordinators of the seminar or its programme', async () => {
    for (const actor of [
      await api.as('ADMIN'),
      await api.as('COORDINATOR', { programIds: [EXAMPLE_PROGRAM_ID] }),
      await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] }),
    ]) {
      const { data } = await actor.graphql(QUERY, { id: seminar });
      expect(data.seminar.viewerCanManage).toBe(true);
    }
  });

  it('is false for a coordinator of other seminars, whose change the API then refuses', async () => {
    const other = await api.as('COORDINATOR');
    const { data } = await other.graphql(QUERY, { id: seminar });
    expect(data.seminar.viewerCanManage).toBe(false);
    const refused = await other.graphql(UPDATE, { input: { id: seminar, version: 1, city: 'Tashkent' } });
    expect(refused.data.seminarUpdate.seminar).toBeNull();
    expect(refused.data.seminarUpdate.userErrors).not.toEqual([]);
  });

  it('is false for reviewers and participants', async () => {
    for (const role of ['REVIEWER', 'PARTICIPANT'] as const) {
      const { data } = await (await api.as(role)).graphql(QUERY, { id: seminar });
      expect(data.seminar.viewerCanManage).toBe(false);
    }
  });
});

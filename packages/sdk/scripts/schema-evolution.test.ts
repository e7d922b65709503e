import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRepository, checkSchemaEvolution, pendingBump } from './schema-evolution.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const released = /* GraphQL */ `
  """A seminar of a programme."""
  type Seminar {
    id: ID!
    title: String!
    """Where it takes place; null when online."""
    venue: String
  }

  type Query {
    seminar(id: ID!): Seminar
    seminars(first: Int): [Seminar!]!
  }
`;

describe('checkSchemaEvolution', () => {
  const withoutVenue = released.replace(/""".*"""\s*venue: String/, '');

  it('passes an unchanged schema without a changeset', async () => {
    const result = await checkSchemaEvolution({ released, current: released, bump: 'none' });
    expect(result).toMatchObject({ ok: true, breaking: [], dangerous: [], safe: [] });
  });

  it('fails a removed field without a changeset, naming the field and the fix', async () => {
    const result = await checkSchemaEvolution({ released, current: withoutVenue, bump: 'none' });
    expect(result.ok).toBe(false);
    expect(result.breaking.map((change) => change.path)).toEqual(['Seminar.venue']);
    expect(result.message).toContain("BREAKING: Field 'venue' was removed from object type 'Seminar' (Seminar.venue)");
    expect(result.message).toContain('pnpm changeset');
    expect(result.message).toContain('Select @seminarhub/sdk and choose "major"');
  });

  it('fails a removed field with only a minor bump', async () => {
    const result = await checkSchemaEvolution({ released, current: withoutVenue, bump: 'minor' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('pending changesets bump @seminarhub/sdk minor');
  });

  it('passes a removed field with a major bump', async () => {
    const result = await checkSchemaEvolution({ released, current: withoutVenue, bump: 'major' });
    expect(result.ok).toBe(true);
    expect(result.breaking).toHaveLength(1);
  });

  it('asks for a changeset for a new optional argument, and accepts any bump', async () => {
    const current = released.replace('seminars(first: Int)', 'seminars(first: Int, after: String)');
    const none = await checkSchemaEvolution({ released, current, bump: 'none' });
    expect(none.ok).toBe(false);
    expect(none.breaking).toEqual([]);
    expect(none.message).toContain("Argument 'after: String' added to field 'Query.seminars'");
    expect(none.message).toContain('choose "minor" for additions');
    expect((await checkSchemaEvolution({ released, current, bump: 'minor' })).ok).toBe(true);
    expect((await checkSchemaEvolution({ released, current, bump: 'patch' })).ok).toBe(true);
  });

  it('asks for a changeset for a new type', async () => {
    const current = `${released}\ntype Venue { id: ID! name: String! }\n`;
    const none = await checkSchemaEvolution({ released, current, bump: 'none' });
    expect(none.ok).toBe(false);
    expect(none.message).toContain("Type 'Venue' was added");
    expect((await checkSchemaEvolution({ released, current, bump: 'minor' })).ok).toBe(true);
  });

  it('needs no changeset for description-only changes', async () => {
    const current = released.replace('Where it takes place; null when online.', 'The venue; null when online.');
    const result = await checkSchemaEvolution({ released, current, bump: 'none' });
    expect(result.ok).toBe(true);
    expect(result.safe.map((change) => change.type)).toEqual(['FIELD_DESCRIPTION_CHANGED']);
    expect(result.message).toContain('only in descriptions');
  });
});

describe('pendingBump', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function fixtureRepo(changesets: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'schema-evolution-'));
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
    await mkdir(join(dir, '.changeset'));
    // The repository's own config, so that this also checks that Changesets accepts it.
    await copyFile(join(repoRoot, '.changeset/config.json'), join(dir, '.changeset/config.json'));
    await writeFile(join(dir, 'package.json'), json({ name: 'fixture', private: true, workspaces: ['packages/*'] }));
    for (const [name, version, isPrivate] of [
      ['sdk', '1.0.0', false],
      ['api', '0.0.0', true],
    ] as const) {
      await mkdir(join(dir, 'packages', name), { recursive: true });
      const manifest = { name: `@seminarhub/${name}`, version, private: isPrivate };
      await writeFile(join(dir, 'packages', name, 'package.json'), json(manifest));
    }
    for (const [file, content] of Object.entries(changesets)) await writeFile(join(dir, '.changeset', file), content);
    return dir;
  }

  it('reads the bump of @seminarhub/sdk from the pending changesets', async () => {
    const cwd = await fixtureRepo({
      'brave-owls-sing.md': "---\n'@seminarhub/sdk': major\n---\n\nRemoved `Seminar.venue`.\n",
      'quiet-cats-nap.md': "---\n'@seminarhub/sdk': minor\n---\n\nAdded `Query.venues`.\n",
    });
    expect(await pendingBump(cwd)).toBe('major');
  });

  it('is none without a changeset for @seminarhub/sdk', async () => {
    const cwd = await fixtureRepo({ 'lazy-dogs-run.md': "---\n'@seminarhub/api': minor\n---\n\nAPI only.\n" });
    expect(await pendingBump(cwd)).toBe('none');
  });
});

describe('this repository', () => {
  // The same check as CI's: it fails here too when apps/api/schema.graphql changes without a changeset.
  it('declares every change of apps/api/schema.graphql since the last release', async () => {
    const result = await checkRepository(repoRoot);
    expect(result.ok, result.message).toBe(true);
  });
});

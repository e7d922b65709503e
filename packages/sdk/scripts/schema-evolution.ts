/**
 * Schema evolution check: compares the API schema (`apps/api/schema.graphql`) with the one the SDK was last
 * released against (`packages/sdk/schema.released.graphql`) and fails when the pending changesets do not declare
 * what changed: a breaking change needs a major bump of @seminarhub/sdk, any other API change a changeset of any
 * kind. Description-only changes need nothing.
 *
 * CLI, from packages/sdk: `tsx scripts/schema-evolution.ts` (exits 1 when the check fails).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import getReleasePlan from '@changesets/get-release-plan';
import { type Change, ChangeType, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

export const SDK_PACKAGE = '@seminarhub/sdk';
export const RELEASED_SCHEMA = 'packages/sdk/schema.released.graphql';
export const CURRENT_SCHEMA = 'apps/api/schema.graphql';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface SchemaEvolutionInput {
  /** SDL of the schema the last SDK release was built against. */
  released: string;
  /** SDL the API emits today. */
  current: string;
  /** The bump of @seminarhub/sdk that the pending changesets declare. */
  bump: Bump;
}

export interface SchemaEvolutionResult {
  ok: boolean;
  breaking: Change[];
  dangerous: Change[];
  /** Non-breaking changes, description-only ones included. */
  safe: Change[];
  message: string;
}

// Descriptions reach SDK users only as doc comments: not worth a release on their own.
const DESCRIPTION_CHANGES = new Set<string>([
  ChangeType.TypeDescriptionAdded,
  ChangeType.TypeDescriptionChanged,
  ChangeType.TypeDescriptionRemoved,
  ChangeType.FieldDescriptionAdded,
  ChangeType.FieldDescriptionChanged,
  ChangeType.FieldDescriptionRemoved,
  ChangeType.FieldArgumentDescriptionChanged,
  ChangeType.InputFieldDescriptionAdded,
  ChangeType.InputFieldDescriptionChanged,
  ChangeType.InputFieldDescriptionRemoved,
  ChangeType.EnumValueDescriptionChanged,
  ChangeType.DirectiveDescriptionChanged,
  ChangeType.DirectiveArgumentDescriptionChanged,
]);

export function isDescriptionOnly(change: Change): boolean {
  return DESCRIPTION_CHANGES.has(change.type);
}

export async function checkSchemaEvolution(input: SchemaEvolutionInput): Promise<SchemaEvolutionResult> {
  const changes = await diff(buildSchema(input.released), buildSchema(input.current));
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous);
  const safe = changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking);
  const apiChanges = [...dangerous, ...safe].filter((change) => !isDescriptionOnly(change));

  let ok = true;
  let message: string;
  if (breaking.length > 0 && input.bump !== 'major') {
    ok = false;
    message = breakingMessage(breaking, input.bump);
  } else if (apiChanges.length > 0 && input.bump === 'none') {
    ok = false;
    message = changesetMissingMessage(apiChanges);
  } else {
    message = okMessage(changes, breaking.length + apiChanges.length > 0, input.bump);
  }
  return { ok, breaking, dangerous, safe, message };
}

export function formatChange(change: Change): string {
  const path = change.path ? ` (${change.path})` : '';
  return `  - ${change.criticality.level}: ${change.message}${path}`;
}

function describeBump(bump: Bump): string {
  return bump === 'none'
    ? `no pending changeset bumps ${SDK_PACKAGE}`
    : `pending changesets bump ${SDK_PACKAGE} ${bump}`;
}

function breakingMessage(breaking: Change[], bump: Bump): string {
  return [
    `The API schema has ${breaking.length} breaking change(s) since the last release of ${SDK_PACKAGE}, ` +
      `but ${describeBump(bump)}; a breaking change needs a major bump:`,
    ...breaking.map(formatChange),
    'Either keep the schema backward compatible (e.g. mark the field @deprecated and remove it in a later major ' +
      'release), or declare the break:',
    '  1. Run `pnpm changeset` at the repository root.',
    `  2. Select ${SDK_PACKAGE} and choose "major".`,
    '  3. Describe what broke and how SDK users migrate, then commit the new .changeset/*.md file.',
  ].join('\n');
}

function changesetMissingMessage(apiChanges: Change[]): string {
  return [
    `The API schema changed since the last release of ${SDK_PACKAGE}, but no pending changeset bumps it:`,
    ...apiChanges.map(formatChange),
    'Declare the change so that it is released and listed in the CHANGELOG:',
    '  1. Run `pnpm changeset` at the repository root.',
    `  2. Select ${SDK_PACKAGE}; choose "minor" for additions (types, fields, arguments, enum values), ` +
      'otherwise "patch".',
    '  3. Describe the change for SDK users, then commit the new .changeset/*.md file.',
  ].join('\n');
}

function okMessage(changes: Change[], needsRelease: boolean, bump: Bump): string {
  if (changes.length === 0) return `The API schema has not changed since the last release of ${SDK_PACKAGE}.`;
  const summary = needsRelease
    ? `The API schema changed since the last release of ${SDK_PACKAGE}, and ${describeBump(bump)}:`
    : `The API schema changed only in descriptions since the last release of ${SDK_PACKAGE}; no changeset needed:`;
  return [summary, ...changes.map(formatChange)].join('\n');
}

/** The bump of `packageName` that the pending changesets (`.changeset/*.md`) of the repository at `cwd` add up to. */
export async function pendingBump(cwd: string, packageName = SDK_PACKAGE): Promise<Bump> {
  const plan = await getReleasePlan(cwd);
  return plan.releases.find((release) => release.name === packageName)?.type ?? 'none';
}

/** The check CI runs: today's API schema against the released one, with the repository's pending changesets. */
export async function checkRepository(repoRoot: string): Promise<SchemaEvolutionResult & { bump: Bump }> {
  const [released, current, bump] = await Promise.all([
    readFile(join(repoRoot, RELEASED_SCHEMA), 'utf8'),
    readFile(join(repoRoot, CURRENT_SCHEMA), 'utf8'),
    pendingBump(repoRoot),
  ]);
  return { ...(await checkSchemaEvolution({ released, current, bump })), bump };
}

async function main(): Promise<number> {
  const result = await checkRepository(fileURLToPath(new URL('../../../', import.meta.url)));
  console.log(`Schema evolution: ${CURRENT_SCHEMA} against ${RELEASED_SCHEMA}`);
  console.log(
    `${result.breaking.length} breaking, ${result.dangerous.length} dangerous, ${result.safe.length} safe change(s); ` +
      `${describeBump(result.bump)}.`,
  );
  console.log(result.message);
  console.log(result.ok ? 'OK' : 'FAILED');
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

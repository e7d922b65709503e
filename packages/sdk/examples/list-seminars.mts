// Lists each programme's seminars: `SEMINARHUB_URL=http://localhost:4000/graphql node list-seminars.mjs`.
import { createClient, SeminarsListDocument, UserErrorsError, unwrap } from '@seminarhub/sdk';

const client = createClient({
  url: process.env.SEMINARHUB_URL ?? 'http://localhost:4000/graphql',
  apiKey: process.env.SEMINARHUB_API_KEY,
});
for (const program of (await client.programs.list({ first: 10 })).nodes) {
  const filter = { programId: { eq: program.id } };
  for await (const seminar of client.paginate(SeminarsListDocument, { filter }, { path: 'seminars', pageSize: 50 })) {
    console.log(`${program.code}\t${seminar.code}\t${seminar.startDate}\t${seminar.status}\t${seminar.title}`);
  }
}

// A refused change is a result with typed userErrors, not a success: the payload is there only once `ok` is true.
if (process.env.SEMINARHUB_API_KEY) {
  const result = await client.organizations.create({ name: '', type: 'NGO', countryCode: 'UZ' });
  // @ts-expect-error: `organization` cannot be read before `ok` is checked.
  console.log(result.organization);
  if (!result.ok)
    console.log(`refused: ${result.userErrors.map((error) => `${error.code} ${error.field?.join('.')}`)}`);
  try {
    unwrap(result);
  } catch (error) {
    if (error instanceof UserErrorsError) console.log(`unwrap threw ${error.name} ${error.code}`);
  }
}

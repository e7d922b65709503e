// The same from CommonJS: `SEMINARHUB_URL=http://localhost:4000/graphql node list-seminars.cjs`.
const { createClient, NetworkError, SeminarsListDocument } = require('@seminarhub/sdk');

async function main() {
  const client = createClient({
    url: process.env.SEMINARHUB_URL ?? 'http://localhost:4000/graphql',
    apiKey: process.env.SEMINARHUB_API_KEY,
  });
  for await (const seminar of client.paginate(SeminarsListDocument, {}, { path: 'seminars' })) {
    console.log(`${seminar.code}\t${seminar.startDate}\t${seminar.status}\t${seminar.title}`);
  }
  const offline = createClient({ url: 'http://127.0.0.1:9/graphql', retry: false });
  await offline.seminars.list().catch((error) => console.log(`offline: ${error instanceof NetworkError}`));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

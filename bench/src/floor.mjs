// The floor: what answering Q0 and Q1 costs with no GraphQL at all. One hand-written SQL statement
// per query builds the whole JSON answer in PostgreSQL; node:http sends its text unchanged.
import { createServer } from 'node:http';
import pg from 'pg';

export const FLOOR_SQL = {
  Q0: `SELECT json_build_object('title', title)::text AS body FROM "Seminar" ORDER BY "startDate", id LIMIT 1`,
  Q1: `SELECT coalesce(json_agg(json_build_object('id', se.id, 'title', se.title, 'sessions', (
         SELECT coalesce(json_agg(json_build_object('id', ss.id, 'title', ss.title, 'startsAt', ss."startsAt",
           'speakers', (
             SELECT coalesce(json_agg(json_build_object('role', sp.role, 'position', sp.position,
               'person', json_build_object('id', p.id, 'givenName', p."givenName", 'familyName', p."familyName",
                 'organization', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END))
               ORDER BY sp.position, sp.id), '[]')
             FROM "SessionSpeaker" sp JOIN "Person" p ON p.id = sp."personId"
             LEFT JOIN "Organization" o ON o.id = p."organizationId"
             WHERE sp."sessionId" = ss.id))
           ORDER BY ss."startsAt", ss.id), '[]')
         FROM (SELECT * FROM "Session" WHERE "seminarId" = se.id ORDER BY "startsAt", id LIMIT 20) ss))
       ORDER BY se."startDate", se.id), '[]')::text AS body
       FROM (SELECT * FROM "Seminar" ORDER BY "startDate", id LIMIT 20) se`,
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', (error) => console.error('pool:', error.message));

const server = createServer((request, response) => {
  const sql = FLOOR_SQL[request.url?.slice(1) ?? ''];
  request.resume();
  if (!sql) {
    response.writeHead(404).end();
    return;
  }
  request.on('end', () => {
    pool.query(sql).then(
      (result) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`{"data":${result.rows[0].body}}`);
      },
      (error) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor ready on ${process.env.PORT}`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});

// @vitest-environment happy-dom
import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { placeAtApiOrigin, renderSignedIn } from '../../../test/render.tsx';
import { ProgramDrawer } from './ProgramDrawer.tsx';

// The programme editor against the real API: the API's own userErrors and version checks, no mocked client.
let live: LiveAdmin;
let admin: Client;
let token: string;
let existing: { id: string; code: string };
let funder: { id: string; name: string };

beforeAll(async () => {
  // happy-dom has no FontFaceSet, which Mantine's autosizing Textarea listens to; browsers all do.
  live = await startLiveAdmin();
  placeAtApiOrigin(live);
  token = (await live.api.as('ADMIN')).token;
  admin = createClient({ url: live.endpoint, token });
  const [program] = (await admin.programs.list({ first: 1 })).nodes;
  existing = { id: program!.id, code: program!.code };
  funder = program!.funder;
});
afterAll(() => live?.close());
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function renderEditor(path: string, as = token) {
  return renderSignedIn(
    live,
    as,
    [
      {
        path: '/programs',
        element: (
          <>
            <p>The list</p>
            <Outlet />
          </>
        ),
        children: [
          { path: 'new', element: <ProgramDrawer /> },
          { path: ':programId', element: <ProgramDrawer /> },
        ],
      },
    ],
    path,
  ).router;
}

/** Picks an organization in a RemoteSelect by typing the start of its name. */
async function pick(user: ReturnType<typeof userEvent.setup>, label: RegExp, name: string) {
  const input = screen.getByLabelText(label, { selector: 'input' });
  await user.click(input);
  await user.type(input, name.split(' ')[0]!);
  // The dropdown is portalled next to the drawer, which hides the rest of the page from assistive technology.
  const option = await waitFor(
    () => {
      const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
      if (!listbox) throw new Error('The dropdown is not open.');
      return within(listbox).getByRole('option', { name: new RegExp(`^${name}`), hidden: true });
    },
    { timeout: 5000 },
  );
  await user.click(option);
  await waitFor(() =>
    expect(input.getAttribute('value') ?? (input as HTMLInputElement).value).toMatch(new RegExp(`^${name}`)),
  );
}

describe('the programme editor', () => {
  it("puts the API's message about a duplicate code on the code input, and saves nothing", async () => {
    const before = (await admin.programs.list({ first: 0 })).totalCount;
    renderEditor('/programs/new');
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'New programme' });
    await user.type(within(form).getByRole('textbox', { name: /^Code/ }), existing.code);
    await user.type(within(form).getByRole('textbox', { name: /^Title/ }), 'A second programme with the same code');
    await pick(user, /^Funder/, funder.name);
    await pick(user, /^Implementer/, funder.name);
    await user.click(within(form).getByRole('button', { name: 'Create programme' }));

    const code = within(form).getByRole('textbox', { name: /^Code/ });
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(form.textContent).toContain('Another programme has this code.');
    // A clashing code is not a stale version: no conflict notice.
    expect(screen.queryByText(/Someone else changed this programme/)).toBeNull();
    expect((await admin.programs.list({ first: 0 })).totalCount).toBe(before);
  });

  it('shows the conflict notice on a stale version, and "Save mine over theirs" saves my edits', async () => {
    const program = unwrap(
      await admin.programs.create({
        code: 'EDITOR-TEST',
        title: 'Editor test programme',
        sector: 'Digital government',
        funderId: funder.id,
        implementerId: funder.id,
      }),
    ).program!;
    renderEditor(`/programs/${program.id}`);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Programme' });
    const sector = within(form).getByRole('textbox', { name: /^Sector/ });
    expect((sector as HTMLInputElement).value).toBe('Digital government');

    // Someone else saves first.
    unwrap(await admin.programs.update({ id: program.id, version: program.version, title: 'Their title' }));

    await user.clear(sector);
    await user.type(sector, 'Public administration');
    await user.click(within(form).getByRole('button', { name: 'Save programme' }));
    const notice = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('Someone else changed this programme');
    expect((await admin.programs.get(program.id))!.sector).toBe('Digital government');

    await user.click(within(notice).getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(async () => expect((await admin.programs.get(program.id))!.sector).toBe('Public administration'), {
      timeout: 5000,
    });
    const saved = (await admin.programs.get(program.id))!;
    // Mine over theirs: the form's title too, and a version past both saves.
    expect(saved.title).toBe('Editor test programme');
    expect(saved.version).toBe(program.version + 2);
    await waitFor(() => expect(screen.queryByText(/Someone else changed this programme/)).toBeNull());
  });

  it('asks before closing with unsaved edits, and keeps them on "Keep editing"', async () => {
    const router = renderEditor(`/programs/${existing.id}`);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Programme' });
    await user.type(within(form).getByRole('textbox', { name: /^Sector/ }), ' (edited)');
    await user.click(within(form).getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('Discard unsaved changes?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(router.state.location.pathname).toBe(`/programs/${existing.id}`);
    await user.click(within(form).getByRole('button', { name: 'Close' }));
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/programs'));
  });

  it('tells a coordinator of other programmes that they may change only their own, and saves nothing', async () => {
    const { token: coordinator } = await live.api.as('COORDINATOR');
    renderEditor(`/programs/${existing.id}`, coordinator);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Programme' });
    const sector = within(form).getByRole('textbox', { name: /^Sector/ });
    await user.type(sector, ' (coordinator)');
    await user.click(within(form).getByRole('button', { name: 'Save programme' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('You may change only the programmes you coordinate');
    expect((await admin.programs.get(existing.id))!.sector).not.toContain('(coordinator)');
  });
});

import type { Client } from '@seminarhub/sdk';
import { useSession } from '../../lib/session.tsx';
import { type Option, RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

type PickerProps = Omit<RemoteSelectProps, 'kind' | 'search'>;

/** A RemoteSelect over one of the API's searchable lists. */
function picker(kind: string, search: (client: Client, text: string | null) => Promise<Option[]>) {
  return function Picker(props: PickerProps) {
    const { client } = useSession();
    return <RemoteSelect kind={kind} search={(text) => search(client, text || null)} {...props} />;
  };
}

/** Picks a person by name, with their organization to tell namesakes apart. */
export const PersonSelect = picker('people', async (client, search) =>
  (await client.people.list({ first: 20, search })).nodes.map((person) => ({
    value: person.id,
    label: person.organization ? `${person.fullName} (${person.organization.name})` : person.fullName,
  })),
);

export const OrganizationSelect = picker('organizations', async (client, search) =>
  (await client.organizations.list({ first: 20, search })).nodes.map((organization) => ({
    value: organization.id,
    label: organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name,
  })),
);

export const PlaceSelect = picker('places', async (client, search) =>
  (await client.places.list({ first: 20, search })).nodes.map((place) => ({
    value: place.id,
    label: place.city ? `${place.name}, ${place.city}` : place.name,
  })),
);

import { useState, type FormEvent } from 'react';
import type { CatalogPlaces, OrganizationEntry } from '../../../shared/contract/catalogModel';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { CatalogLink } from './CatalogLink';
import { useNavigation } from './navigationStore';

/**
 * Organizations the user added or visited (and the demo organization on the demo server),
 * with a small form to add one by its name.
 */
export function OrganizationsSection({
  organizations,
  onChange,
}: {
  organizations: OrganizationEntry[];
  onChange: (places: CatalogPlaces) => void;
}) {
  const go = useNavigation((state) => state.go);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = name.trim();
    if (!/^[A-Za-z0-9_]+$/.test(wanted)) {
      setError({
        code: 'bad_input',
        message: 'Organization names use only letters, digits and underscores.',
      });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onChange(await client().catalog.addOrganization({ name: wanted }));
      setName('');
      go({ kind: 'owner', owner: wanted.toLowerCase(), ownerKind: 'organization' });
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (org: string) => {
    try {
      onChange(await client().catalog.removeOrganization({ name: org }));
    } catch (failure) {
      setError(toAppError(failure));
    }
  };

  return (
    <section aria-labelledby="sidebar-orgs">
      <h2 id="sidebar-orgs" className="sidebar-heading">
        Organizations
      </h2>
      {organizations.length > 0 ? (
        <ul className="sidebar-list" aria-label="Organizations">
          {organizations.map((org) => (
            <li key={org.name} className="sidebar-removable">
              <CatalogLink
                label={org.fullName ?? org.name}
                detail={org.name}
                route={{ kind: 'owner', owner: org.name, ownerKind: 'organization' }}
              />
              {org.source !== 'preset' ? (
                <button
                  type="button"
                  className="link sidebar-remove"
                  aria-label={`Remove ${org.fullName ?? org.name} from the sidebar`}
                  onClick={() => void remove(org.name)}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="sidebar-hint">Add an organization to browse its datasets.</p>
      )}
      <form className="sidebar-add" onSubmit={(event) => void add(event)}>
        <input
          type="text"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
          placeholder="Organization name"
          aria-label="Organization name"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" disabled={busy || !name.trim()}>
          Add
        </button>
      </form>
      {error ? (
        <p className="sidebar-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}

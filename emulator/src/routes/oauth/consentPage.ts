/** HTML pages of the emulator's sign-in flow (plain forms, no scripts). */
import type { UserRecord } from '../../store/model.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SCOPE_TEXT: Record<string, string> = {
  public: 'See public content',
  'data.overview': 'See the existence and documentation of datasets you can access',
  'data.metadata': 'See variables and statistics of datasets you can access',
  'data.data': 'Read data from tables you can access',
  'data.edit': 'Create, edit and delete your datasets',
  'organization.read': 'Read administrative information of your organizations',
  'organization.write': 'Change administrative information of your organizations',
  'workflow.read': 'See your workflows',
  'workflow.write': 'Create and edit your workflows',
};

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}ul{padding-left:1.2rem}</style>
</head><body>${body}</body></html>`;
}

export function consentPage(opts: {
  action: string;
  hidden: Record<string, string>;
  scopes: string[];
  users: UserRecord[];
  selectedUser: string;
  heading?: string;
}): string {
  const selected = opts.users.find((u) => u.name === opts.selectedUser) ?? opts.users[0];
  const hidden = Object.entries(opts.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const options = opts.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.name)}"${u.name === selected?.name ? ' selected' : ''}>${escapeHtml(u.fullName)} (${escapeHtml(u.name)})</option>`,
    )
    .join('');
  const scopes = opts.scopes
    .map((s) => `<li><code>${escapeHtml(s)}</code>: ${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`)
    .join('');
  const heading = opts.heading ?? `Sign in to the Redivis emulator as ${selected?.fullName ?? 'a user'}`;
  return page(
    'Sign in to the Redivis emulator',
    `<h1>${escapeHtml(heading)}</h1>
<form method="post" action="${escapeHtml(opts.action)}">${hidden}
<p><label for="user">Account</label> <select id="user" name="user">${options}</select></p>
<p>The application asks for these permissions:</p><ul>${scopes}</ul>
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/**
 * Whether a notice about a table or dataset reference belongs on the page of another one.
 * References are compared segment by segment without their ids (`:k9bp`) but with their
 * versions, so `demo_user.my_uploads:next` concerns its tables and not `…my_uploads:v1_0`.
 */
function segments(ref: string): string[] {
  return ref
    .toLowerCase()
    .split('.')
    .map((segment) => {
      const [name, ...modifiers] = segment.split(':');
      const version = modifiers.filter((m) => /^(v\d+_\d+|next|current|sample)$/.test(m));
      return [name, ...version].join(':');
    });
}

export function concernsPage(about: string, pageRef: string | undefined): boolean {
  if (!pageRef) return false;
  const a = segments(about);
  const p = segments(pageRef);
  const shorter = Math.min(a.length, p.length);
  return a.slice(0, shorter).every((segment, i) => segment === p[i]);
}

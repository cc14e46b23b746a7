'use client';

/** next-auth's client loads on the click, so it is not in every page's first script. */
async function signOut() {
  const { signOut: nextAuthSignOut } = await import('next-auth/react');
  await nextAuthSignOut({ callbackUrl: '/sign-in' });
}

export function SignOutButton() {
  return (
    <button type="button" className="btn btn-small" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}

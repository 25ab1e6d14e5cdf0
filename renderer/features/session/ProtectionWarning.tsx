import type { TokenProtection } from '../../../shared/contract/sessionChannels';

const explanations: Partial<Record<TokenProtection, string>> = {
  basic_text:
    'No system keyring was found, so your sign-in is saved with weak protection that other programs running as you could read. Install and unlock a keyring (such as GNOME Keyring or KWallet) for stronger protection.',
  plain_file:
    'Your sign-in is saved in a file only your user account can read, without encryption. Sign out on shared computers.',
};

/** Tells the user when tokens at rest are not protected by the operating system's keychain. */
export function ProtectionWarning({ protection }: { protection: TokenProtection }) {
  const text = explanations[protection];
  if (!text) return null;
  return (
    <p className="session-warning" role="note" aria-label="Sign-in storage warning">
      {text}
    </p>
  );
}

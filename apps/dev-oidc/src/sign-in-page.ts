import type { SignInAccount } from './sign-in-accounts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "Choose who you are": one button per person, no password; the development provider says so on the page. */
export function signInPage(uid: string, accounts: readonly SignInAccount[]): string {
  const buttons = accounts
    .map(
      (account) =>
        `<li><button name="accountId" value="${escape(account.accountId)}">${escape(account.displayName)}</button> <small>${escape(account.userName)}</small></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Frontline development sign-in</title></head>
<body>
<main>
<h1>Choose who you are</h1>
<p>This is Frontline's development OpenID Provider: anyone can sign in as anyone, without a password. It never runs in production.</p>
${accounts.length === 0 ? '<p>The directory links nobody to an identity yet: provision people through SCIM (npm run demo does).</p>' : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<ul>
${buttons}
</ul>
</form>
</main>
</body>
</html>`;
}

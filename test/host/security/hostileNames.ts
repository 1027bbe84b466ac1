// Resource names an attacker (or a careless colleague) could give: markup, script, quotes, a right-to-left
// override, Markdown and icon syntax, and a 200-character name. Used by the host and the UI tests.
export const HOSTILE_VM_NAMES: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(2)>',
  `it's "quoted" & <b>bold</b>`.replace('</b>', '<b>'),
  '\u202egpj.exe-rtl',
  '**md** [link](command:azureBackup.signIn) $(alert) `code`',
  `long-${'n'.repeat(195)}`,
];

/** A resource group with markup in its name (Azure allows parentheses and dots; the sandbox takes any). */
export const HOSTILE_RG = 'hostile-<i>rg</i>'.replace('</i>', '(i)');

/**
 * Names holding the link forms a notification could turn into a link that runs a command: a Markdown link to a
 * command (with an argument list and a title), an autolink and a bare command URI. No `/`: it would split the id.
 */
export const HOSTILE_LINK_NAMES: readonly string[] = [
  '[quit](command:workbench.action.quit)',
  'see [reload](command:workbench.action.reloadWindow "Reload") and [f](file:x)',
  '<command:workbench.action.quit> command:workbench.action.closeWindow',
];

/** What the workbench makes a link of in a notification's text: `[label](target)` with these schemes. */
export const NOTIFICATION_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+/i;

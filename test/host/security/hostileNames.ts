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

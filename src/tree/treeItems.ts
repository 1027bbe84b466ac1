import * as vscode from 'vscode';
import { escapeMarkdown, isolateBidi } from '../presentation/escape';

export interface ItemOptions {
  id: string;
  label: string;
  description?: string;
  icon?: string;
  iconColor?: string;
  contextValue: string;
  collapsible?: boolean;
  expanded?: boolean;
  tooltip?: vscode.MarkdownString;
  command?: vscode.Command;
  /** Spoken instead of "label description" when that is not clear enough. */
  accessibleLabel?: string;
}

/** Builds a TreeItem that always has an id, an icon and accessibility information. */
export function makeTreeItem(o: ItemOptions): vscode.TreeItem {
  const state = o.collapsible
    ? o.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  // Names come from users: a right-to-left override in one must not reverse the rest of the row.
  const item = new vscode.TreeItem(isolateBidi(o.label), state);
  item.id = o.id;
  item.description = o.description === undefined ? undefined : isolateBidi(o.description);
  item.contextValue = o.contextValue;
  item.tooltip = o.tooltip;
  item.command = o.command;
  if (o.icon)
    item.iconPath = new vscode.ThemeIcon(o.icon, o.iconColor ? new vscode.ThemeColor(o.iconColor) : undefined);
  item.accessibilityInformation = {
    label: o.accessibleLabel ?? (o.description ? `${o.label}, ${o.description}` : o.label),
    role: 'treeitem',
  };
  return item;
}

/** A tooltip of "**name**: value" lines; untrusted and with every value escaped (names come from users). */
export function makeTooltip(title: string, rows: [string, string | number | undefined][]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(title)}**\n\n`);
  for (const [name, value] of rows) {
    if (value === undefined || value === '') continue;
    md.appendMarkdown(`${escapeMarkdown(name)}: ${escapeMarkdown(String(value))}  \n`);
  }
  return md;
}

// Finding addons (every folder with a manifest under the addon paths) and ordering them by
// dependency: topological, ties broken by depth then name, so the order is the same everywhere.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { errors } from '../errors.ts';
import { checkManifest, type Addon } from './manifest.ts';

/** Where the core's own `base` addon lives. */
export const CORE_ADDONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'addons');

export const MANIFEST_FILE = 'manifest.ts';

export class AddonIndex {
  constructor(readonly addons: Map<string, Addon>) {}

  get(name: string, neededBy?: string): Addon {
    const addon = this.addons.get(name);
    if (!addon) throw errors.unknownAddon(name, neededBy);
    return addon;
  }

  has(name: string): boolean {
    return this.addons.has(name);
  }

  names(): string[] {
    return [...this.addons.keys()].sort();
  }

  /** `names` and everything they depend on, in load order. */
  closure(names: Iterable<string>): string[] {
    const wanted = new Set<string>();
    const visit = (name: string, neededBy?: string) => {
      if (wanted.has(name)) return;
      const addon = this.get(name, neededBy);
      wanted.add(name);
      for (const dep of addon.manifest.depends ?? []) visit(dep, name);
    };
    for (const name of names) visit(name);
    return this.order(wanted);
  }

  /** Sorts a set of addons so that each comes after its dependencies. */
  order(names: Iterable<string>): string[] {
    const set = new Set(names);
    const depth = new Map<string, number>();
    const stack: string[] = [];
    const depthOf = (name: string): number => {
      if (depth.has(name)) return depth.get(name)!;
      if (stack.includes(name)) throw errors.dependencyCycle([...stack.slice(stack.indexOf(name)), name]);
      stack.push(name);
      const deps = this.get(name).manifest.depends ?? [];
      const d = deps.length ? 1 + Math.max(...deps.map((dep) => depthOf(dep))) : 0;
      stack.pop();
      depth.set(name, d);
      return d;
    };
    return [...set].sort((a, b) => depthOf(a) - depthOf(b) || a.localeCompare(b));
  }

  /** Installed addons that depend (directly or not) on any of `names`. */
  dependents(names: Iterable<string>, installed: Iterable<string>): string[] {
    const removing = new Set(names);
    let grew = true;
    const candidates = [...installed].filter((n) => this.has(n));
    while (grew) {
      grew = false;
      for (const name of candidates) {
        if (removing.has(name)) continue;
        if ((this.get(name).manifest.depends ?? []).some((d) => removing.has(d))) {
          removing.add(name);
          grew = true;
        }
      }
    }
    for (const n of names) removing.delete(n);
    return this.order(removing);
  }

  /** Glue modules whose dependencies would all be installed. */
  autoInstallable(installed: Set<string>): string[] {
    const result: string[] = [];
    let grew = true;
    const all = new Set(installed);
    while (grew) {
      grew = false;
      for (const addon of this.addons.values()) {
        const m = addon.manifest;
        if (!m.autoInstall || all.has(m.name)) continue;
        if ((m.depends ?? []).every((d) => all.has(d))) {
          all.add(m.name);
          result.push(m.name);
          grew = true;
        }
      }
    }
    return result;
  }
}

/** Imports every addon manifest under `paths` (the core's own addons first). */
export async function discoverAddons(paths: string[]): Promise<AddonIndex> {
  const addons = new Map<string, Addon>();
  for (const root of [CORE_ADDONS, ...paths].map((p) => path.resolve(p))) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root).sort()) {
      const dir = path.join(root, entry);
      const file = path.join(dir, MANIFEST_FILE);
      if (!statSync(dir).isDirectory() || !existsSync(file)) continue;
      if (addons.has(entry)) continue; // first path wins, as Odoo's addons_path
      const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
      addons.set(entry, { manifest: checkManifest(entry, loaded.default), dir });
    }
  }
  for (const addon of addons.values()) {
    for (const dep of addon.manifest.depends ?? []) if (!addons.has(dep)) throw errors.unknownAddon(dep, addon.manifest.name);
  }
  return new AddonIndex(addons);
}

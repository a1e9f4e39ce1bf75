#!/usr/bin/env node
// `pnpm seed` at the repository root runs this binary: the root has no `seed` script, and pnpm
// runs a dependency's binary when no script has the name. A script would make pnpm print its
// `> account360@ seed …` banner on stdout first, and `pnpm seed --json | jq` would fail; a binary
// gets no banner, and `pnpm install` keeps its output (a silent reporter in .npmrc would not).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");

#!/usr/bin/env node
// The `asli-verify` bin: runs scripts/asli-verify.ts through tsx (a runtime dependency of this
// package), so the command needs no build step and no generated file.
import { tsImport } from "tsx/esm/api";

await tsImport("../scripts/asli-verify.ts", import.meta.url);

#!/usr/bin/env node
// The `asli-monitor` bin: runs scripts/asli-monitor.ts through tsx (a runtime dependency of this
// package), so the command needs no build step and no generated file.
import { tsImport } from "tsx/esm/api";

await tsImport("../scripts/asli-monitor.ts", import.meta.url);

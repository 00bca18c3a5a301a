#!/usr/bin/env node
// Entry point of the echo-env command line.
import { buildProgram } from "./program.js";

await buildProgram().parseAsync(process.argv);

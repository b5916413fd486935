// Deliberately empty. docx's typings say `/// <reference types="node" />`, which would give every
// file of the pure layers (tsconfig.core.json) Node's globals (Buffer, process, …). That project
// sets `typeRoots` to types/no-node, so the reference lands here instead: core and shared compile
// without Node types, and docx's own few Node-typed members (skipped by skipLibCheck) go unused.
export {};

// Types of the modular SDKs' subpath entry points, which the project's `node10` module resolution cannot read from
// their `exports` maps. Node and esbuild resolve the imports themselves through those maps; only the types are routed
// here. The subpaths let the bundle take the few operations the restore form needs instead of a whole client.
declare module '@azure/arm-network/api' {
  export * from '@azure/arm-network/dist/esm/api/index';
}
declare module '@azure/arm-storage/api' {
  export * from '@azure/arm-storage/dist/esm/api/index';
}
declare module '@azure/arm-storage/api/storageAccounts' {
  export * from '@azure/arm-storage/dist/esm/api/storageAccounts/index';
}

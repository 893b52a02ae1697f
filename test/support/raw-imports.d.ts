// Vite's `?raw` imports: a file's text, bundled into the test, so that tests inside workerd
// (which has no file system) can read the documents they check.
declare module "*.md?raw" {
  const text: string;
  export default text;
}

// The apps build these files with Vite, which turns `*.module.css` into a class-name map
// (the apps get the same declaration from vite/client).
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}

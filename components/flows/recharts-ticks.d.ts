// Recharts ships no types for its ES module files; this one has the same signature as its typed twin.
declare module 'recharts/es6/util/scale/getNiceTickValues' {
  export { getNiceTickValues } from 'recharts/types/util/scale/getNiceTickValues';
}

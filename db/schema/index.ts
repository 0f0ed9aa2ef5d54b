export * from "./auth";
export * from "./calibration";
export * from "./evaluations";
export * from "./organization";
export * from "./scorecards";
export * from "./system";

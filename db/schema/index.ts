export * from "./auth";
export * from "./calibration";
export * from "./certificates";
export * from "./evaluations";
export * from "./organization";
export * from "./scorecards";
export * from "./system";
export * from "./training";

export * from "./auth";
export * from "./organization";
export * from "./system";

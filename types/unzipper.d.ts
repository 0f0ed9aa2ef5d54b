// The part of unzipper (0.10, no types of its own) that the xlsx import uses: random access to a zip's entries.
declare module "unzipper" {
  import type { Readable } from "node:stream";

  export interface File {
    path: string;
    type: "File" | "Directory";
    uncompressedSize: number;
    stream(): Readable;
    buffer(): Promise<Buffer>;
  }
  export interface CentralDirectory {
    files: File[];
  }
  export const Open: {
    file(path: string): Promise<CentralDirectory>;
    buffer(data: Buffer): Promise<CentralDirectory>;
  };
}

export declare const MIME_TYPES: Readonly<Record<string, string>>;
export declare function mimeTypeFor(filePath: string): string;

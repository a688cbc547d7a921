export declare const ALIASES: Record<'@shared' | '@renderer' | '@electron' | '@test', string>;
export declare const viteAliases: { find: RegExp; replacement: string }[];

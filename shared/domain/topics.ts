import { z } from 'zod';

import type { Lang } from '../i18n/lang';
import { err, requiredText } from './common';

/**
 * Topic ids are short stable slugs, not UUIDs: they are written into reports and exports,
 * and a retired topic keeps its id so old appeals still name it.
 */
export const topicIdSchema = z
  .string(err('required'))
  .trim()
  .min(1, err('required'))
  .max(64, err('too_long'))
  .regex(/^[a-z0-9_-]+$/, err('topic_id_invalid'));

export const topicSchema = z.object({
  id: topicIdSchema,
  kk: requiredText(200),
  ru: requiredText(200),
  retired: z.boolean().default(false),
});
export type Topic = z.output<typeof topicSchema>;

export const OTHER_TOPIC_ID = 'other';

export const DEFAULT_TOPICS = [
  {
    id: 'housing',
    kk: 'Тұрғын үй-коммуналдық шаруашылық (ТКШ)',
    ru: 'Жилищно-коммунальное хозяйство (ЖКХ)',
    retired: false,
  },
  {
    id: 'water',
    kk: 'Сумен жабдықтау және су бұру',
    ru: 'Водоснабжение и водоотведение',
    retired: false,
  },
  {
    id: 'heating_gas',
    kk: 'Жылумен жабдықтау және газ',
    ru: 'Теплоснабжение и газ',
    retired: false,
  },
  { id: 'roads_transport', kk: 'Жолдар және көлік', ru: 'Дороги и транспорт', retired: false },
  {
    id: 'improvement',
    kk: 'Абаттандыру және көгалдандыру',
    ru: 'Благоустройство и озеленение',
    retired: false,
  },
  { id: 'land_construction', kk: 'Жер және құрылыс', ru: 'Земля и строительство', retired: false },
  { id: 'social_support', kk: 'Әлеуметтік қолдау', ru: 'Социальная поддержка', retired: false },
  { id: 'health', kk: 'Денсаулық сақтау', ru: 'Здравоохранение', retired: false },
  { id: 'education', kk: 'Білім беру', ru: 'Образование', retired: false },
  { id: 'employment', kk: 'Жұмыспен қамту', ru: 'Занятость', retired: false },
  { id: 'ecology_waste', kk: 'Экология және қалдықтар', ru: 'Экология и отходы', retired: false },
  {
    id: 'public_safety',
    kk: 'Қоғамдық қауіпсіздік',
    ru: 'Общественная безопасность',
    retired: false,
  },
  { id: OTHER_TOPIC_ID, kk: 'Басқа', ru: 'Другое', retired: false },
] as const satisfies readonly Topic[];

export type DefaultTopicId = (typeof DEFAULT_TOPICS)[number]['id'];

/** The topic's name in a language; an unknown id is shown as is rather than hidden. */
export function topicLabel(topics: readonly Topic[], id: string, lang: Lang): string {
  return topics.find((topic) => topic.id === id)?.[lang] ?? id;
}

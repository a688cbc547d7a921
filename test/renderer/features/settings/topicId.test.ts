import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS, topicIdSchema } from '@shared/domain';
import {
  isBuiltInTopic,
  slugify,
  suggestTopicId,
  topicIdFor,
} from '@renderer/features/settings/topicId';

describe('topic ids from names', () => {
  it.each([
    ['Ауласы және ойын алаңдары', 'aulasy_zhane_oiyn_alandary'],
    ['Ғимараттар, қоқыс шығару', 'gimarattar_qoqys_shygaru'],
    ['Детские площадки', 'detskie_ploshchadki'],
    ['Освещение улиц (ночью)', 'osveshchenie_ulits_nochyu'],
    ['  !!!  ', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('prefers the Russian name, falls back to Kazakh, and always passes the schema', () => {
    expect(topicIdFor({ kk: 'Жарықтандыру', ru: 'Освещение' }, [])).toBe('osveshchenie');
    expect(topicIdFor({ kk: 'Жарықтандыру', ru: '' }, [])).toBe('zharyqtandyru');
    const random = topicIdFor({ kk: '…', ru: '—' }, []);
    expect(random).toMatch(/^topic_[0-9a-f]{12}$/);
    for (const id of [random, topicIdFor({ kk: 'x'.repeat(300), ru: '' }, [])]) {
      expect(topicIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('suggests nothing (no random id) while the names give nothing to go on', () => {
    expect(suggestTopicId({ kk: '', ru: '' }, [])).toBeNull();
    expect(suggestTopicId({ kk: '', ru: 'Освещение' }, [{ id: 'osveshchenie' }])).toBe(
      'osveshchenie_2',
    );
  });

  it('never reuses an existing id', () => {
    const existing = [{ id: 'water' }, { id: 'water_2' }];
    expect(topicIdFor({ kk: '', ru: 'Water' }, existing)).toBe('water_3');
  });

  it('knows the built-in topics', () => {
    expect(DEFAULT_TOPICS.every((t) => isBuiltInTopic(t.id))).toBe(true);
    expect(isBuiltInTopic('osveshchenie')).toBe(false);
  });
});
